package plancheck.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.domain.Commitment;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Source;
import plancheck.domain.Stage;
import plancheck.ingest.MetricVocabulary.Direction;
import plancheck.ingest.MetricVocabulary.Metric;

/**
 * Reads a plan section into proposed commitments: figures, milestones, tasks done or not and duties kept up. Table
 * rows are read cell by cell, and their commitments take the row's 责任单位, 牵头领导 and 完成时限.
 */
final class PlanReader extends SectionReader<CommitmentCandidate> {

    private static final Pattern STRIVE = Words.pattern("strive");
    private static final Pattern BREAKDOWN = Words.pattern("breakdown-markers");
    /** Words that give one figure to each item before them: A、B各9000亩, A和B均增长8%. */
    private static final String SHARED = String.join("", Words.list("shared-figure-words"));
    private static final int SHARE_REACH = 5;
    /** How far back in its sentence a 其中 reaches: text without sentence ends is not read again for every clause. */
    private static final int BREAKDOWN_REACH = 120;
    private static final Pattern BINARY = Words.opening("task-verbs");
    private static final Pattern BINARY_LEAD = Pattern.compile("^(?:" + Words.alternation("task-lead") + ")+");
    private static final Pattern ONGOING = Words.pattern("ongoing-words");
    private static final Pattern ONGOING_START = Words.opening("ongoing-starts");
    private static final Pattern VAGUE = Words.ending("vague-objects");
    private static final int MIN_TASK = 6;
    /** A project's name in a table cell; a longer cell is a description, read clause by clause. */
    private static final int MAX_COMPLETED_NAME = 30;

    /** How often each id was handed out in this import: a repeated clause gets -2, -3, … */
    private final Map<String, Integer> ids = new HashMap<>();
    private Clause deadlineOf;
    private Optional<Deadlines.Deadline> clauseDeadline = Optional.empty();
    private Clause ownersOf;
    private Owners.Named clauseOwners;
    /** The table row being read, whose owner, lead and 完成时限 its commitments take; null outside tables. */
    private TableReader.Row row;
    private TableReader.Content cell;
    /** The figures a row has already given: its 具体内容 often restates its 子项目's number. */
    private final Set<String> rowFigures = new HashSet<>();

    PlanReader(MetricVocabulary vocabulary, NormalizedText nt, Section section, Districts.District district,
               String document, List<Skipped> skipped) {
        super(vocabulary, nt, section, district, document, skipped);
    }

    List<CommitmentCandidate> commitments() {
        List<CommitmentCandidate> out = new ArrayList<>();
        int cursor = section.start();
        for (TableReader.Row r : TableReader.rows(nt.original(), section.start(), section.end())) {
            if (r.start() < cursor) {
                continue;
            }
            read(cursor, r.start(), out);
            row = r;
            rowFigures.clear();
            for (TableReader.Content c : r.content()) {
                cell = c;
                if (r.completes() && c == r.content().get(0)) {
                    completed(c, out);
                } else {
                    read(c.start(), c.end(), out);
                }
            }
            row = null;
            cell = null;
            cursor = r.end();
        }
        read(cursor, section.end(), out);
        return Headlines.withoutRepeated(nt.original(), out);
    }


    /**
     * The first content cell of a row in a table with a 竣工时间 column names a project (打通“断头路”项目) that is to
     * be completed by then: the whole cell is the project, its verbs are part of the name.
     */
    private void completed(TableReader.Content c, List<CommitmentCandidate> out) {
        int a = Math.max(from, nt.normalizedOffset(c.start()));
        int b = Math.min(to, nt.normalizedOffset(c.end()));
        String name = a < b ? nt.text().substring(a, b).strip() : "";
        if (name.isEmpty() || name.length() > MAX_COMPLETED_NAME) {
            read(c.start(), c.end(), out);
            return;
        }
        Clause clause = new Clause(name, a + nt.text().substring(a, b).indexOf(name), a, b);
        String stageMetric = vocabulary.contains("project_stage") ? "project_stage" : null;
        milestone(clause, new Milestone(name, Stage.COMPLETED, "竣工", 0, name.length(), false, null), stageMetric, out);
    }

    /** The plan text between two original offsets. */
    private void read(int originalFrom, int originalTo, List<CommitmentCandidate> out) {
        int a = Math.max(from, nt.normalizedOffset(originalFrom));
        int b = Math.min(to, nt.normalizedOffset(originalTo));
        if (a >= b) {
            return;
        }
        for (Clause clause : ClauseSplitter.split(nt.text(), a, b)) {
            int before = out.size();
            Set<String> reasons = new LinkedHashSet<>();
            read(clause, out, reasons);
            if (out.size() == before) {
                other(clause, out);
            }
            if (out.size() == before) {
                reasons.forEach(r -> skip(clause, r));
            }
        }
    }

    @Override
    List<QuantityParser.Found> screened(String clause, List<QuantityParser.Found> found) {
        return Scopes.marked(clause, found); // a summary's 受益群众1000人 is a result, a plan's is no target
    }

    @Override
    boolean needsMetric() {
        return false;
    }

    @Override
    String refuse(Clause clause, Quantity q) {
        String before = clause.text().substring(0, q.start());
        if (before.contains("已")) {
            return "a figure already reached, not a target";
        }
        if (totalOfResult(clause.text(), q)) {
            return "the whole a result already reached is counted against (27个城中村已完成23个), not a target";
        }
        // 新增学位5000个，其中幼儿园420个: the parts of the figure before; one with its own bound (不少于500个) is a target
        String sentence = nt.text().substring(Math.max(clause.sentenceStart(), clause.start() - BREAKDOWN_REACH),
                clause.start()) + before;
        boolean breakdown = q.bound() == null && BREAKDOWN.matcher(sentence).find();
        return breakdown ? "a breakdown of the figure before, not a target" : null;
    }

    /** 27个城中村已经完成23个村: 已 after the figure and before the next one. */
    private static boolean totalOfResult(String c, Quantity q) {
        int done = c.indexOf('已', q.end());
        if (done < 0) {
            return false;
        }
        for (int i = q.end(); i < done; i++) {
            if (Character.isDigit(c.charAt(i))) {
                return false;
            }
        }
        for (int i = done; i < c.length(); i++) {
            if (Character.isDigit(c.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean took(Clause clause, Quantity q, int segStart, MetricText metricText, List<CommitmentCandidate> out,
                 Set<String> reasons) {
        if (each(clause, q, segStart, metricText, out)) {
            return true;
        }
        if (row != null && !rowFigures.add(q.value() + "|" + q.unit())) {
            reasons.add("the row's figure stated again: " + clause.text().substring(q.start(), q.end()));
            return true;
        }
        return false;
    }

    /** 完成A、B各9000亩: one target per item named before 各. */
    private boolean each(Clause clause, Quantity q, int segStart, MetricText metricText, List<CommitmentCandidate> out) {
        String c = clause.text();
        int at = q.numberStart() - 1;
        // 各9000亩, 均增长8%: the sharing word stands right before the figure or its short verb
        while (at > segStart && at >= q.numberStart() - SHARE_REACH && SHARED.indexOf(c.charAt(at)) < 0) {
            at--;
        }
        if (at <= segStart || SHARED.indexOf(c.charAt(at)) < 0) {
            return false;
        }
        List<String> items = Enumeration.items(MilestoneFinder.strip(c.substring(segStart, at)));
        if (items.size() < 2) {
            return false;
        }
        for (String item : items) {
            String title = item.strip() + c.substring(at + 1, q.end());
            figure(clause, q, metricText.inText(item, q.unit()).orElse(null), title, Confidence.SHARED_FIGURE, out);
        }
        return true;
    }

    @Override
    void figure(Clause clause, Quantity q, Metric metric, String title, double penalty, List<CommitmentCandidate> out) {
        List<String> notes = new ArrayList<>();
        List<String> assumed = new ArrayList<>(List.of("start"));
        double confidence = Confidence.plannedFigure(penalty, q.approximate(), metric != null);
        Kind kind;
        if (q.max() != null) {
            kind = Kind.RANGE;
        } else if (q.bound() != null) {
            kind = q.bound();
        } else if (q.approximate()) {
            kind = Kind.EXACT;
        } else {
            kind = metric != null && metric.direction() == Direction.LOWER ? Kind.AT_MOST : Kind.AT_LEAST;
            notes.add(kind == Kind.AT_MOST ? "no qualifier: lower is better for this metric, so at most"
                    : "no qualifier: a target to reach or pass");
        }
        if (q.approximate()) {
            notes.add("approximate figure (约/左右/余): the target is the stated figure; check the tolerance");
        }
        String unit = q.unit();
        if (unit == null && metric != null) {
            unit = metric.unit();
            assumed.add("unit");
            notes.add("unit taken from the metric");
        }
        if (metric == null) {
            notes.add("no metric in the vocabulary: choose one");
        }
        out.add(commitment(clause, title, kind, metric == null ? null : metric.key(), unit, q.value(), q.max(), null,
                confidence, notes, assumed, null));
    }

    @Override
    void milestone(Clause clause, Milestone m, String stageMetric, List<CommitmentCandidate> out) {
        String title = m.verbFirst() ? m.verb() + m.project() : m.project() + m.verb();
        CommitmentCandidate c = commitment(clause, title, Kind.MILESTONE, stageMetric, null, null, null, m.stage(),
                Confidence.MILESTONE, new ArrayList<>(), new ArrayList<>(List.of("start")), m.project());
        if (m.project().equals(topic())) {
            ItemStages.add(out, c);
        } else {
            out.add(c);
        }
    }


    /** 成立/出台/建成/完成/实现 + object: done or not; 常态化/长期坚持/持续…: ongoing. */
    private void other(Clause clause, List<CommitmentCandidate> out) {
        String c = clause.text().strip();
        String lead = BINARY_LEAD.matcher(c).replaceFirst("");
        Matcher verb = BINARY.matcher(lead);
        if (ONGOING.matcher(c).find() || ONGOING_START.matcher(c).find() && c.length() >= MIN_TASK) {
            out.add(commitment(clause, c, Kind.ONGOING, key("ongoing_duty"), null, null, null, null, Confidence.ONGOING,
                    new ArrayList<>(List.of("no deadline: kept up year after year")), new ArrayList<>(List.of("start")),
                    null));
        } else if (verb.find() && isTask(lead.substring(verb.end()))) {
            out.add(commitment(clause, c, Kind.BINARY, key("task_done"), null, null, null, null, Confidence.BINARY,
                    new ArrayList<>(), new ArrayList<>(List.of("start")), null));
        }
    }

    /** An object that can be done or not: 街道志愿者联合会, not a wish (整体提升) or a quoted slogan (“民有所呼，我有所应”). */
    private static boolean isTask(String object) {
        if (object.length() < MIN_TASK - 2 || VAGUE.matcher(object).find()) {
            return false;
        }
        String marks = MetricText.QUOTE_MARKS;
        boolean quoted = marks.indexOf(object.charAt(0)) >= 0 && marks.indexOf(object.charAt(object.length() - 1)) >= 0;
        return !quoted;
    }

    private String key(String k) {
        return vocabulary.contains(k) ? k : null;
    }

    private CommitmentCandidate commitment(Clause clause, String title, Kind kind, String metric, String unit,
                                           Double target, Double targetMax, Stage stage, double confidence,
                                           List<String> notes, List<String> assumed, String project) {
        int year = section.year();
        Map<Stage, LocalDate> planned = new EnumMap<>(Stage.class);
        Optional<Deadlines.Deadline> deadline = kind == Kind.ONGOING ? Optional.empty()
                : deadline(clause, kind, stage, year, planned);
        if (deadline.isEmpty() && kind != Kind.ONGOING) {
            assumed.add("deadline");
        }
        deadline.filter(d -> d.words().equals("如期") || d.words().equals("按期"))
                .ifPresent(d -> notes.add(d.words() + ": taken as the end of the plan year"));
        Firmness firmness = STRIVE.matcher(clause.text()).find() ? Firmness.STRIVE : Firmness.FIRM;
        Owners.Named named = row != null ? new Owners.Named(row.owner(), row.lead()) : owners(clause);
        if (row != null && row.partners() != null) {
            notes.add("配合单位: " + row.partners());
        }
        if (district.id() == null) {
            assumed.add("district");
        }
        String id = id(year, kind + "|" + title + "|" + quote(clause));
        Commitment k = new Commitment(id, district.id(), district.name(), year, category, title, kind, metric, unit,
                target, targetMax, null, null, stage, planned, null, deadline.map(Deadlines.Deadline::date).orElse(null),
                firmness, named.owner(), named.lead(), new Source(document, sectionName(), quote(clause)), assumed, 1);
        return new CommitmentCandidate(k, project, Confidence.round(confidence), span(clause), quote(clause), notes);
    }

    /**
     * The clause's own deadline, else its table row's 完成时限; a 完成时限 naming a stage (5月底前动工) is also a
     * planned stage on the way. Fills {@code planned}.
     */
    private Optional<Deadlines.Deadline> deadline(Clause clause, Kind kind, Stage stage, int year,
                                                  Map<Stage, LocalDate> planned) {
        Optional<Deadlines.Deadline> own = clauseDeadline(clause, year);
        own.filter(d -> stage != null).ifPresent(d -> planned.put(stage, d.date()));
        Optional<RowDeadline> rowDeadline = cell == null ? Optional.empty() : RowDeadline.of(cell.deadline(), year);
        if (rowDeadline.isEmpty()) {
            return own;
        }
        RowDeadline d = rowDeadline.get();
        if (d.stage() != null) {
            planned.putIfAbsent(d.stage(), d.date());
        }
        boolean forThisStage = d.stage() == null || stage == null || d.stage() == stage || kind != Kind.MILESTONE;
        return own.isEmpty() && forThisStage ? Optional.of(new Deadlines.Deadline(d.date(), d.words())) : own;
    }

    /** The owner and lead the text names for the clause, read once however many commitments the clause holds. */
    private Owners.Named owners(Clause clause) {
        if (clause != ownersOf) {
            ownersOf = clause;
            clauseOwners = Owners.of(nt.text(), clause);
        }
        return clauseOwners;
    }

    /** The clause's deadline, read once however many commitments the clause holds. */
    private Optional<Deadlines.Deadline> clauseDeadline(Clause clause, int year) {
        if (clause != deadlineOf) {
            deadlineOf = clause;
            clauseDeadline = Deadlines.find(clause.text(), year);
        }
        return clauseDeadline;
    }

    /**
     * An id that stays the same when the same report is imported again and differs between reports, so accepting
     * the proposals of two reports of one district and year does not clash.
     */
    private String id(int year, String content) {
        String who = district.id() != null && district.id().matches("[A-Za-z0-9._-]{1,40}") ? district.id() : "district";
        String base = "import-" + who + "-" + year + "-" + String.format("%08x", content.hashCode());
        int n = ids.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    private String sectionName() {
        return category == null ? section.heading() : section.heading() + " " + category;
    }
}
