package plancheck.ingest;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.domain.Commitment;
import plancheck.domain.Prior;
import plancheck.domain.Source;

/**
 * Reads a work report's text and proposes the commitments of its plan section ({@link PlanReader}) and the results of
 * its summary section ({@link SummaryReader}), each with the exact clause it comes from. Stores nothing; never throws
 * on any text.
 */
public final class ReportImporter {

    private final MetricVocabulary vocabulary;
    /** Dates a plan whose text names no year (今年将… in a news item): the year it is read in. */
    private final Clock clock;

    public ReportImporter(MetricVocabulary vocabulary) {
        this(vocabulary, Clock.systemDefaultZone());
    }

    public ReportImporter(MetricVocabulary vocabulary, Clock clock) {
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    /**
     * @param text     the report's plain text
     * @param district district id; null to take the 街道 the text names most
     * @param document the document's name for {@link Source#document()}; may be null
     */
    public ImportReport importText(String text, String district, String document) {
        if (text == null || text.isBlank()) {
            return ImportReport.empty("empty text", new Span(0, text == null ? 0 : text.length()));
        }
        try {
            return read(text, district, document);
        } catch (RuntimeException e) {
            // A report the rules cannot read must still get an answer that says so.
            return ImportReport.empty("text could not be read: " + e, new Span(0, text.length()));
        }
    }

    private ImportReport read(String text, String districtId, String document) {
        NormalizedText nt = NormalizedText.of(text);
        SectionFinder.Sections sections = SectionFinder.find(text);
        Districts.District district = Districts.resolve(districtId, nt.text());
        List<Skipped> skipped = new ArrayList<>();
        List<ResultCandidate> results = new ArrayList<>();
        Optional<Section> summary = sections.summary().filter(s -> s.year() != null);
        summary.ifPresent(s -> results.addAll(new SummaryReader(vocabulary, nt, s, district, document, skipped).results()));
        Optional<Section> plan = sections.plan().map(p -> p.year() != null ? p : withYearOf(p, document));
        if (plan.isEmpty()) {
            skipped.add(new Skipped(new Span(0, text.length()), "",
                    "no plan section found (headings such as 2023年工作计划, 工作思路, 工作安排, 工作要点, 主要预期目标)"));
            return new ImportReport(null, summary.map(Section::year).orElse(null), null,
                    summary.map(Section::heading).orElse(null), List.of(), results, skipped);
        }
        boolean yearAssumed = plan.get().year() == null;
        if (yearAssumed) {
            Section p = plan.get();
            plan = Optional.of(new Section(p.heading(), Year.now(clock).getValue(), p.start(), p.end()));
        }
        List<CommitmentCandidate> commitments = new PlanReader(vocabulary, nt, plan.get(), district, document, skipped).commitments();
        if (yearAssumed) {
            commitments = commitments.stream().map(ReportImporter::withYearAssumed).toList();
        }
        commitments = withPriors(commitments, results);
        return new ImportReport(plan.get().year(), summary.map(Section::year).orElse(null), plan.get().heading(),
                summary.map(Section::heading).orElse(null), commitments, results, skipped);
    }

    /** The text states no year: the planner checks the one taken. */
    private static CommitmentCandidate withYearAssumed(CommitmentCandidate c) {
        Commitment k = c.commitment();
        List<String> assumed = new ArrayList<>(k.assumed());
        assumed.add("year");
        List<String> notes = new ArrayList<>(c.notes());
        notes.add("the text names no year: the year of import is taken as the plan year");
        Commitment withYear = new Commitment(k.id(), k.district(), k.districtName(), k.year(), k.category(),
                k.title(), k.kind(), k.metric(), k.unit(), k.target(), k.targetMax(), k.baseline(), k.prior(), k.stage(),
                k.plannedStages(), k.start(), k.deadline(), k.firmness(), k.owner(), k.lead(), k.source(),
                assumed, k.revision());
        return new CommitmentCandidate(withYear, c.project(), c.confidence(), c.span(), c.quote(), notes);
    }

    private static final Pattern DOCUMENT_YEAR = Pattern.compile("(?:19|20)\\d{2}");

    /** An excerpt that states no year takes the one its file name gives (2024年区政府工作报告.pdf). */
    private static Section withYearOf(Section plan, String document) {
        Matcher m = document == null ? null : DOCUMENT_YEAR.matcher(document);
        return m != null && m.find() ? new Section(plan.heading(), Integer.valueOf(m.group()), plan.start(), plan.end())
                : plan;
    }

    /**
     * The summary's figure of the same metric and unit is the commitment's preceding period (新增托位287个 before
     * 200个以上). Rates (覆盖率, 满意率) measure a different subject each time and get none.
     */
    private static List<CommitmentCandidate> withPriors(List<CommitmentCandidate> commitments,
                                                        List<ResultCandidate> results) {
        List<CommitmentCandidate> out = new ArrayList<>();
        for (CommitmentCandidate c : commitments) {
            Commitment k = c.commitment();
            List<ResultCandidate> same = k.kind().numeric() && k.metric() != null && !k.metric().endsWith("_rate")
                    ? results.stream().filter(r -> k.metric().equals(r.metric()) && r.result().value() != null
                            && java.util.Objects.equals(k.unit(), r.unit())).toList()
                    : List.of();
            if (same.size() != 1) {
                out.add(c); // none, or several figures of the metric: which one precedes the target is not clear
                continue;
            }
            ResultCandidate r = same.get(0);
            Prior prior = new Prior(r.year(), r.result().value(), r.quote());
            Commitment withPrior = new Commitment(k.id(), k.district(), k.districtName(), k.year(), k.category(),
                    k.title(), k.kind(), k.metric(), k.unit(), k.target(), k.targetMax(), k.baseline(), prior, k.stage(),
                    k.plannedStages(), k.start(), k.deadline(), k.firmness(), k.owner(), k.lead(), k.source(),
                    k.assumed(), k.revision());
            out.add(new CommitmentCandidate(withPrior, c.project(), c.confidence(), c.span(), c.quote(), c.notes()));
        }
        return out;
    }
}
