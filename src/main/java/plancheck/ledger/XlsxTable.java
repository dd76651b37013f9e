package plancheck.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an .xlsx 台账 into a {@link Table}. Before any XML is parsed the zip is checked: every
 * entry is inflated once with a cap on the total and on the ratio to its compressed size, so a zip bomb is refused
 * after reading at most the cap. Error cells (#DIV/0!, #REF!) and merged cells in the header row refuse the file.
 */
public final class XlsxTable {

    private static final Pattern MERGE = Pattern.compile("<mergeCell\\s+ref=\"([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?\"");
    private static final Pattern ERROR_VALUE = Pattern.compile(
            "#(?:DIV/0!|N/A|NAME\\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)");
    private static final String FIRST_SHEET = "xl/worksheets/sheet1.xml";
    /** entries smaller than this may compress as well as they like (an empty sheet's XML does) */
    private static final long RATIO_FROM = 1 << 20;

    private XlsxTable() {
    }

    public static Table read(byte[] body, Table.Limits limits) {
        if (!ReadableWorkbook.isOOXMLZipHeader(body)) {
            throw new LedgerFileException(400, "not-xlsx", "the body is not an .xlsx workbook (not a zip file)",
                    List.of(new RowError(null, 0, null, ReadableWorkbook.isOLE2Header(body)
                            ? "an old .xls workbook: save it as .xlsx" : "not an .xlsx file")));
        }
        Path file = null;
        try {
            file = Files.createTempFile("plancheck-ledger", ".xlsx");
            Files.write(file, body);
            String firstSheet = check(file, limits);
            return sheet(file, firstSheet, limits);
        } catch (IOException e) {
            throw new LedgerFileException(400, "bad-xlsx", "the workbook cannot be read",
                    List.of(new RowError(null, 0, null, String.valueOf(e.getMessage()))));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the system
                }
            }
        }
    }

    /** Inflates every entry with the caps; returns the XML of the first sheet (for its merged cells). */
    private static String check(Path file, Table.Limits limits) throws IOException {
        long total = 0;
        String first = null;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                long size = 0;
                byte[] buffer = new byte[64 * 1024];
                StringBuilder xml = FIRST_SHEET.equals(e.getName()) ? new StringBuilder() : null;
                try (InputStream in = zip.getInputStream(e)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        size += n;
                        total += n;
                        long packed = Math.max(1, e.getCompressedSize());
                        if (total > limits.maxUnzippedBytes() || size > RATIO_FROM && size / packed > limits.maxRatio()) {
                            throw new LedgerFileException(413, "zip-bomb", "the workbook unpacks to more than its"
                                    + " limit", List.of(new RowError(null, 0, null, e.getName() + " unpacks beyond "
                                    + (total > limits.maxUnzippedBytes() ? limits.maxUnzippedBytes() + " bytes"
                                    : limits.maxRatio() + " times its packed size"))));
                        }
                        if (xml != null) {
                            xml.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        }
                    }
                }
                if (xml != null) {
                    first = new String(xml.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                }
            }
        } catch (ZipException e) {
            throw new LedgerFileException(400, "bad-xlsx", "the workbook is a broken zip file",
                    List.of(new RowError(null, 0, null, String.valueOf(e.getMessage()))));
        }
        return first == null ? "" : first;
    }

    private static Table sheet(Path file, String sheetXml, Table.Limits limits) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = wb.getFirstSheet();
            String name = sheet.getName();
            List<Table.Line> lines = new ArrayList<>();
            try (Stream<Row> rows = sheet.openStream()) {
                for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                    Row row = it.next();
                    List<Object> cells = cells(name, row);
                    if (cells.stream().anyMatch(c -> c != null)) {
                        if (lines.size() > limits.maxRows()) {
                            throw CsvTable.tooMany(name, limits);
                        }
                        lines.add(new Table.Line(row.getRowNum(), cells));
                    }
                }
            }
            if (lines.isEmpty()) {
                throw new LedgerFileException(422, "empty-sheet", "the first sheet is empty",
                        List.of(new RowError(name, 0, null, "no rows: the first sheet must hold the 台账")));
            }
            mergedHeader(name, sheetXml, lines.get(0).number());
            return new Table(name, lines);
        } catch (UncheckedIOException | IllegalStateException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw new LedgerFileException(400, "bad-xlsx", "the workbook cannot be read",
                    List.of(new RowError(null, 0, null, String.valueOf(e.getMessage()))));
        }
    }

    private static List<Object> cells(String sheet, Row row) {
        List<Object> out = new ArrayList<>();
        for (Cell c : row) {
            if (c == null) {
                out.add(null);
                continue;
            }
            while (out.size() < c.getColumnIndex()) {
                out.add(null);
            }
            out.add(value(sheet, row.getRowNum(), c));
        }
        return out;
    }

    private static Object value(String sheet, int row, Cell c) {
        CellType type = c.getType();
        // a formula's cached value may be an error too (t="e" beside <f>)
        if (type == CellType.ERROR || type == CellType.FORMULA && c.getRawValue() != null
                && ERROR_VALUE.matcher(c.getRawValue()).matches()) {
            throw new LedgerFileException(422, "formula-error", "a cell holds a formula error",
                    List.of(new RowError(sheet, row, c.getAddress().toString(), "formula error " + c.getRawValue()
                            + ": fix or remove the formula")));
        }
        return switch (type) {
            case NUMBER -> isDate(c.getDataFormatString()) ? c.asDate().toLocalDate() : c.asNumber().doubleValue();
            case STRING, FORMULA -> blankToNull(c.getText());
            case BOOLEAN -> c.asBoolean().toString();
            default -> null;
        };
    }

    /** A number format that shows a date: y, m with d, or d, outside quoted or escaped text. */
    static boolean isDate(String format) {
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]", "").toLowerCase();
        return !bare.equals("general") && (bare.contains("y") || bare.contains("d"));
    }

    private static void mergedHeader(String sheet, String xml, int headerRow) {
        Matcher m = MERGE.matcher(xml);
        while (m.find()) {
            int from = Integer.parseInt(m.group(2));
            int to = m.group(4) == null ? from : Integer.parseInt(m.group(4));
            if (from <= headerRow && headerRow <= to) {
                String ref = m.group(1) + m.group(2) + (m.group(3) == null ? "" : ":" + m.group(3) + m.group(4));
                throw new LedgerFileException(422, "merged-header", "the header row has merged cells",
                        List.of(new RowError(sheet, headerRow, ref, "merged cells in the header: give each"
                                + " column its own header in one row")));
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
