package plancheck.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.domain.Cadence;
import plancheck.domain.Commitment;
import plancheck.domain.Evidence;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.ingest.ResultCandidate;
import plancheck.ingest.RevisionCandidate;
import plancheck.ingest.RevisionCandidate.Change;
import plancheck.ingest.Span;

/**
 * Compares a 台账 row that names a stored commitment (its 系统编号) with that commitment: the fields a 台账 can edit
 * (类别, 任务内容, 目标 of a single-number target, 牵头领导, 责任单位, 完成时限, 报送频次) that differ make a revision; a
 * 最新进展 that differs from the latest result that counts makes a new result. Cells are compared as the export
 * writes them, so an unedited row is unchanged. Columns the file does not have are left as stored.
 */
final class LedgerChanges {

    /** What one row comes to: a revision, a result, both or neither, and the row's problems. */
    record Compared(RevisionCandidate revision, ResultCandidate result, List<Change> changes, List<RowError> errors) {
    }

    private static final Pattern DATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\s*[：:]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^[\\s]*([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern NOTE = Pattern.compile("（[^）]*）\\s*$");

    private final Layout layout;

    LedgerChanges(Layout layout) {
        this.layout = layout;
    }

    Compared compare(String sheet, Table.Line line, Map<Column, Integer> columns, Commitment c, List<Result> results,
            LocalDate today, int textAt) {
        List<RowError> errors = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        String category = text(line, columns, Column.CATEGORY, c.category(), c.category(), "category", changes);
        String title = text(line, columns, Column.TASK, c.title(), c.title(), "title", changes);
        String lead = text(line, columns, Column.LEAD, c.lead(), c.lead(), "lead", changes);
        String owner = text(line, columns, Column.OWNER, c.owner(), c.owner(), "owner", changes);
        Double target = target(sheet, line, columns, c, changes, errors);
        LocalDate deadline = deadline(sheet, line, columns, c, changes, errors);
        Cadence cadence = cadence(sheet, line, columns, c, changes, errors);
        if (title == null) {
            errors.add(error(sheet, line, Column.TASK, "empty: every row needs its task"));
        }
        ResultCandidate result = result(sheet, line, columns, c, results, today, textAt, changes, errors);
        if (!errors.isEmpty()) {
            return new Compared(null, null, List.of(), errors);
        }
        List<Change> revising = changes.stream().filter(ch -> !ch.field().equals("result")).toList();
        RevisionCandidate revision = revising.isEmpty() ? null : new RevisionCandidate(c.id(), c.revision(),
                new Commitment(c.id(), c.district(), c.districtName(), c.year(), category, title, c.kind(), c.metric(),
                        c.unit(), target, c.targetMax(), c.baseline(), c.prior(), c.stage(), c.plannedStages(),
                        c.start(), deadline, c.firmness(), owner, lead, c.source(), c.assumed(), c.revision(),
                        cadence), revising, sheet, line.number());
        return new Compared(revision, result, changes, errors);
    }

    /** A text column: its value (null when emptied), the stored one when the file has no such column. */
    private static String text(Table.Line line, Map<Column, Integer> columns, Column col, String stored,
            String shown, String field, List<Change> changes) {
        if (!columns.containsKey(col)) {
            return stored;
        }
        String v = LedgerReader.text(line.cell(columns.get(col)));
        v = v == null ? null : v.strip();
        if (!Objects.equals(v, shown)) {
            changes.add(new Change(field, shown, v));
            return v;
        }
        return stored;
    }

    private Double target(String sheet, Table.Line line, Map<Column, Integer> columns, Commitment c,
            List<Change> changes, List<RowError> errors) {
        if (!columns.containsKey(Column.TARGET)) {
            return c.target();
        }
        Object v = line.cell(columns.get(Column.TARGET));
        String shown = Row.targetText(c, layout);
        if (Row.singleNumber(c.kind())) {
            Double now = v instanceof Double d ? d : null;
            if (now == null && v != null) {
                String s = v.toString().strip();
                if (s.equals(shown)) {
                    return c.target();
                }
                Matcher m = NUMBER.matcher(s);
                if (!m.find()) {
                    errors.add(error(sheet, line, Column.TARGET, "'" + s + "' does not start with a number"));
                    return c.target();
                }
                now = Double.valueOf(m.group(1));
            }
            if (now == null) {
                errors.add(error(sheet, line, Column.TARGET, "empty: a " + c.kind() + " commitment needs its target"));
            } else if (!now.equals(c.target())) {
                changes.add(new Change("target", c.target() == null ? null : Row.number(c.target()),
                        Row.number(now)));
            }
            return now;
        }
        String s = LedgerReader.text(v);
        if (!Objects.equals(s == null ? null : s.strip(), shown)) {
            errors.add(error(sheet, line, Column.TARGET, "the target of a " + c.kind() + " commitment is changed"
                    + " with PUT /api/commitments/" + c.id() + ", not in the 台账"));
        }
        return c.target();
    }

    private LocalDate deadline(String sheet, Table.Line line, Map<Column, Integer> columns, Commitment c,
            List<Change> changes, List<RowError> errors) {
        if (!columns.containsKey(Column.DEADLINE)) {
            return c.deadline();
        }
        Object v = line.cell(columns.get(Column.DEADLINE));
        LocalDate now;
        if (v == null || v instanceof LocalDate) {
            now = (LocalDate) v;
        } else {
            try {
                now = LocalDate.parse(LedgerReader.text(v).strip());
            } catch (DateTimeParseException e) {
                errors.add(error(sheet, line, Column.DEADLINE, "'" + v + "' is not a date (YYYY-MM-DD)"));
                return c.deadline();
            }
        }
        if (Objects.equals(now, c.effectiveDeadline())) {
            return c.deadline();
        }
        changes.add(new Change("deadline", Objects.toString(c.effectiveDeadline(), null), Objects.toString(now, null)));
        return now;
    }

    private Cadence cadence(String sheet, Table.Line line, Map<Column, Integer> columns, Commitment c,
            List<Change> changes, List<RowError> errors) {
        if (!columns.containsKey(Column.CADENCE)) {
            return c.cadence();
        }
        String v = LedgerReader.text(line.cell(columns.get(Column.CADENCE)));
        Cadence now = null;
        if (v != null) {
            Optional<Cadence> named = layout.cadence(v);
            if (named.isEmpty()) {
                errors.add(error(sheet, line, Column.CADENCE, "'" + v + "' is no cadence: one of "
                        + List.of(Cadence.values()).stream().map(layout::cadenceWord).toList()));
                return c.cadence();
            }
            now = named.get();
        }
        if (now != c.cadence()) {
            changes.add(new Change("cadence", c.cadence() == null ? null : c.cadence().name(),
                    now == null ? null : now.name()));
        }
        return now;
    }

    /**
     * A 最新进展 that differs from the latest result that counts: "2025-09-30：150个" (or only "150": dated today)
     * proposes that figure as a new result.
     */
    private ResultCandidate result(String sheet, Table.Line line, Map<Column, Integer> columns, Commitment c,
            List<Result> results, LocalDate today, int textAt, List<Change> changes, List<RowError> errors) {
        String cell = columns.containsKey(Column.PROGRESS) ? LedgerReader.text(line.cell(columns.get(Column.PROGRESS)))
                : null;
        if (cell == null) {
            return null;
        }
        cell = cell.strip();
        Optional<Result> latest = Row.latest(c, results, today);
        String shown = latest.map(r -> Row.progress(c, r)).orElse(null);
        if (cell.equals(shown)) {
            return null;
        }
        Matcher dated = DATED.matcher(cell);
        LocalDate asOf = today;
        String what = cell;
        if (dated.matches()) {
            try {
                asOf = LocalDate.parse(dated.group(1));
            } catch (DateTimeParseException e) {
                errors.add(error(sheet, line, Column.PROGRESS, "'" + dated.group(1) + "' is not a date"));
                return null;
            }
            what = dated.group(2);
        }
        what = NOTE.matcher(what).replaceAll("").strip();
        if (asOf.isAfter(today)) {
            errors.add(error(sheet, line, Column.PROGRESS, asOf + " is after today (" + today + ")"));
            return null;
        }
        if (latest.isPresent() && asOf.isBefore(latest.get().asOf())) {
            errors.add(error(sheet, line, Column.PROGRESS, asOf + " is before the latest stored result ("
                    + latest.get().asOf() + "): report a correction with POST /api/commitments/" + c.id()
                    + "/results"));
            return null;
        }
        Result r = read(c, what, asOf);
        if (r == null) {
            errors.add(error(sheet, line, Column.PROGRESS, "'" + what + "' is not read as a result of a " + c.kind()
                    + " commitment (" + (c.kind() == Kind.MILESTONE ? "a stage: 开工, 竣工 …"
                    : c.kind() == Kind.BINARY ? "已完成 or 未完成" : "a number") + ")"));
            return null;
        }
        changes.add(new Change("result", shown, cell));
        return new ResultCandidate(r, c.district(), c.year(), null, c.unit(), null, 1.0, new Span(textAt, textAt),
                cell, List.of("台账 row " + line.number()));
    }

    private static Result read(Commitment c, String what, LocalDate asOf) {
        Evidence evidence = null;
        return switch (c.kind()) {
            case MILESTONE -> {
                for (Stage s : Stage.values()) {
                    if (s.label().equals(what) || s.words().contains(what)) {
                        yield new Result(null, c.id(), null, s, null, asOf, null, evidence, null, false);
                    }
                }
                yield null;
            }
            case BINARY -> what.equals("已完成") || what.equals("完成") ? new Result(null, c.id(), null, null, true,
                    asOf, null, evidence, null, false) : what.equals("未完成") ? new Result(null, c.id(), null, null,
                    false, asOf, null, evidence, null, false) : null;
            default -> {
                Matcher m = NUMBER.matcher(what);
                yield m.find() ? new Result(null, c.id(), Double.valueOf(m.group(1)), null, null, asOf, null,
                        evidence, null, false) : null;
            }
        };
    }

    private RowError error(String sheet, Table.Line line, Column c, String reason) {
        return new RowError(sheet, line.number(), layout.header(c), reason);
    }
}
