package plancheck.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.domain.Commitment;
import plancheck.domain.Evidence;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Prior;
import plancheck.domain.Result;
import plancheck.domain.Source;
import plancheck.domain.Stage;
import plancheck.ingest.MetricVocabulary.Direction;
import plancheck.ingest.MetricVocabulary.Metric;

/**
 * Reads a work report's text and proposes the commitments of its plan section and the results of its summary
 * section, each with the exact clause it comes from. Stores nothing; never throws on any text.
 */
public final class ReportImporter {

    private static final Pattern STRIVE = Words.pattern("strive");
    private static final Pattern SUB_HEADING = Pattern.compile("^\\n?\\s*[（(]([一二三四五六七八九十]+)[)）]\\s*");
    private static final Pattern BINARY = Pattern.compile("^(?:成立|出台|建成|完成|实现|新设|设立|制定|建立|印发|编制|启动|开通)");
    private static final Pattern BINARY_LEAD = Pattern.compile("^(?:积极|全面|力争|争取|加快|全力|高质量|高标准|如期|年内|确保|"
            + "推动|着力|努力|进一步|基本|同步|率先|探索|试点|及时|依法|严格|扎实|稳步|持续|上半年|下半年)+");
    private static final Pattern ONGOING = Pattern.compile("常态化|长期坚持|长效化|长效机制");
    private static final Pattern REACH = Pattern.compile("(?:均|全部|分别)?(?:达到|达)$");
    private static final Pattern VAGUE = Pattern.compile("(?:提升|提高|转变|进步|发展|突破|好转|加强|改善|优化)$");
    private static final int MIN_TASK = 6;
    private static final String QUOTE_MARKS = "“”‘’\"《》「」";
    private static final double BASE = 0.9;

    private final MetricVocabulary vocabulary;

    public ReportImporter(MetricVocabulary vocabulary) {
        this.vocabulary = vocabulary;
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
        summary.ifPresent(s -> results.addAll(new Pass(nt, s, district, document, skipped).results()));
        Optional<Section> plan = sections.plan().map(p -> p.year() != null ? p : withYearOf(p, document));
        if (plan.isEmpty() || plan.get().year() == null) {
            skipped.add(new Skipped(new Span(0, text.length()), "", plan.isEmpty()
                    ? "no plan section found (headings such as 2023年工作计划, 工作思路, 工作安排, 工作要点, 主要预期目标)"
                    : "plan section " + plan.get().heading() + " states no year"));
            return new ImportReport(null, summary.map(Section::year).orElse(null), plan.map(Section::heading).orElse(null),
                    summary.map(Section::heading).orElse(null), List.of(), results, skipped);
        }
        List<CommitmentCandidate> commitments = new Pass(nt, plan.get(), district, document, skipped).commitments();
        commitments = withPriors(commitments, results);
        return new ImportReport(plan.get().year(), summary.map(Section::year).orElse(null), plan.get().heading(),
                summary.map(Section::heading).orElse(null), commitments, results, skipped);
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

    /** One walk over the clauses of one section. */
    private final class Pass {
        private final NormalizedText nt;
        private final Section section;
        private final Districts.District district;
        private final String document;
        private final List<Skipped> skipped;
        private final int from;
        private final int to;
        /** How often each id was handed out in this import: a repeated clause gets -2, -3, … */
        private final Map<String, Integer> ids = new java.util.HashMap<>();
        private String category;
        private Clause deadlineOf;
        private Clause previous;
        private Optional<Deadlines.Deadline> deadline = Optional.empty();

        Pass(NormalizedText nt, Section section, Districts.District district, String document, List<Skipped> skipped) {
            this.nt = nt;
            this.section = section;
            this.district = district;
            this.document = document;
            this.skipped = skipped;
            this.from = nt.normalizedOffset(section.start());
            this.to = nt.normalizedOffset(section.end());
        }

        /** The table row being read, whose owner, lead and 完成时限 its commitments take; null outside tables. */
        private TableReader.Row row;
        private TableReader.Content cell;
        /** The figures a row has already given: its 具体内容 often restates its 子项目's number. */
        private final Set<String> rowFigures = new java.util.HashSet<>();

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
                    read(c.start(), c.end(), out);
                }
                row = null;
                cell = null;
                cursor = r.end();
            }
            read(cursor, section.end(), out);
            return out;
        }

        /** The plan text between two original offsets. */
        private void read(int originalFrom, int originalTo, List<CommitmentCandidate> out) {
            int a = Math.max(from, nt.normalizedOffset(originalFrom));
            int b = Math.min(to, nt.normalizedOffset(originalTo));
            if (a >= b) {
                return;
            }
            for (Clause clause : ClauseSplitter.split(nt.text(), a, b)) {
                track(clause);
                int before = out.size();
                Set<String> reasons = new LinkedHashSet<>();
                quantities(clause, true, out, null, reasons);
                milestones(clause, true, out, null, reasons);
                if (out.size() == before) {
                    other(clause, out);
                }
                if (out.size() == before) {
                    reasons.forEach(r -> skip(clause, r));
                }
            }
        }

        List<ResultCandidate> results() {
            List<ResultCandidate> out = new ArrayList<>();
            for (Clause clause : ClauseSplitter.split(nt.text(), from, to)) {
                track(clause);
                Set<String> reasons = new LinkedHashSet<>();
                int before = out.size();
                quantities(clause, false, null, out, reasons);
                milestones(clause, false, null, out, reasons);
                if (out.size() == before) {
                    reasons.forEach(r -> skip(clause, r));
                }
            }
            return out;
        }

        /** The clause just before this one in the same sentence, if any. */
        private String clauseBefore(Clause clause) {
            String before = previous != null && previous.sentenceStart() == clause.sentenceStart()
                    ? previous.text() : null;
            previous = clause;
            return before;
        }

        /** The enumerated paragraph a clause belongs to: （一）聚力产业发展 → category 聚力产业发展. */
        private void track(Clause clause) {
            if (clause.start() == clause.sentenceStart() || nt.text().charAt(Math.max(clause.start() - 1, 0)) == '\n') {
                Matcher m = SUB_HEADING.matcher(clause.text());
                if (m.find()) {
                    category = clause.text().substring(m.end()).strip();
                }
            }
        }

        private void skip(Clause clause, String reason) {
            skipped.add(new Skipped(span(clause), quote(clause), reason));
        }

        private Span span(Clause clause) {
            return nt.span(clause.start(), clause.end());
        }

        private String quote(Clause clause) {
            return clause.text().strip();
        }

        private void quantities(Clause clause, boolean plan, List<CommitmentCandidate> commitments,
                                List<ResultCandidate> results, Set<String> reasons) {
            String c = clause.text();
            List<Quantity> found = new ArrayList<>();
            for (QuantityParser.Found f : QuantityParser.parse(c)) {
                Quantity q = f.quantity();
                if (f.rejected() != null) {
                    reasons.add(f.rejected() + ": " + c.substring(q.numberStart(), q.end()));
                } else if (plan && c.substring(0, q.start()).contains("已")) {
                    reasons.add("a figure already reached, not a target: " + c.substring(q.start(), q.end()));
                } else {
                    found.add(q);
                }
            }
            if (found.isEmpty()) {
                return;
            }
            MetricText metricText = new MetricText(c);
            for (int i = 0; i < found.size(); i++) {
                Quantity q = found.get(i);
                int segStart = i > 0 ? found.get(i - 1).end() : 0;
                int segEnd = i + 1 < found.size() ? found.get(i + 1).start() : c.length();
                if (q.count() > 1) {
                    multi(clause, q, segStart, metricText, plan, commitments, results);
                    continue;
                }
                if (plan && each(clause, q, segStart, metricText, commitments)) {
                    continue;
                }
                if (plan && row != null && !rowFigures.add(q.value() + "|" + q.unit())) {
                    reasons.add("the row's figure stated again: " + c.substring(q.start(), q.end()));
                    continue;
                }
                int itemStart = itemStart(c, segStart, q.start());
                int itemEnd = itemEnd(c, q.end(), segEnd);
                Optional<Metric> metric = metricText.closest(itemStart, q.start(), q.end(), itemEnd, q.unit());
                if (metric.isEmpty() && i == 0) {
                    metric = metricText.closest(0, q.start(), q.end(), segEnd, q.unit());
                }
                if (q.value() == 0 && q.unit() == null && metric.isEmpty()) {
                    reasons.add("zero target naming no metric (what must stay at zero?): " + c.substring(q.start(), q.end()));
                    continue;
                }
                if (!plan && metric.isEmpty()) {
                    reasons.add("no metric in the vocabulary for " + c.substring(q.start(), q.end()));
                    continue;
                }
                String title = withoutNumbering(c.substring(i == 0 ? 0 : itemStart, itemEnd).strip());
                if (plan) {
                    commitments.add(quantityCommitment(clause, q, metric.orElse(null), title, 0));
                } else {
                    results.add(quantityResult(clause, q, metric.get()));
                }
            }
        }

        /** 完成A、B各9000亩: one target per item named before 各. */
        private boolean each(Clause clause, Quantity q, int segStart, MetricText metricText,
                             List<CommitmentCandidate> commitments) {
            String c = clause.text();
            int at = q.numberStart() - 1;
            if (at <= segStart || c.charAt(at) != '各') {
                return false;
            }
            List<String> items = Enumeration.items(MilestoneFinder.strip(c.substring(segStart, at)));
            if (items.size() < 2) {
                return false;
            }
            for (String item : items) {
                String title = item.strip() + c.substring(q.numberStart(), q.end());
                commitments.add(quantityCommitment(clause, q, metricText.inText(item, q.unit()).orElse(null), title, 0.05));
            }
            return true;
        }

        /** 响应率、办结率、满意率达到三个100%: one target per metric named before the verb. */
        private void multi(Clause clause, Quantity q, int segStart, MetricText metricText, boolean plan,
                           List<CommitmentCandidate> commitments, List<ResultCandidate> results) {
            String c = clause.text();
            String head = c.substring(segStart, q.start());
            Matcher reach = REACH.matcher(head);
            boolean reached = reach.find();
            String list = reached ? head.substring(0, reach.start()) : head;
            String verb = reached ? reach.group() : "";
            List<String> items = Enumeration.commaItems(list);
            List<String> named = items.subList(Math.max(0, items.size() - q.count()), items.size());
            for (String item : named) {
                Optional<Metric> metric = metricText.inText(item, q.unit());
                Quantity one = new Quantity(q.value(), q.max(), q.unit(), q.bound(), q.approximate(), 1, q.start(), q.end(),
                        q.numberStart());
                String title = item.strip() + verb + c.substring(q.numberStart(), q.end());
                if (plan) {
                    commitments.add(quantityCommitment(clause, one, metric.orElse(null), title, 0.05));
                } else if (metric.isPresent()) {
                    results.add(quantityResult(clause, one, metric.get()));
                }
            }
        }

        private CommitmentCandidate quantityCommitment(Clause clause, Quantity q, Metric metric, String title,
                                                       double penalty) {
            List<String> notes = new ArrayList<>();
            List<String> assumed = new ArrayList<>(List.of("start"));
            double confidence = BASE - penalty;
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
                confidence -= 0.15;
                notes.add("approximate figure (约/左右/余): the target is the stated figure; check the tolerance");
            }
            String unit = q.unit();
            if (unit == null && metric != null) {
                unit = metric.unit();
                assumed.add("unit");
                notes.add("unit taken from the metric");
            }
            if (metric == null) {
                confidence -= 0.25;
                notes.add("no metric in the vocabulary: choose one");
            }
            return commitment(clause, title, kind, metric == null ? null : metric.key(), unit, q.value(), q.max(), null,
                    confidence, notes, assumed, null);
        }

        private ResultCandidate quantityResult(Clause clause, Quantity q, Metric metric) {
            List<String> notes = new ArrayList<>();
            double confidence = BASE;
            if (q.approximate()) {
                confidence -= 0.15;
                notes.add("approximate figure (约/余/多)");
            }
            String unit = q.unit() != null ? q.unit() : metric.unit();
            return result(clause, q.value(), null, metric.key(), unit, null, confidence, notes);
        }

        private void milestones(Clause clause, boolean plan, List<CommitmentCandidate> commitments,
                                List<ResultCandidate> results, Set<String> reasons) {
            String stageMetric = vocabulary.contains("project_stage") ? "project_stage" : null;
            for (Milestone m : MilestoneFinder.find(clause.text(), clauseBefore(clause), section.year())) {
                if (m.rejected() != null) {
                    reasons.add(m.rejected());
                    continue;
                }
                String title = m.verbFirst() ? m.verb() + m.project() : m.project() + m.verb();
                if (plan) {
                    commitments.add(commitment(clause, title, Kind.MILESTONE, stageMetric, null, null, null, m.stage(),
                            0.85, new ArrayList<>(), new ArrayList<>(List.of("start")), m.project()));
                } else {
                    results.add(result(clause, null, m.stage(), stageMetric, null, m.project(), 0.8, new ArrayList<>()));
                }
            }
        }

        /** 成立/出台/建成/完成/实现 + object: done or not; 常态化/长期坚持/持续…: ongoing. */
        private void other(Clause clause, List<CommitmentCandidate> out) {
            String c = clause.text().strip();
            String lead = BINARY_LEAD.matcher(c).replaceFirst("");
            Matcher verb = BINARY.matcher(lead);
            if (ONGOING.matcher(c).find() || c.startsWith("持续") && c.length() >= MIN_TASK) {
                out.add(commitment(clause, c, Kind.ONGOING, key("ongoing_duty"), null, null, null, null, 0.55,
                        new ArrayList<>(List.of("no deadline: kept up year after year")), new ArrayList<>(List.of("start")),
                        null));
            } else if (verb.find() && isTask(lead.substring(verb.end()))) {
                out.add(commitment(clause, c, Kind.BINARY, key("task_done"), null, null, null, null, 0.6, new ArrayList<>(),
                        new ArrayList<>(List.of("start")), null));
            }
        }

        /**
         * An object that can be done or not: 街道志愿者联合会, not a wish (整体提升) or a quoted slogan (“民有所呼，我有所应”).
         */
        private static boolean isTask(String object) {
            if (object.length() < MIN_TASK - 2 || VAGUE.matcher(object).find()) {
                return false;
            }
            boolean quoted = QUOTE_MARKS.indexOf(object.charAt(0)) >= 0
                    && QUOTE_MARKS.indexOf(object.charAt(object.length() - 1)) >= 0;
            return !quoted;
        }

        private String key(String k) {
            return vocabulary.contains(k) ? k : null;
        }

        private CommitmentCandidate commitment(Clause clause, String title, Kind kind, String metric, String unit,
                                               Double target, Double targetMax, Stage stage, double confidence, List<String> notes,
                                               List<String> assumed, String project) {
            int year = section.year();
            Optional<Deadlines.Deadline> deadline = kind == Kind.ONGOING ? Optional.empty() : deadline(clause, year);
            if (deadline.isEmpty() && kind != Kind.ONGOING) {
                assumed.add("deadline");
            }
            deadline.filter(d -> d.words().equals("如期") || d.words().equals("按期"))
                    .ifPresent(d -> notes.add(d.words() + ": taken as the end of the plan year"));
            Firmness firmness = STRIVE.matcher(clause.text()).find() ? Firmness.STRIVE : Firmness.FIRM;
            Map<Stage, LocalDate> planned = new java.util.EnumMap<>(Stage.class);
            if (stage != null && deadline.isPresent()) {
                planned.put(stage, deadline.get().date());
            }
            Optional<RowDeadline> rowDeadline = cell == null ? Optional.empty() : RowDeadline.of(cell.deadline(), year);
            if (rowDeadline.isPresent()) {
                RowDeadline d = rowDeadline.get();
                if (d.stage() != null) {
                    planned.putIfAbsent(d.stage(), d.date()); // 5月底前动工: a dated stage on the way
                }
                if (deadline.isEmpty() && (d.stage() == null || stage == null || d.stage() == stage || kind != Kind.MILESTONE)) {
                    deadline = Optional.of(new Deadlines.Deadline(d.date(), d.words()));
                    assumed.remove("deadline");
                }
            }
            Owners.Named named = row != null ? new Owners.Named(row.owner(), row.lead()) : Owners.in(sentence(clause));
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
            return new CommitmentCandidate(k, project, round(confidence), span(clause), quote(clause), notes);
        }

        private ResultCandidate result(Clause clause, Double value, Stage stage, String metric, String unit,
                                       String project, double confidence, List<String> notes) {
            int year = section.year();
            Result r = new Result(null, null, value, stage, null, LocalDate.of(year, 12, 31), null,
                    new Evidence(document, quote(clause)), "from the report's summary of " + year, false);
            return new ResultCandidate(r, district.id(), year, metric, unit, project, round(confidence), span(clause),
                    quote(clause), notes);
        }

        /** The sentence a clause stands in, up to its end: where 由区住建局负责 or 责任单位：… is written. */
        private String sentence(Clause clause) {
            String t = nt.text();
            int end = clause.end();
            while (end < t.length() && "。；;\n".indexOf(t.charAt(end)) < 0) {
                end++;
            }
            return t.substring(clause.sentenceStart(), end);
        }

        /** The clause's deadline, read once however many commitments the clause holds. */
        private Optional<Deadlines.Deadline> deadline(Clause clause, int year) {
            if (clause != deadlineOf) {
                deadlineOf = clause;
                deadline = Deadlines.find(clause.text(), year);
            }
            return deadline;
        }

        /**
         * An id that stays the same when the same report is imported again and differs between reports, so
         * accepting the proposals of two reports of one district and year does not clash.
         */
        private String id(int year, String content) {
            String who = district.id() != null && district.id().matches("[A-Za-z0-9._-]{1,40}") ? district.id() : "district";
            String base = "import-" + who + "-" + year + "-"
                    + String.format("%08x", content.hashCode());
            int n = ids.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + "-" + n;
        }

        private String sectionName() {
            return category == null ? section.heading() : section.heading() + " " + category;
        }
    }

    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}[.、．]?|[（(]\\d{1,2}[)）])\\s*(?=[\\u4e00-\\u9fa5])");

    /** A title without its list number (1.新建幼儿园3所, a table row's 1), unless the number is the count (3所学校). */
    static String withoutNumbering(String title) {
        Matcher m = NUMBERING.matcher(title);
        if (m.find() && QuantityParser.UNITS.stream().noneMatch(u -> title.startsWith(u, m.end()))) {
            return title.substring(m.end());
        }
        return title;
    }

    /** Where the enumeration item holding a quantity ends: 8条道路建设|和东片区3条道路立项. */
    private static int itemEnd(String c, int from, int segEnd) {
        for (int i = from; i < segEnd; i++) {
            if ("、和".indexOf(c.charAt(i)) >= 0 && !QuantityParser.insideQuotes(c, i)) {
                return i;
            }
        }
        return segEnd;
    }

    /** Where the enumeration item holding a quantity starts: 8条道路建设和|东片区3条道路立项. */
    private static int itemStart(String c, int segStart, int to) {
        for (int i = to - 1; i >= segStart; i--) {
            if ("、和".indexOf(c.charAt(i)) >= 0 && !QuantityParser.insideQuotes(c, i)) {
                return i + 1;
            }
        }
        return segStart;
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 100) / 100.0;
    }

    /** A clause with quotation marks removed for phrase matching (违建“零增量” is 违建零增量), mapped back to offsets. */
    private final class MetricText {
        private final List<MetricVocabulary.Occurrence> occurrences;
        private final int[] origin;

        MetricText(String clause) {
            StringBuilder b = new StringBuilder();
            int[] map = new int[clause.length() + 1];
            for (int i = 0; i < clause.length(); i++) {
                if (QUOTE_MARKS.indexOf(clause.charAt(i)) < 0) {
                    map[b.length()] = i;
                    b.append(clause.charAt(i));
                }
            }
            map[b.length()] = clause.length();
            origin = java.util.Arrays.copyOf(map, b.length() + 1);
            occurrences = vocabulary.occurrences(b.toString()).stream().filter(o -> o.metric().unit() != null).toList();
        }

        /** The metric named nearest the quantity: before it, else inside it (全覆盖), else after it. */
        Optional<Metric> closest(int segStart, int qStart, int qEnd, int segEnd, String unit) {
            Metric best = null;
            int bestScore = Integer.MAX_VALUE;
            for (MetricVocabulary.Occurrence o : occurrences) {
                int s = origin[o.start()];
                int e = origin[o.end() - 1] + 1;
                if (s < segStart || e > segEnd || !Units.compatible(o.metric().unit(), unit)) {
                    continue;
                }
                int score;
                if (e <= qStart) {
                    score = qStart - e;
                } else if (s >= qEnd) {
                    score = 10_000 + s - qEnd;
                } else {
                    score = 0;
                }
                if (score < bestScore) {
                    bestScore = score;
                    best = o.metric();
                }
            }
            return Optional.ofNullable(best);
        }

        Optional<Metric> inText(String item, String unit) {
            return vocabulary.occurrences(item.replaceAll("[" + QUOTE_MARKS + "]", "")).stream()
                    .map(MetricVocabulary.Occurrence::metric)
                    .filter(m -> m.unit() != null && Units.compatible(m.unit(), unit))
                    .reduce((a, b) -> b);
        }
    }
}
