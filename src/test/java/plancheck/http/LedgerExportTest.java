package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;

/** The 台账 export: headers, typed cells, status fills, frozen header, autofilter, the 通报 sheet, CSV, filters. */
@ExtendWith(VertxExtension.class)
class LedgerExportTest {

    static final List<String> HEADERS = List.of("序号", "类别", "任务内容", "目标", "牵头领导", "责任单位", "完成时限",
            "最新进展", "完成进度", "序时进度", "完成状态", "说明", "来源", "报送频次", "系统编号");

    private static final String CHILDCARE = """
            {"id": "a-childcare", "district": "fenghuang", "year": 2025, "category": "民生", "title": "新增托位200个以上",
             "kind": "AT_LEAST", "metric": "childcare_places", "unit": "个", "target": 200, "owner": "社会事务办",
             "lead": "张三", "source": {"document": "003", "section": "二、2025年工作计划", "quote": "新增托位200个以上"}}
            """;
    private static final String TOWER = """
            {"id": "b-tower", "district": "huaqiangbei", "year": 2025, "category": "经济", "title": "科达利总部大厦开工建设",
             "kind": "MILESTONE", "stage": "STARTED", "deadline": "2025-09-30", "owner": "经济服务办"}
            """;
    private static final String VOLUNTEERS = """
            {"id": "c-volunteers", "district": "fenghuang", "year": 2025, "category": "民生", "title": "成立街道志愿者联合会",
             "kind": "BINARY", "deadline": "2025-03-31", "owner": "社会事务办"}
            """;

    @TempDir
    static Path data;
    static Harness h;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        for (String c : List.of(CHILDCARE, TOWER, VOLUNTEERS)) {
            assertThat(h.call(POST, "/api/commitments", c, "createCommitment").status()).isEqualTo(201);
        }
        assertThat(h.call(POST, "/api/commitments/a-childcare/results", """
                {"value": 120, "asOf": "2025-06-15", "note": "made-up figure", "sample": true}""", "reportResult")
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void givenCommitmentsWhenTheLedgerIsExportedThenEachIsARowUnderTheOfficeHeadersWithTypedCells() throws Exception {
        byte[] xlsx = get("/api/ledger.xlsx", LedgerRoutes.XLSX);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            List<Row> rows = wb.findSheet("台账").orElseThrow().read();
            assertThat(rows.get(0).stream().map(c -> c.getText()).toList()).isEqualTo(HEADERS);
            assertThat(rows).hasSize(4);
            Row childcare = rows.get(1);
            assertThat(childcare.getCellAsNumber(0)).contains(BigDecimal.ONE);
            assertThat(childcare.getCellText(2)).isEqualTo("新增托位200个以上");
            assertThat(childcare.getCell(3).getType()).isEqualTo(CellType.NUMBER);
            assertThat(childcare.getCell(3).asNumber()).isEqualByComparingTo("200");
            assertThat(childcare.getCell(3).getDataFormatString()).isEqualTo("General\\个\\以\\上");
            assertThat(childcare.getCellText(4)).isEqualTo("张三");
            assertThat(childcare.getCellText(5)).isEqualTo("社会事务办");
            assertThat(childcare.getCellAsDate(6)).contains(LocalDateTime.of(2025, 12, 31, 0, 0));
            assertThat(childcare.getCell(6).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(childcare.getCellText(7)).isEqualTo("2025-06-15：120个（made-up figure）");
            assertThat(childcare.getCell(8).asNumber()).isEqualByComparingTo("0.6");
            assertThat(childcare.getCell(8).getDataFormatString()).isEqualTo("0.0%");
            assertThat(childcare.getCell(9).getType()).isEqualTo(CellType.NUMBER);
            assertThat(childcare.getCellText(10)).isEqualTo("序时推进");
            assertThat(childcare.getCellText(11)).startsWith("序时推进：");
            assertThat(childcare.getCellText(12)).isEqualTo("003 · 二、2025年工作计划");
            assertThat(rows.get(2).getCellText(3)).isEqualTo("开工");
            assertThat(rows.get(2).getCellText(10)).isEqualTo("未报送");
            assertThat(rows.get(3).getCellText(3)).isEqualTo("完成");
            assertThat(rows.get(3).getCellText(10)).isEqualTo("未报送");
        }
    }

    @Test
    void givenTheWorkbookThenItsHeaderIsFrozenFilterableAndStatusCellsAreFilledByStatus() throws Exception {
        Map<String, String> parts = unzip(get("/api/ledger.xlsx", LedgerRoutes.XLSX));
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("state=\"frozen\"").contains("ySplit=\"1\"").contains("<autoFilter ref=\"A1:O4\"");
        // 序时推进 and 未报送 fills (data/ledger.json)
        assertThat(parts.get("xl/styles.xml")).contains("FFBDD7EE", "FFD9D9D9");
    }

    @Test
    void givenTheWorkbookThenThe通报SheetCountsByStatusCategoryAndOwnerWithTheRatesAsFormulas() throws Exception {
        byte[] xlsx = get("/api/ledger.xlsx", LedgerRoutes.XLSX);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.findSheet("通报").orElseThrow().read();
            Row header = rows.stream().filter(r -> "分组".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(header.getCellText(2)).isEqualTo("超额完成");
            assertThat(header.getCellText(10)).isEqualTo("合计");
            Row all = rows.stream().filter(r -> "全部".equals(r.getCellText(0))).findFirst().orElseThrow();
            int n = all.getRowNum();
            assertThat(all.getCell(5).asNumber()).isEqualByComparingTo("1"); // ON_TRACK
            assertThat(all.getCell(8).asNumber()).isEqualByComparingTo("2"); // NO_DATA
            assertThat(all.getCell(10).getFormula()).isEqualTo("SUM(C" + n + ":J" + n + ")");
            assertThat(all.getCell(11).getFormula()).isEqualTo("IF((K%1$d-J%1$d)=0,\"\",(C%1$d+D%1$d)/(K%1$d-J%1$d))"
                    .formatted(n));
            assertThat(all.getCell(12).getFormula()).contains("C" + n + "+D" + n + "+E" + n + "+F" + n);
            assertThat(rows.stream().filter(r -> "按类别".equals(r.getCellText(0))).map(r -> r.getCellText(1)))
                    .containsExactly("民生", "经济");
            assertThat(rows.stream().filter(r -> "按责任单位".equals(r.getCellText(0))).map(r -> r.getCellText(1)))
                    .containsExactly("社会事务办", "经济服务办");
        }
    }

    @Test
    void givenADistrictAndADateThenTheCsvHoldsTheSubtreeAsItStoodThen() throws Exception {
        byte[] csv = get("/api/ledger.csv?district=guangming&district=guanhu&asOf=2025-03-01", "text/csv");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF序号,类别,任务内容,目标,");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("任务内容")).isEqualTo("新增托位200个以上");
        assertThat(records.get(0).get("目标")).isEqualTo("200个以上");
        assertThat(records.get(0).get("完成时限")).isEqualTo("2025-12-31");
        assertThat(records.get(0).get("最新进展")).isEmpty();
        assertThat(records.get(0).get("完成状态")).isEqualTo("未报送");
        assertThat(records.get(1).get("任务内容")).isEqualTo("成立街道志愿者联合会");
    }

    @Test
    void givenABadQueryThenTheExportIsAProblemNamingTheParameter() throws Exception {
        assertProblem(h.call(GET, "/api/ledger.xlsx?asOf=2025-13-01", null, "exportLedgerXlsx"), 400, "asOf");
        assertProblem(h.call(GET, "/api/ledger.csv?status=DONE", null, "exportLedgerCsv"), 400, "status");
        assertProblem(h.call(GET, "/api/ledger.csv?page=2", null, "exportLedgerCsv"), 400, "page");
    }

    private static byte[] get(String uri, String type) throws Exception {
        HttpResponse<Buffer> r = Harness.await(h.client.get(uri).putHeader("Authorization", "Bearer " + h.adminToken)
                .send());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith(type);
        assertThat(r.getHeader("content-disposition")).startsWith("attachment;");
        return r.body().getBytes();
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        return unzip(data, zip);
    }

    static Map<String, String> unzip(Path data, byte[] zip) throws IOException {
        // the writer streams its entries with data descriptors, which ZipInputStream cannot size: read a file
        Path file = java.nio.file.Files.createTempFile(data, "ledger", ".xlsx");
        java.nio.file.Files.write(file, zip);
        Map<String, String> parts = new HashMap<>();
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                parts.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
