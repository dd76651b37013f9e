package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

import plancheck.dataset.DatasetLoader;
import plancheck.ledger.Column;
import plancheck.ledger.LedgerCsv;

/**
 * The 台账 edit round trip on the reference data set: export 凤凰街道's ledger, edit cells as a spreadsheet program
 * would, import it: the preview shows exactly the edits, accepting revises the commitments (with history) and
 * stores the new 最新进展 as a result for review; the same file imported again is all unchanged.
 */
@ExtendWith(VertxExtension.class)
class LedgerEditTest {

    private static final String EXPORT = "?district=fenghuang&year=2025";
    private static final String IMPORT = "/api/ledger/import?district=fenghuang&year=2025";

    @TempDir
    static Path data;
    static Harness h;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data, s -> DatasetLoader.loadIfEmpty(s, true, false));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void givenAnUneditedExportThenEveryRowImportsAsUnchanged() throws Exception {
        for (String[] f : List.of(new String[] {"/api/ledger.xlsx", LedgerRoutes.XLSX},
                new String[] {"/api/ledger.csv", "text/csv"})) {
            byte[] file = h.download(f[0] + EXPORT);
            JsonNode a = importOk(file, f[1]);
            int rows = a.get("rows").asInt();
            assertThat(rows).isGreaterThan(10);
            assertThat(a.get("counts").get("UNCHANGED").asInt()).as(a.toString()).isEqualTo(rows);
            assertThat(a.get("draft").get("commitments")).isEmpty();
            assertThat(a.get("draft").get("revisions")).isEmpty();
        }
    }

    @Test
    void givenATargetAndADeadlineEditedInTheWorkbookThenThePreviewShowsThemAndAcceptingRevisesTheCommitments()
            throws Exception {
        byte[] export = h.download("/api/ledger.xlsx" + EXPORT);
        List<List<Object>> sheet = readSheet(export);
        int id = sheet.get(0).indexOf("系统编号");
        int targetCol = Column.TARGET.ordinal();
        int deadlineCol = Column.DEADLINE.ordinal();
        int targetRow = firstRow(sheet, r -> r.get(targetCol) instanceof Double);
        int deadlineRow = firstRow(sheet, r -> r.get(deadlineCol) instanceof LocalDate && !(r.get(targetCol)
                instanceof Double));
        String targetId = (String) sheet.get(targetRow).get(id);
        String deadlineId = (String) sheet.get(deadlineRow).get(id);
        double oldTarget = (Double) sheet.get(targetRow).get(targetCol);
        LocalDate oldDeadline = (LocalDate) sheet.get(deadlineRow).get(deadlineCol);
        sheet.get(targetRow).set(targetCol, oldTarget + 50);
        sheet.get(deadlineRow).set(deadlineCol, LocalDate.of(2025, 11, 30));
        byte[] edited = writeSheet(sheet);

        JsonNode a = importOk(edited, LedgerRoutes.XLSX);
        assertThat(a.get("counts").get("REVISED").asInt()).isEqualTo(2);
        assertThat(a.get("counts").get("UNCHANGED").asInt()).isEqualTo(a.get("rows").asInt() - 2);
        assertThat(changes(a, targetId)).containsExactly("target: " + num(oldTarget) + " → " + num(oldTarget + 50));
        assertThat(changes(a, deadlineId)).containsExactly("deadline: " + oldDeadline + " → 2025-11-30");
        String importId = a.get("draft").get("id").asText();

        Harness.Answer accepted = h.call(POST, "/api/imports/" + importId + "/accept",
                "{\"revisions\": [\"v1\", \"v2\"], \"reason\": \"区督查室2025年6月调整\"}", "acceptImport");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().get("counts").get("REVISED").asInt()).isEqualTo(2);

        JsonNode c = h.call(GET, "/api/commitments/" + targetId, null, "getCommitment").json();
        assertThat(c.get("target").asDouble()).isEqualTo(oldTarget + 50);
        JsonNode revisions = h.call(GET, "/api/commitments/" + targetId + "/revisions", null, "listRevisions").json();
        JsonNode last = revisions.get("revisions").get(revisions.get("revisions").size() - 1);
        assertThat(last.get("reason").asText()).isEqualTo("区督查室2025年6月调整");
        assertThat(last.get("commitment").get("target").asDouble()).isEqualTo(oldTarget + 50);
        assertThat(h.call(GET, "/api/commitments/" + deadlineId, null, "getCommitment").json().get("deadline")
                .asText()).isEqualTo("2025-11-30");

        Harness.Answer again = h.call(POST, "/api/imports/" + importId + "/accept", "{\"revisions\": [\"v1\"]}",
                "acceptImport");
        assertThat(again.json().get("revisions").get(0).get("outcome").asText()).isEqualTo("ACCEPTED_BEFORE");

        JsonNode second = importOk(edited, LedgerRoutes.XLSX);
        assertThat(second.get("counts").get("UNCHANGED").asInt()).as(second.toString())
                .isEqualTo(second.get("rows").asInt());
    }

    @Test
    void givenATargetAndANewerProgressEditedInTheCsvThenARevisionAndAResultForReviewAreProposed() throws Exception {
        String text = new String(h.download("/api/ledger.csv" + EXPORT), StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text))) {
            rows.add(new ArrayList<>(r.toList()));
        }
        int id = rows.get(0).indexOf("系统编号");
        int target = Column.TARGET.ordinal();
        int progress = Column.PROGRESS.ordinal();
        // a numeric target written as words: 200个以上
        int row = -1;
        for (int i = 1; i < rows.size() && row < 0; i++) {
            if (rows.get(i).get(target).matches("[0-9]+\\D+") && !rows.get(i).get(id).isEmpty()) {
                row = i;
            }
        }
        String cid = rows.get(row).get(id);
        String old = rows.get(row).get(target);
        String number = old.replaceAll("\\D.*", "");
        String edited = (Integer.parseInt(number) + 1) + old.substring(number.length());
        rows.get(row).set(target, edited);
        rows.get(row).set(progress, "2025-06-30：7");
        StringWriter out = new StringWriter();
        out.write(LedgerCsv.BOM);
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        }
        JsonNode a = importOk(out.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(a.get("counts").get("REVISED").asInt()).as(a.toString()).isEqualTo(1);
        assertThat(changes(a, cid)).hasSize(2).contains("target: " + number + " → " + (Integer.parseInt(number) + 1))
                .anyMatch(ch -> ch.startsWith("result: ") && ch.endsWith("→ 2025-06-30：7"));
        JsonNode preview = row(a, cid);
        assertThat(preview.get("candidates").toString()).isEqualTo("[\"v1\",\"r1\"]");
        String importId = a.get("draft").get("id").asText();

        Harness.Answer accepted = h.call(POST, "/api/imports/" + importId + "/accept",
                "{\"revisions\": [\"v1\"], \"results\": [\"r1\"]}", "acceptImport");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        JsonNode revisions = h.call(GET, "/api/commitments/" + cid + "/revisions", null, "listRevisions").json()
                .get("revisions");
        assertThat(revisions.get(revisions.size() - 1).get("reason").asText()).isEqualTo("台账导入 " + importId);
        JsonNode results = h.call(GET, "/api/commitments/" + cid + "/results", null, "listResults").json();
        JsonNode newest = results.get(results.size() - 1);
        assertThat(newest.get("value").asDouble()).isEqualTo(7);
        assertThat(newest.get("review").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void givenARevisionWhoseCommitmentChangedSinceTheImportThenAcceptingRefusesItAndStoresNothing() throws Exception {
        byte[] export = h.download("/api/ledger.xlsx" + EXPORT);
        List<List<Object>> sheet = readSheet(export);
        int id = sheet.get(0).indexOf("系统编号");
        int owner = Column.OWNER.ordinal();
        int row = sheet.size() - 1;
        String cid = (String) sheet.get(row).get(id);
        sheet.get(row).set(owner, "党建办");
        JsonNode a = importOk(writeSheet(sheet), LedgerRoutes.XLSX);
        assertThat(changes(a, cid)).hasSize(1).allMatch(ch -> ch.startsWith("owner: ") && ch.endsWith("→ 党建办"));
        JsonNode current = h.call(GET, "/api/commitments/" + cid, null, "getCommitment").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) current).put("reason", "改由综合办牵头")
                .put("owner", "综合办").remove(List.of("revision", "assumed"));
        assertThat(h.call(io.vertx.core.http.HttpMethod.PUT, "/api/commitments/" + cid, current.toString(),
                "reviseCommitment").status()).isEqualTo(200);
        Harness.Answer refused = h.call(POST, "/api/imports/" + a.get("draft").get("id").asText() + "/accept",
                "{\"revisions\": [\"v1\"]}", "acceptImport");
        Harness.assertProblem(refused, 400, "revisions[0]");
        assertThat(h.call(GET, "/api/commitments/" + cid, null, "getCommitment").json().get("owner").asText())
                .isEqualTo("综合办");
    }

    private static JsonNode importOk(byte[] file, String type) throws Exception {
        Harness.Answer a = h.send(POST, IMPORT, file, type, "importLedger");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().get("errors")).as(a.text()).isEmpty();
        return a.json();
    }

    private static JsonNode row(JsonNode answer, String commitmentId) {
        for (JsonNode p : answer.get("preview")) {
            if (commitmentId.equals(p.path("commitmentId").asText())) {
                return p;
            }
        }
        throw new AssertionError("no preview row for " + commitmentId + ": " + answer);
    }

    private static List<String> changes(JsonNode answer, String commitmentId) {
        JsonNode p = row(answer, commitmentId);
        assertThat(p.get("outcome").asText()).isEqualTo("REVISED");
        List<String> out = new ArrayList<>();
        p.get("changes").forEach(c -> out.add(c.get("field").asText() + ": " + c.path("from").asText() + " → "
                + c.path("to").asText()));
        return out;
    }

    private static int firstRow(List<List<Object>> sheet, java.util.function.Predicate<List<Object>> which) {
        for (int i = 1; i < sheet.size(); i++) {
            if (which.test(sheet.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such row");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The first sheet's cells: text, numbers, dates (cells with a date format), null for empty. */
    private static List<List<Object>> readSheet(byte[] xlsx) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            wb.getFirstSheet().openStream().forEach(r -> {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < Column.values().length; c++) {
                    Cell cell = r.getCell(c);
                    Object v = null;
                    if (cell != null && cell.getType() == CellType.NUMBER) {
                        v = "yyyy-mm-dd".equals(cell.getDataFormatString()) ? cell.asDate().toLocalDate()
                                : cell.asNumber().doubleValue();
                    } else if (cell != null && cell.getType() != CellType.EMPTY) {
                        v = cell.getText();
                    }
                    cells.add(v);
                }
                out.add(cells);
            });
        }
        return out;
    }

    /** The cells as a spreadsheet program saves them: a new workbook, numbers as numbers, dates as dates. */
    private static byte[] writeSheet(List<List<Object>> sheet) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "LibreOffice", "1.0");
        Worksheet ws = wb.newWorksheet("台账");
        for (int r = 0; r < sheet.size(); r++) {
            for (int c = 0; c < sheet.get(r).size(); c++) {
                Object v = sheet.get(r).get(c);
                if (v instanceof Double d) {
                    ws.value(r, c, d);
                } else if (v instanceof LocalDate d) {
                    ws.value(r, c, d);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                } else if (v != null) {
                    ws.value(r, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
