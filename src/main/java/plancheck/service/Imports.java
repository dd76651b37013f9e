package plancheck.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.domain.Source;
import plancheck.ingest.CommitmentCandidate;
import plancheck.ingest.ImportReport;
import plancheck.ingest.ReportImporter;
import plancheck.ingest.ResultCandidate;
import plancheck.ingest.ResultLinker;
import plancheck.ingest.Skipped;
import plancheck.ingest.Span;
import plancheck.store.Json;
import plancheck.store.Store;

/**
 * The review of a report import: the text and its candidates are kept as a draft; accepting candidates stores
 * commitments (with their source: document, section, quote and span into the kept text) and the results linked to
 * them, all in one transaction. A candidate that repeats a stored commitment is answered with that one's id and not
 * stored again (there is no forcing it: create a commitment the check mistakes for a duplicate with
 * {@code POST /api/commitments}). Accepting a candidate again answers with what the first acceptance stored.
 */
public final class Imports {

    /** What accepting one candidate came to. */
    public enum Outcome {
        /** stored by this call */
        STORED,
        /** stored by an earlier acceptance of the same candidate; nothing stored again */
        ACCEPTED_BEFORE,
        /** the commitment is stored already (see the reason); not stored again */
        DUPLICATE,
        /** a result that no stored or accepted commitment measures (see the reason); not stored */
        NOT_LINKED
    }

    /** A proposed commitment: {@code duplicateOf} a stored one, or {@code accepted} as the stored one named. */
    public record CommitmentProposal(String id, Commitment commitment, String project, double confidence, Span span,
            String quote, List<String> notes, String duplicateOf, String accepted) {
    }

    /**
     * A proposed result; its {@code result.commitmentId} is the commitment it is linked to, else {@code unlinked}
     * says why there is none. {@code accepted}: the id of the stored result.
     */
    public record ResultProposal(String id, Result result, String district, int year, String metric, String unit,
            String project, double confidence, Span span, String quote, List<String> notes, String unlinked,
            Long accepted) {
    }

    /** A kept import with its candidates as they stand now (duplicates and links against what is stored). */
    public record Draft(String id, String document, String district, String createdBy, Instant createdAt,
            int textLength, Integer planYear, Integer summaryYear, String planSection, String summarySection,
            List<CommitmentProposal> commitments, List<ResultProposal> results, List<Skipped> skipped) {
    }

    /**
     * A candidate to accept: as proposed ({@code edited} null) or as edited. {@code link} (results only) names the
     * commitment a result measures: a stored id, or the candidate id of a commitment of the same import.
     */
    public record Pick<T>(String candidate, T edited, String link) {
        public static <T> Pick<T> of(String candidate) {
            return new Pick<>(candidate, null, null);
        }
    }

    /** The answer for one candidate. */
    public record Answer(String candidate, Outcome outcome, String commitmentId, Long resultId, String reason) {
    }

    public record Accepted(String importId, Map<Outcome, Integer> counts, List<Answer> commitments,
            List<Answer> results) {
    }

    private static final Pattern SEED = Pattern.compile("[0-9A-Za-z_-]{1,100}");
    private static final String SEEDS = "data/seeds/";

    private final Service service;
    private final Store store;
    private final ReportImporter importer;

    public Imports(Service service, ReportImporter importer) {
        this.service = service;
        this.store = service.store();
        this.importer = importer;
    }

    /** Reads the text, keeps it and its candidates as a draft; {@code by} is recorded as who imported it. */
    public CompletableFuture<Draft> create(String text, String district, String document, String by) {
        return service.offThread(() -> {
            String id = "imp-" + UUID.randomUUID();
            ImportReport report = withSources(importer.importText(text, district, document), id);
            String resolved = district != null ? district : Stream.concat(
                    report.commitments().stream().map(c -> c.commitment().district()),
                    report.results().stream().map(ResultCandidate::district))
                    .filter(d -> d != null).findFirst().orElse(null);
            Store.ImportDraft d = new Store.ImportDraft(id, document, resolved, Service.author(by),
                    service.instant(), text, write(report));
            store.insertImport(d);
            return view(d, report, text.length(), Map.of());
        });
    }

    public CompletableFuture<Draft> draft(String id) {
        return service.offThread(() -> {
            Store.ImportDraft d = stored(id, true);
            return view(d, read(d.candidates()), d.text().length(), marks(id));
        });
    }

    /** The text as it was sent, which every span points into. */
    public CompletableFuture<String> text(String id) {
        return service.offThread(() -> stored(id, true).text());
    }

    /** The text of a seed report shipped with the data set ({@code 003_af213d65b87cb190}, or its file name). */
    public CompletableFuture<String> document(String name) {
        return service.offThread(() -> {
            String base = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
            if (!SEED.matcher(base).matches()) {
                throw new Rejected.NotFound("document", "document", name);
            }
            try (InputStream in = Imports.class.getClassLoader().getResourceAsStream(SEEDS + base + ".txt")) {
                if (in == null) {
                    throw new Rejected.NotFound("document", "document", name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Accepts candidates in one transaction, all or none: unknown or repeated candidates, edits that break the
     * domain rules and results naming a commitment that is neither stored nor accepted are refused with field
     * errors ({@code commitments[1].target}) and nothing is stored. Results that no commitment measures come back
     * {@link Outcome#NOT_LINKED} with the reason; they can be accepted once their commitment is stored.
     */
    public CompletableFuture<Accepted> accept(String importId, List<Pick<Commitment>> commitments,
            List<Pick<Result>> results, String by) {
        return service.writeImport(() -> new Acceptance(importId, by).decide(commitments, results), by);
    }

    // ---- inside ----

    /** One acceptance, decided on the writer thread. */
    private final class Acceptance {
        private final String importId;
        private final String by;
        private final ImportReport report;
        private final Map<String, Store.ImportMark> marks;
        private final List<FieldError> errors = new ArrayList<>();
        /** The commitment each commitment candidate of this call came to: stored now, before, or its duplicate. */
        private final Map<String, String> commitmentOf = new HashMap<>();
        private final List<Commitment> fresh = new ArrayList<>();
        private final List<String> freshCandidates = new ArrayList<>();
        private final List<Result> results = new ArrayList<>();
        private final List<String> resultCandidates = new ArrayList<>();

        Acceptance(String importId, String by) {
            this.importId = importId;
            this.by = by;
            this.report = read(stored(importId, false).candidates());
            this.marks = marks(importId);
        }

        Service.ImportWrite<Accepted> decide(List<Pick<Commitment>> cs, List<Pick<Result>> rs) {
            if (cs.isEmpty() && rs.isEmpty()) {
                errors.add(new FieldError("", "name at least one candidate in commitments or results"));
            }
            List<Answer> cAnswers = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cs.size(); i++) {
                commitment(cs.get(i), "commitments[" + i + "]", seen).ifPresent(cAnswers::add);
            }
            List<Answer> rAnswers = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                result(rs.get(i), "results[" + i + "]", seen).ifPresent(rAnswers::add);
            }
            if (!errors.isEmpty()) {
                throw new Rejected.Invalid(errors);
            }
            Store.ImportAcceptance a = new Store.ImportAcceptance(importId, fresh, freshCandidates, results,
                    resultCandidates);
            return new Service.ImportWrite<>(a, stored -> answer(cAnswers, rAnswers, stored));
        }

        private Optional<Answer> commitment(Pick<Commitment> pick, String field, Set<String> seen) {
            CommitmentCandidate cand = candidate(pick.candidate(), field, seen, report.commitments(), "c");
            if (cand == null) {
                return Optional.empty();
            }
            Store.ImportMark mark = marks.get(pick.candidate());
            if (mark != null) {
                commitmentOf.put(pick.candidate(), mark.commitmentId());
                return Optional.of(new Answer(pick.candidate(), Outcome.ACCEPTED_BEFORE, mark.commitmentId(), null,
                        "accepted on " + mark.at() + " by " + mark.by()));
            }
            Commitment proposed = cand.commitment();
            Commitment c = pick.edited() == null ? proposed : pick.edited().withId(proposed.id());
            c = new Commitment(c.id(), c.district(), c.districtName(), c.year(), c.category(), c.title(), c.kind(),
                    c.metric(), c.unit(), c.target(), c.targetMax(), c.baseline(), c.prior(), c.stage(),
                    c.plannedStages(), c.start(), c.deadline(), c.firmness(), c.owner(), c.lead(), proposed.source(),
                    c.assumed(), 1);
            List<FieldError> broken = Validation.commitment(c, field + ".");
            errors.addAll(broken);
            if (!broken.isEmpty()) {
                return Optional.empty();
            }
            Optional<Duplicates.Match> dup = Duplicates.of(c, pool(c.district(), c.year()), cand.project());
            if (dup.isPresent()) {
                commitmentOf.put(pick.candidate(), dup.get().stored().id());
                return Optional.of(new Answer(pick.candidate(), Outcome.DUPLICATE, dup.get().stored().id(), null,
                        dup.get().reason() + " as the stored commitment"));
            }
            c = c.withId(freeId(c.id()));
            fresh.add(c);
            freshCandidates.add(pick.candidate());
            commitmentOf.put(pick.candidate(), c.id());
            return Optional.of(new Answer(pick.candidate(), Outcome.STORED, c.id(), null, null));
        }

        private Optional<Answer> result(Pick<Result> pick, String field, Set<String> seen) {
            ResultCandidate cand = candidate(pick.candidate(), field, seen, report.results(), "r");
            if (cand == null) {
                return Optional.empty();
            }
            Store.ImportMark mark = marks.get(pick.candidate());
            if (mark != null) {
                return Optional.of(new Answer(pick.candidate(), Outcome.ACCEPTED_BEFORE, mark.commitmentId(),
                        mark.resultId(), "accepted on " + mark.at() + " by " + mark.by()));
            }
            String target;
            if (pick.link() != null) {
                target = explicitLink(pick.link(), field + ".commitmentId");
                if (target == null) {
                    return Optional.empty();
                }
            } else {
                ResultCandidate linked = ResultLinker.link(List.of(cand), this::pool).get(0);
                target = linked.result().commitmentId();
                if (target == null) {
                    return Optional.of(new Answer(pick.candidate(), Outcome.NOT_LINKED, null, null,
                            unlinked(linked)));
                }
            }
            Commitment k = fresh.stream().filter(f -> f.id().equals(target)).findFirst()
                    .orElseGet(() -> service.commitment(target).orElseThrow());
            Result r = pick.edited() == null ? cand.result() : pick.edited();
            Result linked = new Result(null, target, r.value(), r.stage(), r.done(), r.asOf(),
                    r.reportedBy() != null ? r.reportedBy() : Service.author(by), cand.result().evidence(), r.note(),
                    r.sample());
            List<FieldError> broken = new ArrayList<>(Validation.result(linked, k, service.resultDay(), field + "."));
            if (linked.asOf() != null && linked.asOf().isBefore(k.effectiveStart())) {
                broken.add(new FieldError(field + ".asOf", linked.asOf() + " is before the start of " + target + " ("
                        + k.effectiveStart() + "): a figure of an earlier period is its prior, not a result"));
            }
            errors.addAll(broken);
            if (!broken.isEmpty()) {
                return Optional.empty();
            }
            results.add(linked);
            resultCandidates.add(pick.candidate());
            return Optional.of(new Answer(pick.candidate(), Outcome.STORED, target, null, null));
        }

        /**
         * The importer's id, or with a number after it when taken: by the same clause accepted from an earlier
         * import with other values (so no duplicate), or by a retired commitment.
         */
        private String freeId(String base) {
            String id = base;
            for (int n = 2; store.commitment(id).isPresent() || taken(id); n++) {
                id = base + "-v" + n;
            }
            return id;
        }

        private boolean taken(String id) {
            return fresh.stream().anyMatch(f -> f.id().equals(id));
        }

        /** A stored commitment's id, or a commitment candidate of this import accepted now or before. */
        private String explicitLink(String link, String field) {
            if (indexOf(link, "c", report.commitments().size()) >= 0) {
                String id = commitmentOf.containsKey(link) ? commitmentOf.get(link)
                        : marks.containsKey(link) ? marks.get(link).commitmentId() : null;
                if (id == null) {
                    errors.add(new FieldError(field, "candidate " + link + " is not accepted: accept it in the same"
                            + " call (commitments) or before"));
                }
                return id;
            }
            if (fresh.stream().anyMatch(f -> f.id().equals(link)) || service.commitment(link).isPresent()) {
                return link;
            }
            errors.add(new FieldError(field, "no stored commitment " + link + ", and no commitment candidate of this"
                    + " import by that id"));
            return null;
        }

        /** Stored commitments of one district and year, and those this call accepts. */
        private List<Commitment> pool(String district, int year) {
            if (district == null) {
                return List.of();
            }
            return Stream.concat(service.liveOf(district, year).stream(),
                    fresh.stream().filter(f -> district.equals(f.district()) && f.year() == year)).toList();
        }

        private <T> T candidate(String id, String field, Set<String> seen, List<T> all, String prefix) {
            int i = indexOf(id, prefix, all.size());
            if (i < 0) {
                errors.add(new FieldError(field, "unknown candidate " + id + "; this import has "
                        + (all.isEmpty() ? "none" : prefix + "1.." + prefix + all.size())));
                return null;
            }
            if (!seen.add(id)) {
                errors.add(new FieldError(field, "candidate " + id + " is named twice"));
                return null;
            }
            return all.get(i);
        }

        private Accepted answer(List<Answer> cs, List<Answer> rs, List<Result> stored) {
            List<Answer> withIds = new ArrayList<>(rs.size());
            int next = 0;
            for (Answer a : rs) {
                withIds.add(a.outcome() == Outcome.STORED ? new Answer(a.candidate(), a.outcome(), a.commitmentId(),
                        stored.get(next++).id(), null) : a);
            }
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                counts.put(o, 0);
            }
            Stream.concat(cs.stream(), withIds.stream()).forEach(a -> counts.merge(a.outcome(), 1, Integer::sum));
            return new Accepted(importId, counts, cs, withIds);
        }
    }

    /** The draft as it stands: duplicates and links computed against the live commitments. */
    private Draft view(Store.ImportDraft d, ImportReport report, int textLength, Map<String, Store.ImportMark> marks) {
        List<CommitmentProposal> cs = new ArrayList<>();
        for (int i = 0; i < report.commitments().size(); i++) {
            CommitmentCandidate c = report.commitments().get(i);
            String id = "c" + (i + 1);
            Store.ImportMark mark = marks.get(id);
            String dup = mark != null || c.commitment().district() == null ? null
                    : Duplicates.of(c.commitment(), service.liveOf(c.commitment().district(), c.commitment().year()),
                            c.project()).map(m -> m.stored().id()).orElse(null);
            cs.add(new CommitmentProposal(id, c.commitment(), c.project(), c.confidence(), c.span(), c.quote(),
                    c.notes(), dup, mark == null ? null : mark.commitmentId()));
        }
        List<ResultCandidate> linked = ResultLinker.link(report.results(),
                (district, year) -> district == null ? List.of() : service.liveOf(district, year));
        List<ResultProposal> rs = new ArrayList<>();
        for (int i = 0; i < linked.size(); i++) {
            ResultCandidate r = linked.get(i);
            String id = "r" + (i + 1);
            Store.ImportMark mark = marks.get(id);
            Result result = mark == null ? r.result() : new Result(mark.resultId(), mark.commitmentId(),
                    r.result().value(), r.result().stage(), r.result().done(), r.result().asOf(), null,
                    r.result().evidence(), r.result().note(), r.result().sample());
            String unlinked = result.commitmentId() == null ? unlinked(r) : null;
            rs.add(new ResultProposal(id, result, r.district(), r.year(), r.metric(), r.unit(), r.project(),
                    r.confidence(), r.span(), r.quote(), r.notes(), unlinked, mark == null ? null : mark.resultId()));
        }
        return new Draft(d.id(), d.document(), d.district(), d.createdBy(), d.createdAt(), textLength,
                report.planYear(), report.summaryYear(), report.planSection(), report.summarySection(), cs, rs,
                report.skipped());
    }

    /** Why a result has no commitment: the linker's note when several match, else that none does. */
    private static String unlinked(ResultCandidate r) {
        if (r.district() == null || r.metric() == null) {
            return "the result names no " + (r.district() == null ? "district" : "metric") + ": give commitmentId";
        }
        return r.notes().stream().filter(n -> n.startsWith("several commitments")).findFirst()
                .orElse("no stored commitment of " + r.district() + " " + r.year() + " measures " + r.metric()
                        + (r.project() == null ? "" : " for " + r.project()) + " (the " + r.year()
                        + " plan is not stored): store it, or give commitmentId");
    }

    /** Every commitment gets its source's span and this import's id, so it can be shown in the kept text. */
    private static ImportReport withSources(ImportReport r, String importId) {
        List<CommitmentCandidate> cs = r.commitments().stream().map(c -> {
            Commitment k = c.commitment();
            Source s = k.source() == null ? new Source(null, null, c.quote()) : k.source();
            Source sourced = s.withImport(new Source.Span(c.span().start(), c.span().end()), importId);
            Commitment withSource = new Commitment(k.id(), k.district(), k.districtName(), k.year(), k.category(),
                    k.title(), k.kind(), k.metric(), k.unit(), k.target(), k.targetMax(), k.baseline(), k.prior(),
                    k.stage(), k.plannedStages(), k.start(), k.deadline(), k.firmness(), k.owner(), k.lead(), sourced,
                    k.assumed(), k.revision());
            return new CommitmentCandidate(withSource, c.project(), c.confidence(), c.span(), c.quote(), c.notes());
        }).toList();
        return new ImportReport(r.planYear(), r.summaryYear(), r.planSection(), r.summarySection(), cs, r.results(),
                r.skipped());
    }

    private Store.ImportDraft stored(String id, boolean withText) {
        return store.importDraft(id, withText).orElseThrow(() -> new Rejected.NotFound("import", "id", id));
    }

    private Map<String, Store.ImportMark> marks(String id) {
        Map<String, Store.ImportMark> out = new HashMap<>();
        store.importMarks(id).forEach(m -> out.put(m.candidate(), m));
        return out;
    }

    /** The index of candidate id {@code c3} among {@code size} candidates, else -1. */
    private static int indexOf(String id, String prefix, int size) {
        if (id == null || !id.matches(prefix + "[1-9][0-9]{0,5}")) {
            return -1;
        }
        int i = Integer.parseInt(id.substring(1)) - 1;
        return i < size ? i : -1;
    }

    private static String write(ImportReport report) {
        try {
            return Json.MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportReport read(String json) {
        try {
            return Json.MAPPER.readValue(json, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import does not read back: " + e.getMessage(), e);
        }
    }
}
