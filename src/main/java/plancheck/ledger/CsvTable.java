package plancheck.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV 台账 (RFC 4180, strict UTF-8, byte order mark allowed) into a {@link Table}; every cell is text. */
public final class CsvTable {

    public static final String SHEET = "csv";

    private CsvTable() {
    }

    public static Table read(byte[] body, Table.Limits limits) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new LedgerFileException(400, "not-utf8", "the CSV is not UTF-8 text",
                    List.of(new RowError(SHEET, 0, null, "not UTF-8: save the file as CSV UTF-8")));
        }
        if (text.startsWith(LedgerCsv.BOM)) {
            text = text.substring(1);
        }
        List<Table.Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<Object> cells = new ArrayList<>(record.size());
                boolean any = false;
                for (String v : record) {
                    String cell = v == null || v.isBlank() ? null : v;
                    any |= cell != null;
                    cells.add(cell);
                }
                if (any) {
                    if (lines.size() > limits.maxRows()) {
                        throw tooMany(SHEET, limits);
                    }
                    lines.add(new Table.Line((int) record.getRecordNumber(), cells));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LedgerFileException(400, "bad-csv", "the CSV cannot be read",
                    List.of(new RowError(SHEET, 0, null, String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(SHEET, lines);
    }

    /** More rows than the limit: the header and {@code maxRows} rows of commitments are read. */
    static LedgerFileException tooMany(String sheet, Table.Limits limits) {
        return new LedgerFileException(413, "too-many-rows", "the 台账 has more than " + limits.maxRows()
                + " rows", List.of(new RowError(sheet, limits.maxRows() + 2, null, "more than " + limits.maxRows()
                + " rows: split the file")));
    }
}
