package plancheck.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import plancheck.domain.Cadence;
import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.ingest.CommitmentCandidate;
import plancheck.ingest.ImportReport;
import plancheck.ingest.ReportImporter;
import plancheck.ingest.ResultCandidate;
import plancheck.ingest.RevisionCandidate;
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

    /** The text every span points into, the candidates, how many rows were read, the rows refused, each row. */
    public record Parsed(String text, ImportReport report, int rows, List<RowError> errors, List<Preview> preview) {
    }

    /** What a row comes to. */
    public enum Outcome {
        /** a commitment not stored yet: proposed as a new one */
        NEW,
        /** a stored commitment (by its 系统编号) the row repeats as it stands */
        UNCHANGED,
        /** a stored commitment the row changes: a revision, a new result, or both */
        REVISED,
        /** the row cannot be read; nothing is proposed for it */
        ERROR
    }

    /**
     * One row of the preview: its outcome, the stored commitment it names, the candidates it proposes ({@code c1}
     * new, {@code v1} a revision, {@code r1} a result) and each change (field: as stored → as the row has it).
     */
    public record Preview(String sheet, int row, Outcome outcome, String commitmentId, List<String> candidates,
            List<RevisionCandidate.Change> changes, List<String> reasons) {
    }

    /** A stored commitment a row may name by its id, with its results. */
    public record Known(Commitment commitment, List<Result> results) {
    }

    private final Layout layout;
    private final ReportImporter importer;
    private final LedgerChanges changes;

    public LedgerReader(Layout layout, ReportImporter importer) {
        this.layout = layout;
        this.importer = importer;
        this.changes = new LedgerChanges(layout);
    }

    public Parsed read(Table table, String district, int year, String document) {
        return read(table, district, year, document, id -> Optional.empty(), null);
    }

    /**
     * As {@link #read(Table, String, int, String)}; a row whose 系统编号 {@code known} finds is compared with that
     * commitment instead of being read as a new one ({@code today}: the date of a 最新进展 without one).
     */
    public Parsed read(Table table, String district, int year, String document,
            Function<String, Optional<Known>> known, LocalDate today) {
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
        List<RevisionCandidate> revisions = new ArrayList<>();
        List<ResultCandidate> results = new ArrayList<>();
        List<Preview> preview = new ArrayList<>();
        int rows = 0;
        for (Table.Line line : table.lines().subList(at + 1, table.lines().size())) {
            rows++;
            String id = columns.containsKey(Column.ID) ? text(line.cell(columns.get(Column.ID))) : null;
            Optional<Known> stored = id == null ? Optional.empty() : known.apply(id.strip());
            if (stored.isPresent()) {
                LedgerChanges.Compared cmp = changes.compare(table.sheet(), line, columns,
                        stored.get().commitment(), stored.get().results(), today, text.length());
                errors.addAll(cmp.errors());
                preview.add(compared(table.sheet(), line, stored.get().commitment().id(), cmp, revisions, results));
                continue;
            }
            String section = year + "年工作计划\n";
            String task = text(line.cell(columns.get(Column.TASK)));
            int offset = text.length() + section.length();
            List<RowError> rowErrors = new ArrayList<>();
            int before = candidates.size();
            LocalDate deadline = deadline(table.sheet(), line, columns, rowErrors);
            Cadence cadence = cadence(table.sheet(), line, columns, rowErrors);
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
                    candidates.add(new CommitmentCandidate(fromColumns(c.commitment(), line, columns, deadline, cadence),
                            c.project(), c.confidence(), shift(c.span(), text.length()), c.quote(), notes(c, line)));
                }
                text.append(piece);
            }
            preview.add(rowErrors.isEmpty()
                    ? new Preview(table.sheet(), line.number(), Outcome.NEW, null, newIds(candidates, before),
                            List.of(), List.of())
                    : new Preview(table.sheet(), line.number(), Outcome.ERROR, null, List.of(), List.of(),
                            rowErrors.stream().map(RowError::reason).toList()));
            for (RowError e : rowErrors) {
                skipped.add(new Skipped(new Span(offset, offset), task == null ? "" : task, e.sheet() + " row "
                        + e.row() + " " + e.column() + ": " + e.reason()));
            }
            errors.addAll(rowErrors);
        }
        return new Parsed(text.toString(), new ImportReport(year, null, null, null, candidates, results, skipped,
                revisions), rows, errors, preview);
    }

    private static Preview compared(String sheet, Table.Line line, String id, LedgerChanges.Compared cmp,
            List<RevisionCandidate> revisions, List<ResultCandidate> results) {
        if (!cmp.errors().isEmpty()) {
            return new Preview(sheet, line.number(), Outcome.ERROR, id, List.of(), List.of(),
                    cmp.errors().stream().map(RowError::reason).toList());
        }
        List<String> ids = new ArrayList<>();
        if (cmp.revision() != null) {
            revisions.add(cmp.revision());
            ids.add("v" + revisions.size());
        }
        if (cmp.result() != null) {
            results.add(cmp.result());
            ids.add("r" + results.size());
        }
        return new Preview(sheet, line.number(), ids.isEmpty() ? Outcome.UNCHANGED : Outcome.REVISED, id, ids,
                cmp.changes(), List.of());
    }

    private static List<String> newIds(List<CommitmentCandidate> candidates, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < candidates.size(); i++) {
            out.add("c" + (i + 1));
        }
        return out;
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

    private Cadence cadence(String sheet, Table.Line line, Map<Column, Integer> columns, List<RowError> errors) {
        String v = columns.containsKey(Column.CADENCE) ? text(line.cell(columns.get(Column.CADENCE))) : null;
        if (v == null) {
            return null;
        }
        Optional<Cadence> c = layout.cadence(v);
        if (c.isEmpty()) {
            errors.add(error(sheet, line, Column.CADENCE, "'" + v + "' is no cadence: one of "
                    + java.util.Arrays.stream(Cadence.values()).map(layout::cadenceWord).toList()));
        }
        return c.orElse(null);
    }

    private Commitment fromColumns(Commitment k, Table.Line line, Map<Column, Integer> columns, LocalDate deadline,
            Cadence cadence) {
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
                k.start(), due, k.firmness(), owner, lead, k.source(), assumed, k.revision(), cadence);
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

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof Double d ? Row.number(d) : v.toString();
        return s.isBlank() ? null : s;
    }
}
