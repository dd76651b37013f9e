package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the rows of tables in report text as PDF and web extraction leave them: cells split by '|' or tabs on one
 * line, or one cell a line under a header block (序号 / 民生实事 / 责任单位 / 完成时限). Each row gives the cells that
 * state what will be done, and who does it (责任单位 / 牵头单位 as owner, 配合单位 as partners, 牵头领导 as lead) and by
 * when (完成时限). Columns are told by their header where the row lines up with it, else by what a cell holds, since
 * merged cells leave rows shorter than the header.
 */
final class TableReader {

    /** A cell of what will be done, with the 完成时限 that follows it in its row (null when none). */
    record Content(int start, int end, String deadline) {
    }

    /** One row: its span in the original text, its content cells and who is named for it. */
    record Row(int start, int end, List<Content> content, String owner, String partners, String lead,
               boolean completes) {

        Row(int start, int end, List<Content> content, String owner, String partners, String lead) {
            this(start, end, content, owner, partners, lead, false);
        }
    }

    /** COMPLETION: a 竣工时间 column, so each row's first content cell names a project to be completed by then. */
    enum Role { CONTENT, OWNER, PARTNER, LEAD, DEADLINE, COMPLETION, PROGRESS, OTHER }

    private record Cell(int start, int end, String text) {
    }

    private static final Pattern OWNER_HEADER = Words.pattern("owner-headers");
    private static final Pattern PARTNER_HEADER = Words.pattern("partner-headers");
    private static final Pattern LEAD_HEADER = Words.pattern("lead-headers");
    private static final Pattern DEADLINE_HEADER = Words.pattern("deadline-headers");
    private static final Pattern COMPLETION_HEADER = Words.opening("completion-headers");
    private static final Pattern PROGRESS_HEADER = Words.pattern("progress-headers");
    private static final Pattern CONTENT_HEADER = Words.pattern("content-headers");
    private static final Pattern OWNER_NAME = Pattern.compile("[\\u4e00-\\u9fa5（()）]{1,24}?(?:"
            + Words.alternation("owner-suffixes") + ")");
    private static final Pattern OWNERS = Pattern.compile("(?:" + OWNER_NAME.pattern() + ")(?:[、,，/\\s]+(?:"
            + OWNER_NAME.pattern() + "))*");
    private static final Pattern INDEX = Pattern.compile("\\d{1,3}");
    private static final Pattern NUMBER_ONLY = Pattern.compile("[\\d.,\\s\\-—～~至年]+");
    static final Pattern DEADLINE = Pattern.compile(
            "(?:(?:19|20)\\d{2}年)?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\\d{1,2}日)?(?:底|末|份)?(?:前|之前|以前)?.{0,8}|年底前?|年内|上半年|下半年|第?[一二三四1-4]季度.{0,4}");
    private static final Pattern PROGRESS = Words.opening("progress-cell-starts");
    private static final Pattern SEPARATOR_ROW = Pattern.compile("[-|:\\s]+");
    private static final int MAX_CELL_LINE = 80;
    private static final int MAX_HEADER_FRAGMENT = 6;
    /** A line grouping the rows under it (一、做大做强主导产业), inside a one-cell-a-line table. */
    private static final Pattern GROUP = Pattern.compile("[一二三四五六七八九十]+[、.．]");

    private TableReader() {
    }

    /** The table rows inside [from, to) of the original text, in order. */
    static List<Row> rows(String text, int from, int to) {
        List<Cell> lines = lines(text, from, to);
        List<Row> out = new ArrayList<>();
        pipeRows(lines, out);
        cellPerLineRows(lines, out);
        out.addAll(RunTogetherTable.rows(text, from, to));
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static List<Cell> lines(String text, int from, int to) {
        List<Cell> out = new ArrayList<>();
        int start = from;
        while (start < to) {
            int end = text.indexOf('\n', start);
            if (end < 0 || end > to) {
                end = to;
            }
            out.add(new Cell(start, end, text.substring(start, end)));
            start = end + 1;
        }
        return out;
    }

    private static boolean isPipeLine(String line) {
        return count(line, '|') >= 2 || count(line, '\t') >= 2;
    }

    private static void pipeRows(List<Cell> lines, List<Row> out) {
        List<Role> header = null;
        for (Cell line : lines) {
            if (!isPipeLine(line.text()) || SEPARATOR_ROW.matcher(line.text()).matches()) {
                continue;
            }
            List<Cell> cells = cells(line);
            List<Role> roles = headerRoles(cells);
            if (roles != null) {
                header = header == null || roles.contains(Role.CONTENT) ? roles : header;
                continue;
            }
            if (header == null) {
                continue; // page furniture in pipes (索引号 | …) before any header
            }
            boolean aligned = cells.size() == header.size();
            List<Role> rowRoles = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Role byHeader = aligned ? header.get(i) : Role.OTHER;
                rowRoles.add(byHeader == Role.OTHER || byHeader == Role.CONTENT ? byContent(cells.get(i).text()) : byHeader);
            }
            row(line.start(), line.end(), cells, rowRoles).ifPresent(out::add);
        }
    }

    /** Header blocks of one cell a line (序号 / 民生实事 / 责任单位 / 完成时限), then rows each opened by its 序号. */
    private static void cellPerLineRows(List<Cell> lines, List<Row> out) {
        List<Cell> nonEmpty = lines.stream().filter(l -> !l.text().isBlank() && !isPipeLine(l.text())).toList();
        int i = 0;
        while (i < nonEmpty.size()) {
            int headerEnd = i;
            boolean content = false;
            boolean named = false;
            boolean completes = false;
            Role last = null;
            while (headerEnd < nonEmpty.size() && (headerRole(compact(nonEmpty.get(headerEnd).text())) != null
                    || headerEnd > i && isHeaderFragment(compact(nonEmpty.get(headerEnd).text())))) {
                Role r = headerRole(compact(nonEmpty.get(headerEnd).text()));
                content |= r == Role.CONTENT;
                named |= r == Role.OWNER || r == Role.DEADLINE || r == Role.LEAD || r == Role.COMPLETION;
                completes |= r == Role.COMPLETION;
                last = r == null ? last : r;
                headerEnd++;
            }
            if (headerEnd - i < 2 || !content || !named) {
                i = Math.max(i + 1, headerEnd);
                continue;
            }
            int k = headerEnd;
            while (k < nonEmpty.size() && (INDEX.matcher(compact(nonEmpty.get(k).text())).matches()
                    || GROUP.matcher(compact(nonEmpty.get(k).text())).lookingAt())) {
                if (GROUP.matcher(compact(nonEmpty.get(k).text())).lookingAt()) {
                    k++; // 一、做大做强主导产业: a group heading between the rows
                    continue;
                }
                int rowEnd = k + 1;
                while (rowEnd < nonEmpty.size() && !INDEX.matcher(compact(nonEmpty.get(rowEnd).text())).matches()
                        && nonEmpty.get(rowEnd).text().strip().length() <= MAX_CELL_LINE * 3) {
                    rowEnd++;
                }
                List<Cell> cells = nonEmpty.subList(k + 1, rowEnd);
                List<Role> roles = new ArrayList<>(cells.stream().map(c -> byContent(c.text())).toList());
                // merged cells make the columns uncountable, but a progress column standing last is the row's last cell
                if (last == Role.PROGRESS && roles.size() > 1) {
                    roles.set(roles.size() - 1, Role.PROGRESS);
                }
                int start = nonEmpty.get(k).start();
                int end = rowEnd > k + 1 ? nonEmpty.get(rowEnd - 1).end() : nonEmpty.get(k).end();
                boolean rowCompletes = completes;
                row(start, end, cells, roles).map(r -> rowCompletes ? completing(r) : r).ifPresent(out::add);
                k = rowEnd;
            }
            i = k;
        }
    }

    private static Row completing(Row r) {
        return new Row(r.start(), r.end(), r.content(), r.owner(), r.partners(), r.lead(), true);
    }

    /** A header cell broken over lines by the extraction (开工 / 时间, 总投资 / (万元)): short, no index, no sentence. */
    private static boolean isHeaderFragment(String t) {
        return !t.isEmpty() && t.length() <= MAX_HEADER_FRAGMENT && !INDEX.matcher(t).matches()
                && t.chars().noneMatch(c -> c == '。' || c == '，' || c == ',' || c == '；' || c == ';');
    }

    private static java.util.Optional<Row> row(int start, int end, List<Cell> cells, List<Role> roles) {
        List<Content> content = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        String lead = null;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String t = compact(c.text());
            switch (roles.get(i)) {
                case CONTENT -> content.add(new Content(c.start(), c.end(), null));
                case OWNER -> owners.add(t);
                case PARTNER -> partners.add(t);
                case LEAD -> lead = t;
                case DEADLINE, COMPLETION -> {
                    if (!content.isEmpty() && content.get(content.size() - 1).deadline() == null) {
                        Content last = content.remove(content.size() - 1);
                        content.add(new Content(last.start(), last.end(), t));
                    } else if (content.isEmpty()) {
                        content.add(new Content(c.start(), c.start(), t)); // a deadline before any content: the row's
                    }
                }
                default -> {
                }
            }
        }
        content.removeIf(x -> x.start() == x.end());
        if (content.isEmpty()) {
            return java.util.Optional.empty();
        }
        // a cell-per-line row lists its owner first and its partners after (县文体广新局 / 县代建中心)
        String owner = owners.isEmpty() ? null : owners.get(0);
        if (owners.size() > 1) {
            partners.addAll(0, owners.subList(1, owners.size()));
        }
        return java.util.Optional.of(new Row(start, end, content, owner,
                partners.isEmpty() ? null : String.join("、", partners), lead));
    }

    private static List<Cell> cells(Cell line) {
        List<Cell> out = new ArrayList<>();
        String s = line.text();
        char sep = count(s, '|') >= 2 ? '|' : '\t';
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == sep) {
                if (!(i == s.length() && start == i)) {
                    out.add(new Cell(line.start() + start, line.start() + i, s.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The roles of a header row's cells, or null when the row is no header. */
    private static List<Role> headerRoles(List<Cell> cells) {
        List<Role> roles = new ArrayList<>();
        int named = 0;
        for (Cell c : cells) {
            String t = compact(c.text());
            Role r = t.equals("序号") ? Role.OTHER : headerRole(t);
            named += r != null || t.equals("序号") ? 1 : 0;
            roles.add(r == null ? Role.OTHER : r);
        }
        return named >= 2 && named * 2 >= cells.stream().filter(c -> !c.text().isBlank()).count() ? roles : null;
    }

    static Role headerRole(String t) {
        if (t.isEmpty() || t.length() > 12) {
            return null;
        }
        if (t.equals("序号")) {
            return Role.OTHER;
        }
        if (PROGRESS_HEADER.matcher(t).find()) {
            return Role.PROGRESS;
        }
        if (PARTNER_HEADER.matcher(t).find()) {
            return Role.PARTNER;
        }
        if (LEAD_HEADER.matcher(t).find()) {
            return Role.LEAD;
        }
        if (OWNER_HEADER.matcher(t).find()) {
            return Role.OWNER;
        }
        if (COMPLETION_HEADER.matcher(t).find()) {
            return Role.COMPLETION;
        }
        if (DEADLINE_HEADER.matcher(t).find()) {
            return Role.DEADLINE;
        }
        if (CONTENT_HEADER.matcher(t).find()) {
            return Role.CONTENT;
        }
        return null;
    }

    /** What a cell holds when its column is not known. */
    private static Role byContent(String cell) {
        String t = compact(cell);
        if (t.isEmpty() || INDEX.matcher(t).matches() || NUMBER_ONLY.matcher(t).matches()) {
            return Role.OTHER;
        }
        if (t.length() <= 40 && OWNERS.matcher(t).matches()) {
            return Role.OWNER;
        }
        if (t.length() <= 16 && DEADLINE.matcher(t).matches()) {
            return Role.DEADLINE;
        }
        if (PROGRESS.matcher(t).find()) {
            return Role.PROGRESS;
        }
        return Role.CONTENT;
    }

    private static String compact(String s) {
        return SectionFinder.compact(s);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
