package plancheck.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Policy sheets for tests, written with FastExcel: the shipped header and defaults with overrides added. {@code main}
 * writes the shipped sheet, rules/plancheck/policy.xlsx, with its 说明 sheet.
 */
public final class PolicySheets {

    public static final List<String> HEADER = List.of("district", "category", "onTrackTolerance", "exceededFrom",
            "basicallyAchievedFrom", "striveBasicallyAchievedFrom", "staleAfterDays", "implausibleAbove",
            "redDeadlineDays", "yellowLagFrom", "redLagFrom", "unreviewedAfterDays", "note");
    /** The shipped defaults, in {@link #HEADER} order. */
    public static final List<Object> DEFAULTS = Arrays.asList(null, null, 0.10, 1.10, 0.90, 0.80, 90, 5, 3, 10, 30, 14,
            "默认：未单独设定的区域和类别都按此行");

    private static final List<List<String>> ABOUT = List.of(
            List.of("列", "含义", "取值"),
            List.of("district", "区域编号（见 GET /api/districts），该行适用于该区域及其下所有区域；空：所有区域", "如 futian"),
            List.of("category", "事项类别；空：所有类别", "如 民生"),
            List.of("onTrackTolerance", "完成进度落后序时进度不超过此值（小数，0.10 = 10个百分点）为序时推进", "0 至 1"),
            List.of("exceededFrom", "期限已过，完成进度达到此值为超额完成", "1 至 10"),
            List.of("basicallyAchievedFrom", "期限已过，未达目标但完成进度达到此值为基本完成", "0 至 1"),
            List.of("striveBasicallyAchievedFrom", "力争目标：期限已过，完成进度达到此值为基本完成（不高于上一项）", "0 至 1"),
            List.of("staleAfterDays", "最近一次报送距今超过此天数，提示数据陈旧", "整数天 1 至 3660"),
            List.of("implausibleAbove", "报送值超过目标的此倍数，提示可能单位有误", "1 以上"),
            List.of("redDeadlineDays", "督办：期限不足此天数且未完成为红色", "整数天 0 至 366"),
            List.of("yellowLagFrom", "督办：落后序时进度达到此百分点为黄色（以下为蓝色）", "0 至 100"),
            List.of("redLagFrom", "督办：落后序时进度达到此百分点为红色（不低于上一项）", "0 至 100"),
            List.of("unreviewedAfterDays", "督办：结果待审核超过此天数提醒", "整数天 0 至 3660"),
            List.of("note", "备注，不参与判定", ""),
            List.of("", "", ""),
            List.of("规则", "第1行为列名，第2行为默认值（district、category 留空，每项必填）；其后每行为一条覆盖：填 district、"
                    + "category 或两者，未填的阈值按默认值。", ""),
            List.of("优先顺序", "区域越具体越优先（本区域先于上级区域）；同一区域，区域+类别先于仅区域；任一区域行先于仅类别行；"
                    + "最后是默认行。", ""),
            List.of("生效", "保存后 POST /api/rules/reload（或服务以 --watch-rules 启动时自动）生效；有误的单元格会被指出"
                    + "（工作表、行、列），原规则继续使用。", ""));

    private PolicySheets() {
    }

    /** The shipped sheet, read. */
    public static PolicyTable shipped() {
        try {
            return read(Files.readAllBytes(Path.of("rules").resolve(PolicySheet.PATH)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet read; fails the test on any problem. */
    public static PolicyTable read(byte[] xlsx) {
        List<RuleBuildException.Problem> problems = new ArrayList<>();
        PolicyTable t = PolicySheet.read(xlsx, problems);
        if (t == null) {
            throw new AssertionError("the policy sheet has problems: " + problems);
        }
        return t;
    }

    /** The shipped header and defaults with {@code overrides} (in {@link #HEADER} order) below. */
    public static byte[] with(List<?>... overrides) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(DEFAULTS);
        rows.addAll(List.of(overrides));
        return xlsx(rows, false);
    }

    /** An override row: district, category, then name/value pairs of the thresholds it sets. */
    public static List<Object> row(String district, String category, Object... thresholds) {
        List<Object> r = new ArrayList<>(java.util.Collections.nCopies(HEADER.size(), null));
        r.set(0, district);
        r.set(1, category);
        for (int i = 0; i < thresholds.length; i += 2) {
            int at = HEADER.indexOf((String) thresholds[i]);
            if (at < 0) {
                throw new IllegalArgumentException("no column " + thresholds[i]);
            }
            r.set(at, thresholds[i + 1]);
        }
        return r;
    }

    /** The shipped defaults with one cell of it replaced (a string, a number, or null to empty it). */
    public static byte[] defaultsWith(String column, Object value) {
        List<Object> d = new ArrayList<>(DEFAULTS);
        d.set(HEADER.indexOf(column), value);
        return xlsx(List.of(HEADER, d), false);
    }

    public static String base64(byte[] xlsx) {
        return Base64.getEncoder().encodeToString(xlsx);
    }

    /** Rows as they are, first sheet named "policy". */
    public static byte[] xlsx(List<? extends List<?>> rows, boolean about) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "plancheck", "1.0");
            Worksheet ws = wb.newWorksheet("policy");
            write(ws, rows);
            for (int c = 0; c < HEADER.size(); c++) {
                ws.width(c, c == HEADER.size() - 1 ? 40 : 16);
            }
            ws.range(0, 0, 0, HEADER.size() - 1).style().bold().set();
            if (about) {
                Worksheet help = wb.newWorksheet("说明");
                write(help, ABOUT);
                help.width(0, 26);
                help.width(1, 90);
                help.width(2, 18);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet ws, List<? extends List<?>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v instanceof String s && !s.isEmpty()) {
                    ws.value(r, c, s);
                }
            }
        }
    }

    /** Writes the shipped sheet: header, defaults, and the 说明 sheet. */
    public static void main(String[] args) throws IOException {
        Path to = Path.of(args.length > 0 ? args[0] : "rules/plancheck/policy.xlsx");
        Files.write(to, xlsx(List.of(HEADER, DEFAULTS), true));
        System.out.println("wrote " + to);
    }
}
