package plancheck.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import plancheck.domain.Policy;
import plancheck.engine.RuleBuildException.Problem;

/**
 * Reads the policy sheet, {@value #PATH} under the rules folder, with FastExcel's reader (the library the 台账
 * import already uses). Its first sheet is the table: row 1 the column names ({@code district}, {@code category}
 * and one column per threshold, in any order), row 2 the defaults (no district, no category, every threshold
 * given), each further row an override for a district subtree, a category or both, its empty cells taking the
 * default. Any other sheet (the 说明 sheet) is for people and not read. Every problem names the sheet, row, column
 * and what is wrong; a sheet with an error gives no table.
 */
public final class PolicySheet {

    /** Where the sheet is, relative to the rules folder. */
    public static final String PATH = "plancheck/policy.xlsx";
    static final String DISTRICT = "district";
    static final String CATEGORY = "category";
    /** A free-text column for why a row is there; not read. */
    static final String NOTE = "note";
    private static final int HEADER_ROW = 1;
    private static final int DEFAULTS_ROW = 2;
    private static final int MAX_ROWS = 10_000;

    /** One threshold column: its name (as in the rules: {@code policy.<name>}), whole days or a fraction, range. */
    record Threshold(String name, boolean days, double min, double max) {
        String range() {
            return days ? "a whole number of days from " + (long) min + " to " + (long) max
                    : "a number from " + Explanations.num(min) + " to " + Explanations.num(max);
        }
    }

    static final List<Threshold> THRESHOLDS = List.of(
            new Threshold("onTrackTolerance", false, 0, 1),
            new Threshold("exceededFrom", false, 1, 10),
            new Threshold("basicallyAchievedFrom", false, 0, 1),
            new Threshold("striveBasicallyAchievedFrom", false, 0, 1),
            new Threshold("staleAfterDays", true, 1, 3660),
            new Threshold("implausibleAbove", false, 1, 1_000_000),
            new Threshold("redDeadlineDays", true, 0, 366),
            new Threshold("yellowLagFrom", false, 0, 100),
            new Threshold("redLagFrom", false, 0, 100),
            new Threshold("unreviewedAfterDays", true, 0, 3660));

    private PolicySheet() {
    }

    /** The table from the sheet's text as the rules folder holds it (base64), or null with the problems added. */
    static PolicyTable read(String base64, List<Problem> problems) {
        byte[] bytes;
        try {
            // strict: line breaks may wrap the text, any other character outside the alphabet is refused
            bytes = Base64.getDecoder().decode(base64.replaceAll("[\r\n]", ""));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(PATH, 0, 0, Problem.ERROR, "not base64: send an .xlsx file base64-encoded"));
            return null;
        }
        return read(bytes, problems);
    }

    /** The table from the bytes of an .xlsx file, or null with the problems added. */
    public static PolicyTable read(byte[] xlsx, List<Problem> problems) {
        if (xlsx.length < 8 || !ReadableWorkbook.isOOXMLZipHeader(xlsx)) {
            problems.add(new Problem(PATH, 0, 0, Problem.ERROR, xlsx.length >= 8 && ReadableWorkbook.isOLE2Header(xlsx)
                    ? "an old .xls workbook: save it as .xlsx" : "not an .xlsx workbook"));
            return null;
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getFirstSheet();
            List<Row> rows = new ArrayList<>();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Iterator<Row> it = stream.iterator(); it.hasNext() && rows.size() <= MAX_ROWS; ) {
                    Row r = it.next();
                    if (r.stream().anyMatch(c -> c != null && c.getType() != CellType.EMPTY && !blank(c))) {
                        rows.add(r);
                    }
                }
            }
            return new Reading(sheet.getName(), problems).table(rows);
        } catch (IOException | RuntimeException e) {
            // whatever a broken workbook makes the reader throw is a problem of the sheet, not of the server
            problems.add(new Problem(PATH, 0, 0, Problem.ERROR, "the workbook cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** One pass over the rows of the first sheet, collecting problems. */
    private static final class Reading {
        private final String sheet;
        private final List<Problem> problems;
        private final int before;
        /** column index (0-based) → name */
        private final Map<Integer, String> columns = new HashMap<>();

        Reading(String sheet, List<Problem> problems) {
            this.sheet = sheet;
            this.problems = problems;
            this.before = problems.size();
        }

        PolicyTable table(List<Row> rows) {
            if (rows.isEmpty() || rows.get(0).getRowNum() != HEADER_ROW) {
                error(HEADER_ROW, 1, "row 1 must name the columns: district, category, "
                        + String.join(", ", THRESHOLDS.stream().map(Threshold::name).toList()));
                return null;
            }
            if (rows.size() > MAX_ROWS) {
                error(MAX_ROWS, 1, "more than " + MAX_ROWS + " rows");
                return null;
            }
            header(rows.get(0));
            if (hasErrors()) {
                return null;
            }
            if (rows.size() < 2 || rows.get(1).getRowNum() != DEFAULTS_ROW) {
                error(DEFAULTS_ROW, 1, "row 2 must hold the defaults: every threshold, no district, no category");
                return null;
            }
            Policy defaults = row(rows.get(1), null);
            List<Policy> overrides = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Row r : rows.subList(2, rows.size())) {
                Policy p = row(r, defaults);
                if (p != null && !seen.add(p.district() + "\u0000" + p.category())) {
                    error(r.getRowNum(), 1, "a second row for district " + p.district() + " and category "
                            + p.category() + ": keep one");
                } else if (p != null) {
                    overrides.add(p);
                }
            }
            return hasErrors() ? null : new PolicyTable(defaults, overrides);
        }

        private void header(Row r) {
            Set<String> known = new HashSet<>(List.of(DISTRICT, CATEGORY, NOTE));
            THRESHOLDS.forEach(t -> known.add(t.name()));
            Set<String> named = new HashSet<>();
            for (Cell c : r) {
                if (c == null || blank(c)) {
                    continue;
                }
                String name = c.getType() == CellType.STRING ? c.getText().strip() : null;
                int col = c.getColumnIndex() + 1;
                if (name == null || !known.contains(name)) {
                    error(HEADER_ROW, col, "unknown column " + (name == null ? c.getRawValue() : "'" + name + "'")
                            + "; expected one of " + String.join(", ", known.stream().sorted().toList()));
                } else if (!named.add(name)) {
                    error(HEADER_ROW, col, "column " + name + " given twice");
                } else {
                    columns.put(c.getColumnIndex(), name);
                }
            }
            for (String name : known) {
                if (!name.equals(NOTE) && !named.contains(name)) {
                    error(HEADER_ROW, 0, "column " + name + " is missing");
                }
            }
        }

        /** One row; {@code defaults} null for the defaults row itself. */
        private Policy row(Row r, Policy defaults) {
            int line = r.getRowNum();
            int errors = problems.size();
            Map<String, Object> v = new HashMap<>();
            for (Cell c : r) {
                if (c == null || blank(c)) {
                    continue;
                }
                String name = columns.get(c.getColumnIndex());
                int col = c.getColumnIndex() + 1;
                if (name == null) {
                    error(line, col, "a value in a column without a name in row 1");
                } else if (name.equals(NOTE)) {
                    continue;
                } else if (name.equals(DISTRICT) || name.equals(CATEGORY)) {
                    text(c, name, line, col, v);
                } else {
                    number(c, threshold(name), line, col, v);
                }
            }
            if (problems.size() > errors) {
                return null;
            }
            String district = (String) v.get(DISTRICT);
            String category = (String) v.get(CATEGORY);
            if (defaults == null) {
                if (district != null || category != null) {
                    error(line, column(district != null ? DISTRICT : CATEGORY), "the defaults row has no "
                            + (district != null ? DISTRICT : CATEGORY) + ": it applies everywhere");
                }
                for (Threshold t : THRESHOLDS) {
                    if (!v.containsKey(t.name())) {
                        error(line, column(t.name()), t.name() + " is missing: the defaults row gives every threshold");
                    }
                }
                if (problems.size() > errors) {
                    return null;
                }
            } else if (district == null && category == null) {
                error(line, column(DISTRICT), "an override names a district, a category or both");
                return null;
            }
            Policy p = policy(v, defaults, line, district, category);
            consistent(p, v, line);
            return problems.size() > errors ? null : p;
        }

        private Policy policy(Map<String, Object> v, Policy d, int line, String district, String category) {
            String label = d == null ? "默认" : district == null ? category
                    : category == null ? district : district + " · " + category;
            return new Policy(label, district, category, line,
                    dbl(v, "onTrackTolerance", d == null ? 0 : d.onTrackTolerance()),
                    dbl(v, "exceededFrom", d == null ? 0 : d.exceededFrom()),
                    dbl(v, "basicallyAchievedFrom", d == null ? 0 : d.basicallyAchievedFrom()),
                    dbl(v, "striveBasicallyAchievedFrom", d == null ? 0 : d.striveBasicallyAchievedFrom()),
                    (int) dbl(v, "staleAfterDays", d == null ? 0 : d.staleAfterDays()),
                    dbl(v, "implausibleAbove", d == null ? 0 : d.implausibleAbove()),
                    (int) dbl(v, "redDeadlineDays", d == null ? 0 : d.redDeadlineDays()),
                    dbl(v, "yellowLagFrom", d == null ? 0 : d.yellowLagFrom()),
                    dbl(v, "redLagFrom", d == null ? 0 : d.redLagFrom()),
                    (int) dbl(v, "unreviewedAfterDays", d == null ? 0 : d.unreviewedAfterDays()));
        }

        /** Thresholds that only make sense together, checked on the row as it applies (defaults filled in). */
        private void consistent(Policy p, Map<String, Object> v, int line) {
            if (p.striveBasicallyAchievedFrom() > p.basicallyAchievedFrom()) {
                error(line, column(v.containsKey("striveBasicallyAchievedFrom") ? "striveBasicallyAchievedFrom"
                        : "basicallyAchievedFrom"), "striveBasicallyAchievedFrom " + Explanations.num(
                        p.striveBasicallyAchievedFrom()) + " is above basicallyAchievedFrom " + Explanations.num(
                        p.basicallyAchievedFrom()) + ": a 力争 target is judged at least as leniently");
            }
            if (p.yellowLagFrom() > p.redLagFrom()) {
                error(line, column(v.containsKey("yellowLagFrom") ? "yellowLagFrom" : "redLagFrom"), "yellowLagFrom "
                        + Explanations.num(p.yellowLagFrom()) + " is above redLagFrom "
                        + Explanations.num(p.redLagFrom()) + ": yellow comes before red");
            }
        }

        private void text(Cell c, String name, int line, int col, Map<String, Object> v) {
            if (c.getType() != CellType.STRING) {
                error(line, col, name + " must be text, found " + describe(c));
                return;
            }
            String s = c.getText().strip();
            if (name.equals(DISTRICT) && !s.matches("[a-z0-9][a-z0-9-]{0,99}")) {
                error(line, col, "district '" + s + "' is not a district id (a-z, 0-9 and '-', as in GET"
                        + " /api/districts)");
                return;
            }
            v.put(name, s);
        }

        private void number(Cell c, Threshold t, int line, int col, Map<String, Object> v) {
            if (c.getType() != CellType.NUMBER) {
                error(line, col, t.name() + " must be " + t.range() + ", found " + describe(c));
                return;
            }
            BigDecimal n = c.asNumber();
            if (t.days() && n.stripTrailingZeros().scale() > 0) {
                error(line, col, t.name() + " must be a whole number of days, found " + n.toPlainString());
                return;
            }
            double x = n.doubleValue();
            if (x < t.min() || x > t.max()) {
                error(line, col, t.name() + " must be " + t.range() + ", found " + n.toPlainString());
                return;
            }
            v.put(t.name(), x);
        }

        private static double dbl(Map<String, Object> v, String name, double fallback) {
            Object x = v.get(name);
            return x == null ? fallback : (Double) x;
        }

        private int column(String name) {
            return columns.entrySet().stream().filter(e -> e.getValue().equals(name)).map(e -> e.getKey() + 1)
                    .findFirst().orElse(0);
        }

        private static Threshold threshold(String name) {
            return THRESHOLDS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        }

        private boolean hasErrors() {
            return problems.size() > before;
        }

        private void error(int row, int column, String message) {
            String cell = column > 0 ? " (cell " + columnLetters(column) + row + ")" : "";
            problems.add(new Problem(PATH, row, column, Problem.ERROR, message + cell, sheet));
        }
    }

    private static boolean blank(Cell c) {
        return c.getType() == CellType.EMPTY || c.getType() == CellType.STRING && c.getText().isBlank();
    }

    private static String describe(Cell c) {
        return switch (c.getType()) {
            case STRING -> "text '" + c.getText() + "'";
            case FORMULA -> "a formula (=" + c.getFormula() + "): enter the value itself";
            case ERROR -> "an error value " + c.getRawValue();
            case BOOLEAN -> "TRUE/FALSE";
            default -> c.getRawValue();
        };
    }

    /** 1 → A, 27 → AA. */
    static String columnLetters(int column) {
        StringBuilder out = new StringBuilder();
        for (int n = column; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
