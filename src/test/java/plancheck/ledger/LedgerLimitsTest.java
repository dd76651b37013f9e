package plancheck.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The import limits of {@code data/ledger.json} as shipped (the HTTP tests run with small ones): a 台账 of a
 * million rows is refused once the row limit is passed, without reading the rest, and fits the upload limit, so
 * the refusal is the row count's and says so.
 */
class LedgerLimitsTest {

    @Test
    void givenAMillionRowCsvThenItIsRefusedAsTooManyRowsUnderTheShippedLimits() {
        Table.Limits limits = Layout.load().importLimits();
        StringBuilder csv = new StringBuilder("序号,任务内容\n");
        for (int i = 1; i <= 1_000_000; i++) {
            csv.append(i).append(",新增托位").append(i).append("个以上\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat((long) body.length).isLessThan(limits.maxBodyBytes());
        LedgerFileException e = catchThrowableOfType(LedgerFileException.class, () -> CsvTable.read(body, limits));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.slug()).isEqualTo("too-many-rows");
        assertThat(e.errors().get(0).row()).isEqualTo(limits.maxRows() + 2);
    }

    @Test
    void givenTheShippedLimitsThenAHundredThousandRowsAreTakenAndTheUploadLimitIsApartFromTheJsonOne() {
        Table.Limits limits = Layout.load().importLimits();
        assertThat(limits.maxRows()).isEqualTo(100_000);
        assertThat(limits.maxBodyBytes()).isGreaterThan(plancheck.Config.defaults().maxBodyBytes());
    }
}
