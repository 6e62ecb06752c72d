package com.loyalty.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void theFileStartsWithAByteOrderMarkSoExcelReadsChinese() {
        String csv = CsvWriter.write(CsvTable.withHeader("门店", "新会员").row("徐汇店", 3));

        assertThat(csv).isEqualTo("\uFEFF门店,新会员\r\n徐汇店,3\r\n");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedPerRfc4180() {
        String csv = CsvWriter.write(CsvTable.withHeader("a", "b", "c", "d")
                .row("满200,减50", "他说\"好\"", "两\r\n行", "plain"));

        assertThat(csv).endsWith("\"满200,减50\",\"他说\"\"好\"\"\",\"两\r\n行\",plain\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        String csv = CsvWriter.write(CsvTable.withHeader("x").row("=HYPERLINK(\"http://evil\",\"点我\")")
                .row("+1+1").row("-2+3").row("@SUM(A1)").row("\tTAB").row("a=b"));

        assertThat(csv.split("\r\n")).containsExactly("\uFEFFx", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\"",
                "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTAB", "a=b");
    }

    @Test
    void numbersDatesAndEmptyCellsAreWrittenPlain() {
        String csv = CsvWriter.write(CsvTable.withHeader("n", "neg", "rate", "money", "day", "none", "kind")
                .row(12L, -5, 2.0 / 3, new BigDecimal("12.30"), LocalDate.of(2026, 11, 23), null, ReportKind.SALES));

        assertThat(csv).endsWith("12,-5,0.6667,12.30,2026-11-23,,SALES\r\n");
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> CsvTable.withHeader("a", "b").row(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
