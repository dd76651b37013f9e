package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    void numbersShowUpToTwoDecimalsWithoutTrailingZeros() {
        assertThat(Explanations.num(200)).isEqualTo("200");
        assertThat(Explanations.num(9.5)).isEqualTo("9.5");
        assertThat(Explanations.num(83.3333)).isEqualTo("83.33");
        assertThat(Explanations.num(0.05)).isEqualTo("0.05");
        assertThat(Explanations.num(2.999)).isEqualTo("3");
        assertThat(Explanations.num(-1.25)).isEqualTo("-1.25");
        assertThat(Explanations.num(-0.001)).isEqualTo("0");
        assertThat(Explanations.num(1480)).isEqualTo("1480");
        assertThat(Explanations.pct(0.925)).isEqualTo("92.5%");
    }
}
