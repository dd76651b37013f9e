package plancheck.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import plancheck.domain.Commitment;
import plancheck.ingest.CommitmentCandidate;
import plancheck.ingest.ImportReport;
import plancheck.ingest.ReportImporter;
import plancheck.ingest.Skipped;
import plancheck.ingest.Span;

/**
 * Reads a 台账 table into commitment candidates: finds the header row by the column names of {@code
 * data/ledger.json} (and their variants), reads each row's task with the report importer — as one line of a plan
 * section of the given year — and takes 类别, 责任单位, 牵头领导, 完成时限 and a numeric 目标 from their columns where
 * given. 完成进度, 序时进度, 完成状态 and 说明 are the rules' to decide and are not read. A row that cannot be read is
 * a row error and proposes nothing.
 */
public final class LedgerReader {

    /** The text every span points into, the candidates, how many rows were read, and the rows refused. */
    public record Parsed(String text, ImportReport report, int rows, List<RowError> errors) {
    }

    private final Layout layout;
    private final ReportImporter importer;

    public LedgerReader(Layout layout, ReportImporter importer) {
        this.layout = layout;
        this.importer = importer;
    }

    public Parsed read(Table table, String district, int year, String document) {
        int at = headerLine(table);
        Map<Column, Integer> columns = columns(table.lines().get(at));
        if (!columns.containsKey(Column.TASK)) {
            throw new LedgerFileException(422, "no-header", "no header row names the task column",
                    List.of(new RowError(table.sheet(), table.lines().get(0).number(), null, "no column headed "
                            + String.join("/", layout.names(Column.TASK)))));
        }
        StringBuilder text = new StringBuilder();
        List<CommitmentCandidate> candidates = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int rows = 0;
        for (Table.Line line : table.lines().subList(at + 1, table.lines().size())) {
            rows++;
            String section = year + "年工作计划\n";
            String task = text(line.cell(columns.get(Column.TASK)));
            int offset = text.length() + section.length();
            List<RowError> rowErrors = new ArrayList<>();
            LocalDate deadline = deadline(table.sheet(), line, columns, rowErrors);
            if (task == null) {
                rowErrors.add(error(table.sheet(), line, Column.TASK, "empty: every row needs its task"));
            }
            if (rowErrors.isEmpty()) {
                String piece = section + task + "\n";
                ImportReport one = importer.importText(piece, district, document);
                if (one.commitments().isEmpty()) {
                    rowErrors.add(error(table.sheet(), line, Column.TASK, one.skipped().isEmpty()
                            ? "not read as a checkable commitment" : one.skipped().get(0).reason()));
                }
                for (CommitmentCandidate c : one.commitments()) {
                    candidates.add(new CommitmentCandidate(fromColumns(c.commitment(), line, columns, deadline),
                            c.project(), c.confidence(), shift(c.span(), text.length()), c.quote(), notes(c, line)));
                }
                text.append(piece);
            }
            for (RowError e : rowErrors) {
                skipped.add(new Skipped(new Span(offset, offset), task == null ? "" : task, e.sheet() + " row "
                        + e.row() + " " + e.column() + ": " + e.reason()));
            }
            errors.addAll(rowErrors);
        }
        return new Parsed(text.toString(), new ImportReport(year, null, null, null, candidates, List.of(), skipped),
                rows, errors);
    }

    /** The first line that names the task column; else the first line. */
    private int headerLine(Table table) {
        List<Table.Line> lines = table.lines();
        for (int i = 0; i < Math.min(lines.size(), 10); i++) {
            if (columns(lines.get(i)).containsKey(Column.TASK)) {
                return i;
            }
        }
        return 0;
    }

    private Map<Column, Integer> columns(Table.Line header) {
        Map<Column, Integer> out = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String name = text(header.cell(i));
            if (name == null) {
                continue;
            }
            String bare = name.replaceAll("[\\s\\u3000]", "");
            for (Column c : Column.values()) {
                if (!out.containsKey(c) && layout.names(c).contains(bare)) {
                    out.put(c, i);
                }
            }
        }
        return out;
    }

    private Commitment fromColumns(Commitment k, Table.Line line, Map<Column, Integer> columns, LocalDate deadline) {
        String category = cell(line, columns, Column.CATEGORY, k.category());
        String owner = cell(line, columns, Column.OWNER, k.owner());
        String lead = cell(line, columns, Column.LEAD, k.lead());
        Double target = k.target();
        Object t = columns.containsKey(Column.TARGET) ? line.cell(columns.get(Column.TARGET)) : null;
        if (t instanceof Double number && Row.singleNumber(k.kind())) {
            target = number;
        }
        // the year's end is the default deadline: a 台账 writes it out, the commitment need not carry it
        LocalDate due = deadline == null || deadline.equals(LocalDate.of(k.year(), 12, 31)) ? k.deadline() : deadline;
        List<String> assumed = k.assumed().stream().filter(a -> !(a.equals("deadline") && deadline != null))
                .toList();
        return new Commitment(k.id(), k.district(), k.districtName(), k.year(), category, k.title(), k.kind(),
                k.metric(), k.unit(), target, k.targetMax(), k.baseline(), k.prior(), k.stage(), k.plannedStages(),
                k.start(), due, k.firmness(), owner, lead, k.source(), assumed, k.revision());
    }

    private LocalDate deadline(String sheet, Table.Line line, Map<Column, Integer> columns, List<RowError> errors) {
        Object v = columns.containsKey(Column.DEADLINE) ? line.cell(columns.get(Column.DEADLINE)) : null;
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        String s = text(v);
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            errors.add(error(sheet, line, Column.DEADLINE, "'" + s + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static String cell(Table.Line line, Map<Column, Integer> columns, Column c, String fallback) {
        String v = columns.containsKey(c) ? text(line.cell(columns.get(c))) : null;
        return v != null ? v.strip() : fallback;
    }

    private static List<String> notes(CommitmentCandidate c, Table.Line line) {
        List<String> notes = new ArrayList<>(c.notes());
        notes.add("台账 row " + line.number());
        return notes;
    }

    private RowError error(String sheet, Table.Line line, Column c, String reason) {
        return new RowError(sheet, line.number(), layout.header(c), reason);
    }

    private static Span shift(Span s, int by) {
        return s == null ? null : new Span(s.start() + by, s.end() + by);
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof Double d ? Row.number(d) : v.toString();
        return s.isBlank() ? null : s;
    }
}
