package plancheck.ledger;

import java.time.LocalDate;
import java.util.Map;

import org.dhatim.fastexcel.Worksheet;

import plancheck.domain.Status;
import plancheck.service.Scorecard;

/**
 * The 通报 sheet: counts by status overall, by category and by 责任单位, with the completion and on-pace rates as
 * formulas over the counts beside them, so a leader sees how each rate is made and an edited count recomputes.
 */
final class SummarySheet {

    static final String NAME = "通报";
    private static final Status[] STATUSES = Status.values();
    /** columns: A group, B name, C.. one per status, then total, completion rate, on-pace rate */
    private static final int FIRST_COUNT = 2;
    private static final int TOTAL = FIRST_COUNT + STATUSES.length;

    private final Layout layout;

    SummarySheet(Layout layout) {
        this.layout = layout;
    }

    void write(Worksheet ws, Scorecard s, LocalDate asOf) throws java.io.IOException {
        ws.value(0, 0, "截至");
        ws.value(0, 1, asOf);
        ws.style(0, 1).format(LedgerXlsx.DATE).set();
        int r = 2;
        ws.value(r, 0, "分组");
        ws.value(r, 1, "名称");
        for (int i = 0; i < STATUSES.length; i++) {
            ws.value(r, FIRST_COUNT + i, STATUSES[i].label());
            ws.style(r, FIRST_COUNT + i).fillColor(layout.fill(STATUSES[i])).bold().set();
        }
        ws.value(r, TOTAL, "合计");
        ws.value(r, TOTAL + 1, "完成率");
        ws.value(r, TOTAL + 2, "序时率");
        ws.range(r, 0, r, 1).style().bold().set();
        ws.range(r, TOTAL, r, TOTAL + 2).style().bold().set();
        ws.freezePane(2, r + 1);
        r = line(ws, r + 1, "全部", "全部", s);
        r = group(ws, r, "按类别", s.byCategory());
        r = group(ws, r, "按责任单位", s.byOwner());
        r++;
        ws.value(r++, 0, "完成率 = (超额完成 + 已完成) / (合计 − 长期坚持)");
        ws.value(r, 0, "序时率 = (超额完成 + 已完成 + 基本完成 + 序时推进) / (合计 − 长期坚持)");
        ws.width(0, 12);
        ws.width(1, 24);
        ws.finish();
    }

    private int group(Worksheet ws, int r, String group, Map<String, Scorecard> by) {
        for (Map.Entry<String, Scorecard> e : by.entrySet()) {
            r = line(ws, r, group, e.getKey().isEmpty() ? "（未填）" : e.getKey(), e.getValue());
        }
        return r;
    }

    /** One line of counts and its two rate formulas; returns the next row. */
    private static int line(Worksheet ws, int r, String group, String name, Scorecard s) {
        ws.value(r, 0, group);
        ws.value(r, 1, name);
        for (int i = 0; i < STATUSES.length; i++) {
            ws.value(r, FIRST_COUNT + i, s.byStatus().get(STATUSES[i]));
        }
        int row = r + 1;
        String total = cell(TOTAL, row);
        String assessable = "(" + total + "-" + cell(col(Status.ONGOING), row) + ")";
        String done = cell(col(Status.EXCEEDED), row) + "+" + cell(col(Status.ACHIEVED), row);
        String onPace = done + "+" + cell(col(Status.BASICALLY_ACHIEVED), row) + "+"
                + cell(col(Status.ON_TRACK), row);
        ws.formula(r, TOTAL, "SUM(" + cell(FIRST_COUNT, row) + ":" + cell(TOTAL - 1, row) + ")");
        ws.formula(r, TOTAL + 1, "IF(" + assessable + "=0,\"\",(" + done + ")/" + assessable + ")");
        ws.formula(r, TOTAL + 2, "IF(" + assessable + "=0,\"\",(" + onPace + ")/" + assessable + ")");
        ws.range(r, TOTAL + 1, r, TOTAL + 2).style().format(LedgerXlsx.PERCENT).set();
        return r + 1;
    }

    private static int col(Status s) {
        return FIRST_COUNT + s.ordinal();
    }

    /** An A1 reference: column index from 0, row number from 1. */
    static String cell(int col, int row) {
        StringBuilder name = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString() + row;
    }
}
