package plancheck.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.ingest.TableReader.Role;

/**
 * Tables whose cells a document site ran together with no separator at all:
 * "序号项目名称主要内容分管领导牵头单位配合单位1增加教育资源供给…4580个。何海平教育局各街道2促进就业…". The header is told
 * by its run of known header words; rows by their 序号 counting up; and in a row, the cells after the content
 * (分管领导, 牵头单位, 配合单位, 完成时限) by the shape of what they hold: a unit's name (区教育局, 人社局, 各街道) after a
 * sentence end, a leader's name before it. Content with no names after it takes the row's names before it, as a
 * merged cell does.
 */
final class RunTogetherTable {

    private static final List<String> HEADER_WORDS = headerWords();
    private static final Pattern HEADER_SEED = Pattern.compile(Words.alternation("owner-headers") + "|"
            + Words.alternation("lead-headers"));
    private static final String CJK = "[\\u4e00-\\u9fa5]";
    private static final String BRACKET = "(?:[（(][^（()）\\n]{1,10}[)）])?";
    /** A government department by its usual short name: (区)教育局, 人社局, 文体旅局, 区发展改革委. */
    private static final Pattern DEPARTMENT = Pattern.compile("(?:" + Words.alternation("jurisdiction-prefixes")
            + ")?(?:" + Words.alternation("department-stems") + ")(?:" + Words.alternation("department-suffixes") + ")");
    /** Any unit by how its name ends (县残联, 晋陵公司, 各街道), shortest first. */
    private static final Pattern UNIT = Pattern.compile("各?" + CJK + "{1,12}?(?:" + Words.alternation("owner-suffixes")
            + ")" + BRACKET);
    /** A place as a partner (经开区, 高新园(邹区镇)): short, since 区/园 also end the names of works. */
    private static final Pattern PLACE = Pattern.compile("各?" + CJK + "{1,4}?(?:" + Words.alternation("place-suffixes")
            + ")" + BRACKET);
    private static final Pattern CONTENT_START = Words.pattern("plan-markers");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;]");
    private static final int[] LEAD_LENGTHS = {3, 2, 4};
    private static final int MIN_HEADER_WORDS = 3;

    private record Names(int end, String owner, String partners, String lead, String deadline) {
    }

    private RunTogetherTable() {
    }

    static List<TableReader.Row> rows(String text, int from, int to) {
        List<TableReader.Row> out = new ArrayList<>();
        Matcher seed = HEADER_SEED.matcher(text).region(from, to);
        List<int[]> headers = new ArrayList<>();
        List<List<Role>> roles = new ArrayList<>();
        int searchFrom = from;
        while (searchFrom < to && seed.find(searchFrom)) {
            int start = extendLeft(text, seed.start(), from);
            int end = extendRight(text, seed.start(), to);
            List<Role> r = roles(text.substring(start, end));
            if (r != null) {
                headers.add(new int[]{start, end});
                roles.add(r);
            }
            searchFrom = Math.max(end, seed.end());
        }
        for (int h = 0; h < headers.size(); h++) {
            int bodyEnd = h + 1 < headers.size() ? headers.get(h + 1)[0] : to;
            body(text, headers.get(h)[1], bodyEnd, tailRoles(roles.get(h)), out);
        }
        return out;
    }

    private static List<String> headerWords() {
        List<String> words = new ArrayList<>(List.of("序号"));
        for (String list : List.of("owner-headers", "partner-headers", "lead-headers", "deadline-headers",
                "content-headers", "progress-headers")) {
            words.addAll(Words.list(list));
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(words);
    }

    private static int extendLeft(String text, int at, int from) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String w : HEADER_WORDS) {
                if (at - w.length() >= from && text.startsWith(w, at - w.length())) {
                    at -= w.length();
                    grew = true;
                    break;
                }
            }
        }
        return at;
    }

    private static int extendRight(String text, int at, int to) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String w : HEADER_WORDS) {
                if (at + w.length() <= to && text.startsWith(w, at)) {
                    at += w.length();
                    grew = true;
                    break;
                }
            }
        }
        return at;
    }

    /** The roles of a run of header words, or null unless it names content and who does it. */
    private static List<Role> roles(String run) {
        List<Role> out = new ArrayList<>();
        int at = 0;
        while (at < run.length()) {
            String word = null;
            for (String w : HEADER_WORDS) {
                if (run.startsWith(w, at)) {
                    word = w;
                    break;
                }
            }
            Role r = TableReader.headerRole(word);
            out.add(r == null ? Role.OTHER : r);
            at += word.length();
        }
        boolean named = out.contains(Role.OWNER) || out.contains(Role.LEAD);
        return out.size() >= MIN_HEADER_WORDS && out.contains(Role.CONTENT) && named ? out : null;
    }

    /** The columns after the last content column, up to any column this reader cannot tell by shape. */
    private static List<Role> tailRoles(List<Role> header) {
        List<Role> out = new ArrayList<>();
        for (Role r : header.subList(header.lastIndexOf(Role.CONTENT) + 1, header.size())) {
            if (r != Role.LEAD && r != Role.OWNER && r != Role.PARTNER && r != Role.DEADLINE) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    private static void body(String text, int start, int end, List<Role> tail, List<TableReader.Row> out) {
        if (!tail.contains(Role.OWNER) && !tail.contains(Role.LEAD)) {
            return;
        }
        int at = start;
        Integer index = RowIndex.at(text, at, end);
        while (at < end) {
            int rowStart = at;
            int contentStart = index == null ? at : at + String.valueOf(index).length();
            int next = index == null ? -1 : RowIndex.next(text, contentStart, end, index + 1);
            int rowEnd = next < 0 ? end : next;
            row(text, rowStart, contentStart, rowEnd, tail, out);
            at = rowEnd;
            index = index == null ? null : index + 1;
        }
    }

    /** One numbered row: content cells each followed by the names they take, split at sentence ends. */
    private static void row(String text, int rowStart, int contentStart, int rowEnd, List<Role> tail,
                            List<TableReader.Row> out) {
        List<int[]> cells = new ArrayList<>();
        List<Names> names = new ArrayList<>();
        int segStart = contentStart;
        Matcher end = SENTENCE_END.matcher(text).region(contentStart, rowEnd);
        while (end.find()) {
            Names n = names(text, end.end(), rowEnd, tail);
            if (n != null) {
                cells.add(new int[]{segStart, end.end()});
                names.add(n);
                segStart = n.end();
                end.region(n.end(), rowEnd);
            }
        }
        if (names.isEmpty()) {
            return; // no names read in this row: the content is left to the running text
        }
        if (segStart < rowEnd && !text.substring(segStart, rowEnd).isBlank()) {
            cells.add(new int[]{segStart, rowEnd});
            names.add(names.get(names.size() - 1)); // a merged cell: the names above hold for it too
        }
        int spanStart = rowStart;
        for (int i = 0; i < cells.size(); i++) {
            int[] c = cells.get(i);
            Names n = names.get(i);
            int spanEnd = i + 1 < cells.size() ? cells.get(i + 1)[0] : rowEnd;
            List<TableReader.Content> content = List.of(new TableReader.Content(c[0], c[1], n.deadline()));
            out.add(new TableReader.Row(spanStart, spanEnd, content, n.owner(), n.partners(), n.lead()));
            spanStart = spanEnd;
        }
    }

    /** The name cells at {@code at} in the header's order, or null when the text there holds no unit's name. */
    private static Names names(String text, int at, int to, List<Role> tail) {
        String owner = null;
        String lead = null;
        String deadline = null;
        List<String> partners = new ArrayList<>();
        int p = at;
        for (int i = 0; i < tail.size(); i++) {
            Role r = tail.get(i);
            if (r == Role.LEAD && i + 1 < tail.size() && tail.get(i + 1) == Role.OWNER) {
                int len = leadLength(text, p, to);
                if (len < 0) {
                    return null;
                }
                lead = text.substring(p, p + len);
                p += len;
            } else if (r == Role.OWNER || r == Role.LEAD && owner == null) {
                Matcher m = unit(text, p, to);
                if (m == null) {
                    return null;
                }
                owner = m.group();
                p = m.end();
            } else if (r == Role.PARTNER) {
                p = partners(text, p, to, partners);
            } else if (r == Role.DEADLINE) {
                Matcher m = TableReader.DEADLINE.matcher(text).region(p, to);
                if (m.lookingAt()) {
                    deadline = m.group();
                    p = m.end();
                }
            }
        }
        return owner == null ? null : new Names(p, owner, partners.isEmpty() ? null : String.join("、", partners),
                lead, deadline);
    }

    /** How many characters of a leader's name stand before a unit's name: a department's name decides first. */
    private static int leadLength(String text, int at, int to) {
        for (int len : LEAD_LENGTHS) {
            if (isName(text, at, len, to) && DEPARTMENT.matcher(text).region(at + len, to).lookingAt()) {
                return len;
            }
        }
        for (int len : LEAD_LENGTHS) {
            if (isName(text, at, len, to) && UNIT.matcher(text).region(at + len, to).lookingAt()) {
                return len;
            }
        }
        return -1;
    }

    private static boolean isName(String text, int at, int len, int to) {
        if (at + len > to || CONTENT_START.matcher(text).region(at, to).lookingAt()) {
            return false;
        }
        return text.substring(at, at + len).matches(CJK + "+");
    }

    private static Matcher unit(String text, int at, int to) {
        for (Pattern p : List.of(DEPARTMENT, UNIT)) {
            Matcher m = p.matcher(text).region(at, to);
            if (m.lookingAt()) {
                return m;
            }
        }
        return null;
    }

    private static int partners(String text, int at, int to, List<String> into) {
        int p = at;
        while (p < to) {
            while (p < to && "、，,/ ".indexOf(text.charAt(p)) >= 0) {
                p++;
            }
            if (CONTENT_START.matcher(text).region(p, to).lookingAt()) {
                break;
            }
            Matcher m = unit(text, p, to);
            if (m == null) {
                m = PLACE.matcher(text).region(p, to);
                if (!m.lookingAt()) {
                    break;
                }
            }
            into.add(m.group());
            p = m.end();
        }
        return p;
    }
}
