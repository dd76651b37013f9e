package plancheck.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.domain.Stage;

/**
 * Finds milestone verbs (立项, 开工, 主体封顶, 竣工, 投产, 投入使用, 建成, 通车, 开诊, 开园, 开业…) and the named projects
 * they govern, one per project of an enumeration: "推动A、B和C竣工投产" names three. Both word orders count:
 * "推动A开工建设" and "建成投用A".
 */
public final class MilestoneFinder {

    /** Stage words, longest first; 建成 alone means built (竣工). 规划 is left out: it names plans, not progress. */
    static final Map<String, Stage> VERBS;

    static {
        Map<String, Stage> words = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            if (s != Stage.PLANNED) {
                s.words().forEach(w -> words.put(w, s));
                words.put(s.label(), s);
            }
        }
        // words.txt [stage-words]: 建成 alone means built (竣工), 打通 a road open to traffic (通车)
        Words.pairs("stage-words").forEach((w, stage) -> words.put(w, Stage.valueOf(stage)));
        VERBS = new LinkedHashMap<>();
        words.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, Stage> e) -> e.getKey().length())
                .reversed()).forEach(e -> VERBS.put(e.getKey(), e.getValue()));
    }

    private static final String FIRST_CHARS = VERBS.keySet().stream().map(w -> w.substring(0, 1)).distinct()
            .reduce("", String::concat);
    private static final Pattern CONNECTOR = Pattern.compile("\\s*(?:" + Words.alternation("stage-connectors")
            + ")?\\s*");
    private static final Pattern NEXT_YEAR = Pattern.compile(Words.alternation("next-year") + "|(\\d{4})年");
    /** A stage word used as an adjective (开工项目抓进度, 竣工率) is no milestone. */
    private static final Pattern ADJECTIVAL = Words.opening("stage-adjectival-after");
    /** Dates and numbering before a project, then the verbs and adverbs of [milestone-lead]; 保障性住房 keeps its 保障. */
    /** 9月底前, 十一月前, 9月末, 6月上旬: a month date before or after a project's name. */
    private static final String MONTH_DATE = "(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末|份|上旬|中旬|下旬)?前?";
    private static final Pattern LEAD = Pattern.compile("^(?:\\d{4}年(?:底前?|内|末)|" + MONTH_DATE + "|\\d{1,2}[.、．]|[（(]\\d{1,2}[)）]|、|"
            + Words.alternation("milestone-lead") + ")(?!性)");
    private static final Pattern TRAIL = Pattern.compile("(?:" + Words.alternation("milestone-trail")
            + "|" + MONTH_DATE + "|第?[一二三四]季度)$");
    /** What may follow a verb-final object without being an object itself: 开业运营, 建成开放, 、(the next item). */
    private static final Pattern AFTER_VERB = Pattern.compile("^(?:" + Words.alternation("stage-after-verb")
            + ")*(?:、.*)?$");
    private static final Pattern GENERIC = Pattern.compile("^(?:" + Words.alternation("generic-objects") + "|"
            + Words.alternation("generic-whole-objects").replace("|", "$|") + "$)");
    /** What the object of 建成/投用 must end with to be a facility rather than a system (建成四级养老服务网络). */
    private static final Pattern FACILITY = Pattern.compile("(?:" + Words.alternation("facility-ends") + ")$");
    private static final Pattern QUANTITY = Pattern.compile("\\d+(?:\\.\\d+)?(?:万|亿)?(?:余|多)?(?:" +
            String.join("|", QuantityParser.UNITS) + ")");

    private MilestoneFinder() {
    }

    public static List<Milestone> find(String clause) {
        return find(clause, null);
    }

    /**
     * @param previous the clause before in the same sentence, whose facility (推进区人民医院建设，|确保年底前主体封顶)
     *                 a verb with no project of its own takes; may be null
     */
    public static List<Milestone> find(String clause, String previous) {
        return find(clause, previous, null);
    }

    /** A year named before the verb is the plan year's own (2025年底…封顶 in a 2025 plan) or a later one. */
    private static boolean laterYear(String before, Integer planYear) {
        Matcher m = NEXT_YEAR.matcher(before);
        while (m.find()) {
            if (m.group(1) == null || planYear == null || Integer.parseInt(m.group(1)) > planYear) {
                return true;
            }
        }
        return false;
    }

    /** @param planYear the plan's year, so a verb dated in it is no later-year milestone; may be null */
    public static List<Milestone> find(String clause, String previous, Integer planYear) {
        return find(clause, previous, planYear, null);
    }

    /**
     * @param topic the title of the item the clause belongs to (农村公路提质改造), the project of a stage verb that names
     *              none (计划4月开工建设，11月完工) or only the works in general (年底完成工程项目); may be null
     */
    public static List<Milestone> find(String clause, String previous, Integer planYear, String topic) {
        List<Milestone> found = stages(clause, previous, planYear, topic);
        return topic == null ? found : found.stream().map(m -> m.project() == null && namesNone(m)
                ? new Milestone(topic, m.stage(), m.verb(), m.start(), m.end(), m.verbFirst(), null) : m).toList();
    }

    /** Rejected for naming no project at all, or only the works in general (项目, 工程项目), not 一批项目. */
    private static boolean namesNone(Milestone m) {
        String none = "milestone verb " + m.verb() + " names no project";
        return none.equals(m.rejected()) || m.rejected() != null && m.rejected().startsWith(none + ": ")
                && WORKS_IN_GENERAL.matcher(m.rejected().substring(none.length() + 2)).matches();
    }

    private static final Pattern WORKS_IN_GENERAL = Pattern.compile(Words.alternation("works-in-general"));
    private static final Pattern TOPIC_LEAD = Words.opening("topic-lead");

    /** The project an item's title names: 建设农村饮水工程 → 农村饮水工程. Null when it names none. */
    static String topic(String title) {
        String t = TOPIC_LEAD.matcher(title).replaceFirst("");
        return t.length() < 3 || GENERIC.matcher(t).find() || VERBS.keySet().stream().anyMatch(t::contains) ? null : t;
    }

    private static List<Milestone> stages(String clause, String previous, Integer planYear, String topic) {
        List<int[]> verbs = verbs(clause);
        List<Milestone> out = new ArrayList<>();
        int prevEnd = 0;
        int lastVerbFrom = 0;
        for (int k = 0; k < verbs.size(); k++) {
            int vs = verbs.get(k)[0];
            int ve = verbs.get(k)[1];
            int nextStart = k + 1 < verbs.size() ? verbs.get(k + 1)[0] : clause.length();
            String verb = clause.substring(vs, ve);
            Stage stage = VERBS.get(verb);
            String after = clause.substring(ve, nextStart);
            String before = clause.substring(prevEnd, vs);
            List<Milestone> found;
            if (!AFTER_VERB.matcher(after).matches()) {
                found = projects(after, stage, verb, vs, nextStart, true);
            } else if (laterYear(before, planYear)) {
                found = List.of(new Milestone(null, stage, verb, prevEnd, ve, false,
                        verb + " is planned for the year after the plan year"));
            } else if (CONNECTOR.matcher(before).matches() && !out.isEmpty() && out.get(out.size() - 1).end() == prevEnd) {
                // 建成并投入使用: the projects of the verb before reach this later stage
                found = new ArrayList<>();
                for (Milestone m : out.subList(lastVerbFrom, out.size())) {
                    found.add(new Milestone(m.project(), stage, m.verb() + before + verb, m.start(), ve, m.verbFirst(),
                            m.rejected()));
                }
                out.subList(lastVerbFrom, out.size()).clear();
            } else if (strip(before).isEmpty() && k == 0 && previous != null && subject(previous) != null) {
                found = List.of(new Milestone(subject(previous), stage, verb, 0, ve, false, null));
            } else {
                found = projects(before, stage, verb, prevEnd, ve, false);
            }
            lastVerbFrom = out.size();
            out.addAll(found);
            prevEnd = ve;
        }
        if (out.stream().allMatch(m -> m.rejected() != null)) {
            List<Milestone> framed = framed(clause, topic);
            if (!framed.isEmpty()) {
                return framed;
            }
        }
        return out;
    }

    /** 完成X建设, 完成X工程, 启动(实施)X建设, 启动新建X: the verb's object is the project, and the verb its stage. */
    private static final Pattern FRAME = Pattern.compile("^(" + Words.alternation("complete-frames") + "|"
            + Words.alternation("start-frames") + ")(.+)$");
    private static final java.util.Set<String> COMPLETE_FRAMES = java.util.Set.copyOf(Words.list("complete-frames"));
    /** A road section or phase after the name: 育才街（龙津路至春台路）, 综合体（一期）. */
    private static final Pattern BRACKETED_TAIL = Pattern.compile("[（(][^（()）]{1,16}[)）]$");
    private static final Pattern WORKS = Pattern.compile("(?:" + Words.alternation("works-ends") + ")$");
    /** Works done on a facility, named after it (盛宣怀故居(本体)修缮展陈): the facility decides, the works stay in the name. */
    private static final Pattern REPAIR = Pattern.compile("(?:" + Words.alternation("repair-works") + ")$");
    /** A frame verb inside the object of a later stage verb opens the project: 老城厢复兴发展完成X对外开放 → X. */
    private static final Pattern INNER_FRAME = Pattern.compile(Words.alternation("complete-frames") + "|"
            + Words.alternation("start-frames"));

    private static List<Milestone> framed(String clause, String topic) {
        List<Milestone> whole = frame(clause, topic);
        if (!whole.isEmpty() || clause.indexOf('、') < 0) {
            return whole;
        }
        // 具体包括实施A工程、完成B工程、完成C项目: each enumerated task may be a frame of its own
        List<Milestone> out = new ArrayList<>();
        for (String item : Enumeration.items(clause)) {
            out.addAll(frame(item, null));
        }
        return out;
    }

    private static final Pattern OPEN_LIST = Pattern.compile("等(?:" + Words.alternation("open-list-counts")
            + "|\\d+个|[一二三四五六七八九十]+个)?");

    private static final Pattern LISTED_PROJECTS = Pattern.compile("等[\\u4e00-\\u9fa5]{0,6}项目");

    private static final Pattern SUBJECT_WILL = Pattern.compile("^[\\u4e00-\\u9fa5]{2,12}?(?:还将|将)");

    private static List<Milestone> frame(String clause, String topic) {
        String o = clause.strip();
        String prev;
        do {
            prev = o;
            o = LEAD.matcher(o).replaceFirst("");
        } while (!o.equals(prev));
        Matcher m = FRAME.matcher(o);
        if (!m.find()) {
            // 万柏林区还将启动A、B重大项目建设: a subject and 将 before the frame verb
            Matcher will = SUBJECT_WILL.matcher(o);
            if (!will.find() || !(m = FRAME.matcher(o.substring(will.end()))).find()) {
                return List.of();
            }
        }
        boolean complete = COMPLETE_FRAMES.contains(m.group(1));
        String object = m.group(2);
        int etc = object.indexOf('等', 2);
        if (etc > 0 && object.endsWith("建设")) {
            object = object.substring(0, etc) + "建设"; // A、B和C等…项目建设: the named ones
        }
        // 启动A等项目: 等项目 says the named ones are projects
        boolean namedProjects = etc > 0 && LISTED_PROJECTS.matcher(object.substring(etc)).matches();
        if (namedProjects) {
            object = object.substring(0, etc);
        }
        boolean built = object.endsWith("建设") && object.length() > 4;
        String core = built ? object.substring(0, object.length() - 2) : object;
        String bare = BRACKETED_TAIL.matcher(core).replaceFirst("");
        if (topic != null && WORKS_IN_GENERAL.matcher(core).matches()) {
            // 年底完成工程项目 in an item titled 建设农村饮水工程: the works are the title's
            return List.of(new Milestone(topic, complete ? Stage.COMPLETED : Stage.STARTED, m.group(1), 0,
                    clause.length(), true, null));
        }
        // 完成各类培训: only a named facility or works is a project; 完成X工程 names works even without 建设
        // 启动新建X names the facility itself; 完成X needs 建设 or works (工程/项目), else it is a task (完成各类培训)
        boolean facilityFrame = !complete && !m.group(1).equals("启动");
        if (!built && !namedProjects && !WORKS.matcher(bare).find() && !facilityFrame || GENERIC.matcher(core).find()
                || QUANTITY.matcher(core).find() || OPEN_LIST.matcher(core).find()) {
            return List.of();
        }
        Stage stage = complete ? Stage.COMPLETED : Stage.STARTED;
        List<Milestone> out = new ArrayList<>();
        for (String item : Enumeration.items(core)) {
            String name = stripItem(item);
            int and = name.lastIndexOf('和');
            if (and >= 3 && !endsWith(FACILITY, name) && endsWith(FACILITY, name.substring(0, and))) {
                name = name.substring(0, and); // A景区和西铭(等…): the short name after 和 is no facility
            }
            String check = BRACKETED_TAIL.matcher(withoutTail(REPAIR, name)).replaceFirst("");
            if (name.length() >= 3 && endsWith(FACILITY, check) && !GENERIC.matcher(name).find()) {
                out.add(new Milestone(name, stage, m.group(1), 0, clause.length(), true, null));
            }
        }
        return out;
    }

    private static List<int[]> verbs(String clause) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < clause.length()) {
            String hit = null;
            if (FIRST_CHARS.indexOf(clause.charAt(i)) < 0) {
                i++;
                continue;
            }
            for (String w : VERBS.keySet()) {
                if (clause.startsWith(w, i)) {
                    hit = w;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int end = i + hit.length();
            boolean negated = i > 0 && "未尚".indexOf(clause.charAt(i - 1)) >= 0;
            if (!negated && !ADJECTIVAL.matcher(clause).region(end, clause.length()).lookingAt()) {
                out.add(new int[]{i, end});
            }
            i = end;
        }
        return out;
    }

    private static final Pattern PLACE_ONLY = Pattern.compile("[\\u4e00-\\u9fa5]{2,8}(?:"
            + Words.alternation("place-name-ends") + ")");
    private static final List<String> SHARED_HEADS = Words.list("shared-heads").stream()
            .sorted((a, b) -> b.length() - a.length()).toList();

    /**
     * 科右前旗、科右中旗、乌拉盖通用机场: places listed before a facility share its head noun, so each is named with
     * it (科右前旗通用机场); a list whose earlier items are not bare place names is left as it is.
     */
    static List<String> sharedHead(List<String> items) {
        if (items.size() < 2) {
            return items;
        }
        String last = items.get(items.size() - 1).strip();
        String head = SHARED_HEADS.stream().filter(h -> last.endsWith(h) && last.length() > h.length()).findFirst()
                .orElse(null);
        if (head == null || !items.subList(0, items.size() - 1).stream()
                .allMatch(i -> PLACE_ONLY.matcher(i.strip()).matches())) {
            return items;
        }
        List<String> out = new ArrayList<>();
        items.subList(0, items.size() - 1).forEach(i -> out.add(i.strip() + head));
        out.add(last);
        return out;
    }

    private static List<Milestone> projects(String object, Stage stage, String verb, int start, int end,
                                            boolean verbFirst) {
        String o = strip(verbFirst ? object : afterInnerFrame(object));
        if (o.isEmpty()) {
            return List.of(new Milestone(null, stage, verb, start, end, verbFirst, "milestone verb " + verb + " names no project"));
        }
        if (GENERIC.matcher(o).find()) {
            return List.of(new Milestone(null, stage, verb, start, end, verbFirst, "milestone verb " + verb + " names no project: " + o));
        }
        List<Milestone> out = new ArrayList<>();
        List<String> items = sharedHead(Enumeration.phases(Enumeration.items(o)));
        for (int n = 0; n < items.size(); n++) {
            String name = stripItem(items.get(n));
            String item = items.get(n);
            Matcher count = QUANTITY.matcher(name);
            if (n > 0 && n == items.size() - 1 && count.find() && count.start() >= 3 && name.endsWith("项目")
                    && endsWith(FACILITY, name.substring(0, count.start()))) {
                name = name.substring(0, count.start()); // A、B、C3个新开工项目: the count of the list follows C
            }
            String rejected = null;
            if (name.length() < 2 || GENERIC.matcher(name).find()) {
                rejected = "milestone verb " + verb + " names no project: " + item;
            } else if (QUANTITY.matcher(name).find()) {
                rejected = "a count of projects, proposed as a quantity: " + item;
            } else if (verbFirst && !endsWith(FACILITY, BRACKETED_TAIL.matcher(name).replaceFirst(""))) {
                rejected = verb + " governs a system or task, not a facility: " + name;
            }
            out.add(new Milestone(rejected == null ? name : null, stage, verb, start, end, verbFirst, rejected));
        }
        return out;
    }

    private static String afterInnerFrame(String object) {
        Matcher m = INNER_FRAME.matcher(object);
        int cut = -1;
        while (m.find()) {
            cut = m.end();
        }
        return cut < 0 || object.length() - cut < 2 ? object : object.substring(cut);
    }

    /** The facility a clause without a stage verb names (加快推进区人民医院建设 → 区人民医院), else null. */
    public static String subject(String clause) {
        String o = stripItem(strip(clause));
        return o.length() >= 3 && endsWith(FACILITY, BRACKETED_TAIL.matcher(o).replaceFirst("")) && !GENERIC.matcher(o).find()
                && !QUANTITY.matcher(o).find() && Enumeration.items(o).size() == 1 ? o : null;
    }

    /** The object without leading verbs and trailing adverbs or deadlines, cut at 等 (等重点企业). */
    static String strip(String object) {
        String o = object.strip();
        String prev;
        do {
            prev = o;
            o = LEAD.matcher(o).replaceFirst("");
        } while (!o.equals(prev));
        int etc = o.indexOf('等', 2);
        if (etc > 0) {
            o = o.substring(0, etc);
        }
        do {
            prev = o;
            o = withoutTail(TRAIL, o);
        } while (!o.equals(prev));
        return o.strip();
    }

    /** The window at the end of a text that a {@code …$} pattern of short words can match: reading less is faster. */
    private static final int TAIL = 12;

    private static boolean endsWith(Pattern tailPattern, String s) {
        return tailPattern.matcher(s).region(Math.max(0, s.length() - TAIL), s.length()).find();
    }

    private static String withoutTail(Pattern tailPattern, String s) {
        Matcher m = tailPattern.matcher(s).region(Math.max(0, s.length() - TAIL), s.length());
        return m.find() ? s.substring(0, m.start()) : s;
    }

    private static String stripItem(String item) {
        String s = item.strip();
        int of = s.lastIndexOf('的');
        if (of >= 0 && s.length() - of > 3) {
            s = s.substring(of + 1); // 以永丰源瓷文化为主题的鹭湖瓷园: the name follows the description
        }
        s = LEAD.matcher(s).replaceFirst("");
        if (s.endsWith("建设") && s.length() > 4) {
            s = s.substring(0, s.length() - 2);
        }
        return withoutTail(TRAIL, s).strip();
    }
}
