package plancheck.ledger;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import plancheck.service.Service.Judgement;

/**
 * The 台账 as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read the Chinese right): the same
 * columns as the workbook, dates as YYYY-MM-DD, progress as percentages, the target as words.
 */
public final class LedgerCsv {

    /** Written first: spreadsheet programs take a CSV without it for the local code page. */
    public static final String BOM = "\uFEFF";

    private final Layout layout;

    public LedgerCsv(Layout layout) {
        this.layout = layout;
    }

    /** Writes the rows of {@code judged} (in that order); flushes, does not close. */
    public void write(List<Judgement> judged, Writer out) throws IOException {
        out.write(BOM);
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(layout.headers().toArray(String[]::new)).get()
                .print(out);
        for (int i = 0; i < judged.size(); i++) {
            printer.printRecord(values(Row.of(i + 1, judged.get(i), layout)));
        }
        printer.flush();
    }

    private static List<Object> values(Row row) {
        List<Object> v = new ArrayList<>(Column.values().length);
        v.add(row.number());
        v.add(row.category());
        v.add(row.task());
        v.add(row.targetText());
        v.add(row.lead());
        v.add(row.owner());
        v.add(row.deadline());
        v.add(row.progress());
        v.add(percent(row.completion()));
        v.add(percent(row.expected()));
        v.add(row.status().label());
        v.add(row.explanation());
        v.add(row.source());
        v.add(row.cadence());
        v.add(row.id());
        return v;
    }

    /** 0.6 → "60%", 0.49451 → "49.45%". */
    static String percent(Double fraction) {
        if (fraction == null) {
            return null;
        }
        double p = Math.round(fraction * 10000.0) / 100.0;
        return Row.number(p) + "%";
    }
}
