package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import plancheck.domain.Kind;

class TextReadingTest {

    @Test
    void givenPdfTextThenNormalisingJoinsLinesDropsPageNumbersAndKeepsOriginalOffsets() {
        String pdf = "三、2022 年工作思路\n\n推动新增托位 200\n\n- 15 -\n\n个以上，完成３个项目。";

        NormalizedText n = NormalizedText.of(pdf);

        assertThat(n.text()).contains("推动新增托位200个以上，完成3个项目。").doesNotContain("15");
        int at = n.text().indexOf("200");
        assertThat(pdf.substring(n.originalOffset(at), n.originalOffset(at) + 3)).isEqualTo("200");
        int full = n.text().indexOf("3个");
        assertThat(pdf.charAt(n.originalOffset(full))).isEqualTo('３');
    }

    @Test
    void givenHeadingsThenThePlanAndSummarySectionsAndTheirYearsAreFound() {
        String text = "华强北街道 2021 年工作总结及 2022 年\n工作计划\n一、2021 年工作完成情况\n新增托位287个。\n"
                + "二、存在问题\n问题。\n三、2022 年工作思路\n新增托位200个以上。";

        SectionFinder.Sections s = SectionFinder.find(text);

        assertThat(s.plan()).hasValueSatisfying(p -> {
            assertThat(p.year()).isEqualTo(2022);
            assertThat(text.substring(p.start(), p.end())).isEqualTo("新增托位200个以上。");
        });
        assertThat(s.summary()).hasValueSatisfying(p -> {
            assertThat(p.year()).isEqualTo(2021);
            assertThat(text.substring(p.start(), p.end())).isEqualTo("新增托位287个。\n");
        });
    }

    @Test
    void givenADocumentTitledAsAPlanOverEnumeratedItemsThenAllItemsAreThePlan() {
        String text = "2025年区十大民生实事项目\n一、教育提质。新增学位5400个。\n二、托育服务。新增托位800个。";

        SectionFinder.Sections s = SectionFinder.find(text);

        assertThat(s.plan()).hasValueSatisfying(p -> {
            assertThat(p.year()).isEqualTo(2025);
            assertThat(text.substring(p.start(), p.end())).startsWith("一、教育提质").endsWith("新增托位800个。");
        });
    }

    @Test
    void givenClausesThenCommasInsideQuotesDoNotSplitThem() {
        assertThat(ClauseSplitter.split("实现“民有所呼，我有所应”，新增托位200个。", 0, 23)).extracting(Clause::text)
                .containsExactly("实现“民有所呼，我有所应”", "新增托位200个");
    }

    @Test
    void givenChineseNumeralsThenTheirValuesAreRead() {
        assertThat(ChineseNumber.parse("两")).isEqualTo(2.0);
        assertThat(ChineseNumber.parse("十二")).isEqualTo(12.0);
        assertThat(ChineseNumber.parse("三百五十")).isEqualTo(350.0);
        assertThat(ChineseNumber.parse("一千零八十")).isEqualTo(1080.0);
        assertThat(ChineseNumber.parse("两万")).isEqualTo(20_000.0);
        assertThat(ChineseNumber.parse("三亿")).isEqualTo(300_000_000.0);
        assertThat(ChineseNumber.parse("二三")).isNull();
    }

    @Test
    void givenQuantitiesThenValueUnitAndQualifierAreRead() {
        Quantity wan = QuantityParser.parse("新增就业1.2万人").get(0).quantity();
        assertThat(wan.value()).isEqualTo(12_000.0);
        assertThat(wan.unit()).isEqualTo("人");
        Quantity area = QuantityParser.parse("拆除消化违建16.67万平方米").get(0).quantity();
        assertThat(area.value()).isEqualTo(16.67);
        assertThat(area.unit()).isEqualTo("万平方米");
        Quantity three = QuantityParser.parse("响应率、办结率、满意率达到三个100%").get(0).quantity();
        assertThat(three.count()).isEqualTo(3);
        assertThat(three.value()).isEqualTo(100.0);
        Quantity down = QuantityParser.parse("刑事治安警情同比下降10%").get(0).quantity();
        assertThat(down.value()).isEqualTo(-10.0);
        assertThat(down.bound()).isEqualTo(Kind.AT_MOST);
        assertThat(QuantityParser.parse("力争2023年新增企业50家以上").get(0).quantity().bound()).isEqualTo(Kind.AT_LEAST);
        assertThat(QuantityParser.parse("新增学位1,200个").get(0).quantity().value()).isEqualTo(1200.0);
        Quantity words = QuantityParser.parse("完成投资二十亿元").get(0).quantity();
        assertThat(words.value()).isEqualTo(20.0);
        assertThat(words.unit()).isEqualTo("亿元");
    }

    @Test
    void givenNumbersThatAreNoQuantitiesThenNoneIsAcceptedAndEachSaysWhy() {
        assertThat(QuantityParser.parse("2023年4月10日")).isEmpty();
        assertThat(QuantityParser.parse("推动3个月内完成")).isEmpty();
        assertThat(QuantityParser.parse("第4个网格")).allMatch(f -> f.rejected() != null);
        assertThat(QuantityParser.parse("坚持四个工作导向")).allMatch(f -> f.rejected() != null);
        assertThat(QuantityParser.parse("对标“五个首善”要求")).allMatch(f -> f.rejected() != null);
        assertThat(QuantityParser.parse("一个指挥中心")).allMatch(f -> f.rejected() != null);
    }
}
