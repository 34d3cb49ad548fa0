package dev.dbinternals.ch08.harness.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void hangulTakesTwoColumnsAndLatinOne() {
        assertThat(Columns.width("abc")).isEqualTo(3);
        assertThat(Columns.width("부하")).isEqualTo(4);
        assertThat(Columns.width("p95 대기(초)")).isEqualTo(12);
        assertThat(Columns.width("ＡＢ")).as("fullwidth Latin").isEqualTo(4);
        assertThat(Columns.width("漢字")).isEqualTo(4);
    }

    @Test
    void paddedCellsOfBothLanguagesEndInTheSameColumn() {
        String en = Columns.left("load", 10) + "|";
        String ko = Columns.left("부하", 10) + "|";
        assertThat(Columns.width(en)).isEqualTo(Columns.width(ko)).isEqualTo(11);
        assertThat(Columns.right("가동률", 11)).isEqualTo("     가동률");
        assertThat(Columns.left("too long for it", 3)).as("never cut").isEqualTo("too long for it");
    }
}
