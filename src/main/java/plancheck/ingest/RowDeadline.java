package plancheck.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.domain.Stage;

/**
 * A table row's 完成时限: a date (12月底前, 9月) and, when the cell names one, the stage due then (9月投入使用,
 * 5月底前动工).
 */
record RowDeadline(LocalDate date, Stage stage, String words) {

    private static final Pattern MONTH = Pattern.compile("(\\d{1,2})月");

    static Optional<RowDeadline> of(String cell, int year) {
        if (cell == null) {
            return Optional.empty();
        }
        Optional<Deadlines.Deadline> d = Deadlines.find(cell, year);
        LocalDate date = d.map(Deadlines.Deadline::date).orElse(null);
        if (date == null) {
            Matcher m = MONTH.matcher(cell);
            int month = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (month < 1 || month > 12) {
                return Optional.empty();
            }
            date = YearMonth.of(year, month).atEndOfMonth();
        }
        Stage stage = null;
        for (var e : MilestoneFinder.VERBS.entrySet()) {
            if (cell.contains(e.getKey())) {
                stage = e.getValue();
                break;
            }
        }
        return Optional.of(new RowDeadline(date, stage, cell));
    }
}
