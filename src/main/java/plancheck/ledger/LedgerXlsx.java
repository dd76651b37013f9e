package plancheck.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import plancheck.domain.Status;
import plancheck.service.Scorecard;
import plancheck.service.Service.Judgement;

/**
 * The 台账 as an .xlsx workbook written as a stream: sheet 台账 with one row per commitment (header frozen,
 * autofilter, status cells filled by status), sheet 通报 with the summary. Rows are flushed to the output every
 * {@value #FLUSH_EVERY} rows, so memory stays flat however many commitments there are.
 */
public final class LedgerXlsx {

    static final String LEDGER_SHEET = "台账";
    static final String DATE = "yyyy-mm-dd";
    static final String PERCENT = "0.0%";
    private static final int FLUSH_EVERY = 512;
    private static final double[] WIDTHS = {6, 10, 48, 14, 10, 16, 12, 36, 10, 10, 10, 60, 30, 10, 28};

    private final Layout layout;

    public LedgerXlsx(Layout layout) {
        this.layout = layout;
    }

    /** Writes the workbook of {@code judged} (in that order) to {@code out}; does not close it. */
    public void write(List<Judgement> judged, Scorecard summary, LocalDate asOf, OutputStream out)
            throws IOException {
        Workbook wb = new Workbook(out, "plancheck", "1.0");
        Worksheet ws = wb.newWorksheet(LEDGER_SHEET);
        header(ws);
        for (int i = 0; i < judged.size(); i++) {
            row(ws, i + 1, Row.of(i + 1, judged.get(i), layout));
            if (i % FLUSH_EVERY == FLUSH_EVERY - 1) {
                ws.flush();
            }
        }
        // on the header and every row: a filter on the header row alone would filter nothing
        ws.setAutoFilter(0, 0, judged.size(), Column.values().length - 1);
        ws.finish();
        new SummarySheet(layout).write(wb.newWorksheet(SummarySheet.NAME), summary, asOf);
        wb.finish();
    }

    private void header(Worksheet ws) {
        List<String> headers = layout.headers();
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.width(c, WIDTHS[c]);
        }
        ws.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("FFD9E1F2").set();
        ws.freezePane(0, 1);
    }

    private void row(Worksheet ws, int r, Row row) {
        ws.value(r, Column.NUMBER.ordinal(), row.number());
        text(ws, r, Column.CATEGORY, row.category());
        unique(ws, r, Column.TASK, row.task());
        if (row.targetNumber() != null) {
            ws.value(r, Column.TARGET.ordinal(), row.targetNumber());
            // the unit stays beside the number without turning it into text
            ws.style(r, Column.TARGET.ordinal()).format("General" + quoted(row.unitWords())).set();
        } else {
            text(ws, r, Column.TARGET, row.targetText());
        }
        text(ws, r, Column.LEAD, row.lead());
        text(ws, r, Column.OWNER, row.owner());
        if (row.deadline() != null) {
            ws.value(r, Column.DEADLINE.ordinal(), row.deadline());
            ws.style(r, Column.DEADLINE.ordinal()).format(DATE).set();
        }
        unique(ws, r, Column.PROGRESS, row.progress());
        percent(ws, r, Column.COMPLETION, row.completion());
        percent(ws, r, Column.EXPECTED, row.expected());
        Status s = row.status();
        ws.value(r, Column.STATUS.ordinal(), s.label());
        ws.style(r, Column.STATUS.ordinal()).fillColor(layout.fill(s)).set();
        unique(ws, r, Column.EXPLANATION, row.explanation());
        text(ws, r, Column.SOURCE, row.source());
        text(ws, r, Column.CADENCE, row.cadence());
        unique(ws, r, Column.ID, row.id());
    }

    private static void text(Worksheet ws, int r, Column c, String v) {
        if (v != null) {
            ws.value(r, c.ordinal(), v);
        }
    }

    /**
     * Text that is mostly different on every row, written inline: the shared-strings table the writer keeps in
     * memory until the end would otherwise hold every task and explanation of the ledger.
     */
    private static void unique(Worksheet ws, int r, Column c, String v) {
        if (v != null) {
            ws.inlineString(r, c.ordinal(), v);
        }
    }

    private static void percent(Worksheet ws, int r, Column c, Double v) {
        if (v != null) {
            ws.value(r, c.ordinal(), v);
            ws.style(r, c.ordinal()).format(PERCENT).set();
        }
    }

    /**
     * Text inside a number format, each character escaped with a backslash: the writer puts the format into XML as
     * it is, so quotes would break the file.
     */
    private static String quoted(String words) {
        StringBuilder out = new StringBuilder();
        if (words != null) {
            words.codePoints().filter(cp -> cp != '"' && cp != '&' && cp != '<' && cp != '>')
                    .forEach(cp -> out.append('\\').appendCodePoint(cp));
        }
        return out.toString();
    }
}
