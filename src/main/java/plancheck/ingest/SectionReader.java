package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.ingest.MetricVocabulary.Metric;

/**
 * One walk over the clauses of one section: finds the figures and the milestones of each clause and hands them to
 * the reader of plans ({@link PlanReader}, commitments) or of summaries ({@link SummaryReader}, results).
 */
abstract class SectionReader<T> {

    private static final Pattern SUB_HEADING = Pattern.compile("^\\n?\\s*[（(]([一二三四五六七八九十]+)[)）]\\s*");
    private static final Pattern REACH = Pattern.compile("(?:均|全部|分别)?(?:达到|达)$");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}[.、．]?|[（(]\\d{1,2}[)）])\\s*(?=[\\u4e00-\\u9fa5])");

    final MetricVocabulary vocabulary;
    final NormalizedText nt;
    final Section section;
    final Districts.District district;
    final String document;
    private final List<Skipped> skipped;
    final int from;
    final int to;
    String category;
    private Clause previous;
    /** The title sentence of the item being read (老旧小区及外立面改造。), the project of its dated stages. */
    private String topic;
    /** Where the original line holding {@link #topic} ends: an item is one line of the original. */
    private int topicLineEnd = -1;

    SectionReader(MetricVocabulary vocabulary, NormalizedText nt, Section section, Districts.District district,
                  String document, List<Skipped> skipped) {
        this.vocabulary = vocabulary;
        this.nt = nt;
        this.section = section;
        this.district = district;
        this.document = document;
        this.skipped = skipped;
        this.from = nt.normalizedOffset(section.start());
        this.to = nt.normalizedOffset(section.end());
    }

    /** A figure kept for this clause; penalty lowers the confidence when the figure is shared by several items. */
    abstract void figure(Clause clause, Quantity q, Metric metric, String title, double penalty, List<T> out);

    /** A project and its stage found in this clause. */
    abstract void milestone(Clause clause, Milestone m, String stageMetric, List<T> out);

    /** Why a figure the parser kept is still no figure of this section, or null. */
    String refuse(Clause clause, Quantity q) {
        return null;
    }

    /** Whether this section takes a figure no metric names (a plan does, for the planner to choose one). */
    /** The figures of a clause this reader may take; a plan leaves out who or where a commitment reaches. */
    List<QuantityParser.Found> screened(String clause, List<QuantityParser.Found> found) {
        return found;
    }

    abstract boolean needsMetric();

    /** A reader's own reading of a figure (各9000亩); true when it took the figure. */
    boolean took(Clause clause, Quantity q, int segStart, MetricText metricText, List<T> out, Set<String> reasons) {
        return false;
    }

    final void read(Clause clause, List<T> out, Set<String> reasons) {
        track(clause);
        trackTopic(clause);
        quantities(clause, out, reasons);
        milestones(clause, out, reasons);
    }

    /** The clause just before this one in the same sentence, if any. */
    private String clauseBefore(Clause clause) {
        String before = previous != null && previous.sentenceStart() == clause.sentenceStart() ? previous.text() : null;
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

    /**
     * An item that opens its line of the original with a short sentence of its own (农村公路提质改造。提质改造…，计划4月
     * 开工建设，11月完工。) is titled by it; the stages the item dates with no project named are the title's.
     */
    private void trackTopic(Clause clause) {
        int lineEnd = topicLineEnd;
        if (topic != null && nt.originalOffset(clause.start()) >= lineEnd) {
            topic = null;
        }
        if (clause.start() != clause.sentenceStart() || !opensOriginalLine(clause.start())) {
            return;
        }
        String t = clause.text().strip();
        boolean title = clause.end() == clause.sentenceEnd() && clause.sentenceEnd() < nt.text().length()
                && nt.text().charAt(clause.sentenceEnd()) == '。' && t.length() >= 4 && t.length() <= MAX_TOPIC
                && t.chars().noneMatch(Character::isDigit);
        topic = title ? MilestoneFinder.topic(t) : null;
        int at = nt.originalOffset(clause.start());
        int end = nt.original().indexOf('\n', at);
        topicLineEnd = end < 0 ? nt.original().length() : end;
    }

    private static final int MAX_TOPIC = 20;

    private boolean opensOriginalLine(int normalized) {
        int i = nt.originalOffset(normalized) - 1;
        while (i >= 0 && NormalizedText.isSpace(nt.original().charAt(i))) {
            i--;
        }
        return i < 0 || nt.original().charAt(i) == '\n';
    }

    /** The current item's title, or null. */
    final String topic() {
        return topic;
    }

    final void skip(Clause clause, String reason) {
        skipped.add(new Skipped(span(clause), quote(clause), reason));
    }

    final Span span(Clause clause) {
        return nt.span(clause.start(), clause.end());
    }

    static String quote(Clause clause) {
        return clause.text().strip();
    }

    private void quantities(Clause clause, List<T> out, Set<String> reasons) {
        String c = clause.text();
        List<Quantity> found = new ArrayList<>();
        for (QuantityParser.Found f : screened(c, QuantityParser.parse(c))) {
            Quantity q = f.quantity();
            String refused = f.rejected() == null ? refuse(clause, q) : null;
            if (f.rejected() != null) {
                reasons.add(f.rejected() + ": " + c.substring(q.numberStart(), q.end()));
            } else if (refused != null) {
                reasons.add(refused + ": " + c.substring(q.start(), q.end()));
            } else {
                found.add(q);
            }
        }
        if (found.isEmpty()) {
            return;
        }
        MetricText metricText = new MetricText(vocabulary, c);
        for (int i = 0; i < found.size(); i++) {
            Quantity q = found.get(i);
            int segStart = i > 0 ? found.get(i - 1).end() : 0;
            int segEnd = i + 1 < found.size() ? found.get(i + 1).start() : c.length();
            if (q.count() > 1) {
                multi(clause, q, segStart, metricText, out);
                continue;
            }
            if (took(clause, q, segStart, metricText, out, reasons)) {
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
            if (needsMetric() && metric.isEmpty()) {
                reasons.add("no metric in the vocabulary for " + c.substring(q.start(), q.end()));
                continue;
            }
            String title = withoutNumbering(c.substring(i == 0 ? 0 : itemStart, itemEnd).strip());
            figure(clause, q, metric.orElse(null), title, 0, out);
        }
    }

    /** 响应率、办结率、满意率达到三个100%: one figure per metric named before the verb. */
    private void multi(Clause clause, Quantity q, int segStart, MetricText metricText, List<T> out) {
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
            if (metric.isPresent() || !needsMetric()) {
                figure(clause, one, metric.orElse(null), title, Confidence.SHARED_FIGURE, out);
            }
        }
    }

    private void milestones(Clause clause, List<T> out, Set<String> reasons) {
        String stageMetric = vocabulary.contains("project_stage") ? "project_stage" : null;
        for (Milestone m : MilestoneFinder.find(clause.text(), clauseBefore(clause), section.year(),
                topic)) {
            if (m.rejected() != null) {
                reasons.add(m.rejected());
            } else {
                milestone(clause, m, stageMetric, out);
            }
        }
    }

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
            if ("、和".indexOf(c.charAt(i)) >= 0 && !Quotes.inside(c, i)) {
                return i;
            }
        }
        return segEnd;
    }

    /** Where the enumeration item holding a quantity starts: 8条道路建设和|东片区3条道路立项. */
    private static int itemStart(String c, int segStart, int to) {
        for (int i = to - 1; i >= segStart; i--) {
            if ("、和".indexOf(c.charAt(i)) >= 0 && !Quotes.inside(c, i)) {
                return i + 1;
            }
        }
        return segStart;
    }
}
