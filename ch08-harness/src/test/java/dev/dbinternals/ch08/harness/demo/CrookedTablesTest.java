package dev.dbinternals.ch08.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.lang.Columns;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrookedTablesTest {

    private static final List<String[]> ROWS = List.of(new String[] {"N=3 R=1 W=1", "켬", "없음", "아니오"},
            new String[] {"N=3 R=2 W=2", "끔", "1", "예"}, new String[] {"N=3 R=3 W=1", "켬", "실패", "예"});

    /** The table as a demo padded it before Columns: by characters. */
    private static String byCharacters(String... header) {
        StringBuilder sb = new StringBuilder("narration above\n").append(String.format("%-14s %-10s %-8s %s%n", (Object[]) header));
        ROWS.forEach(r -> sb.append(String.format("%-14s %-10s %-8s %s%n", (Object[]) r)));
        return sb.append("narration below\n").toString();
    }

    /** The same table padded by terminal columns. */
    private static String byColumns(String... header) {
        StringBuilder sb = new StringBuilder("narration above\n");
        for (String[] r : concat(header)) {
            sb.append(Columns.left(r[0], 14)).append(' ').append(Columns.left(r[1], 10)).append(' ').append(Columns.left(r[2], 8))
                    .append(' ').append(r[3]).append('\n');
        }
        return sb.append("narration below\n").toString();
    }

    private static List<String[]> concat(String[] header) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.<String[]>of(header), ROWS.stream()).toList();
    }

    @Test
    void findsAKoreanTablePaddedByCharacters() {
        var crooked = CrookedTables.in(byCharacters("쿼럼", "읽기 복구", "B의 읽기", "선형적인가?"));

        assertThat(crooked).hasSize(1);
        assertThat(crooked.get(0).line()).isEqualTo(2);
        assertThat(crooked.get(0).header()).startsWith("쿼럼");
        assertThat(crooked.get(0).byCharacters()).isGreaterThan(crooked.get(0).byColumns());
    }

    @Test
    void acceptsTheSameTablePaddedByTerminalColumns() {
        assertThat(CrookedTables.in(byColumns("쿼럼", "읽기 복구", "B의 읽기", "선형적인가?"))).isEmpty();
    }

    @Test
    void findsAnAsciiHeaderOverKoreanCellsPaddedByCharacters() {
        // the rows alone drift: 켬 and 끔 are one character, 없음 and 실패 two, 1 one
        assertThat(CrookedTables.in(byCharacters("quorums", "repair", "read", "linearizable?"))).hasSize(1);
    }

    @Test
    void neverFiresWithoutWideLetters() {
        String english = byCharacters("quorums", "read repair", "B's read", "linearizable?").replace("켬", "on").replace("끔", "off")
                .replace("없음", "nothing").replace("실패", "failed").replace("아니오", "no").replace("예", "yes");
        assertThat(english).doesNotContainPattern("[가-힣]");
        assertThat(CrookedTables.in(english)).isEmpty();
    }

    @Test
    void rightAlignedFiguresUnderAKoreanHeaderPaddedByCharacters() {
        // the one-way partition demo's table: %10s over %10d
        StringBuilder crooked = new StringBuilder(String.format("%-8s %10s %10s%n", "링크", "전달", "버림"));
        StringBuilder straight = new StringBuilder(Columns.left("링크", 8) + " " + Columns.right("전달", 10) + " " + Columns.right("버림", 10) + "\n");
        for (String link : List.of("A->B", "A->C", "B->A")) {
            crooked.append(String.format("%-8s %10d %10d%n", link, 6, 0));
            straight.append(String.format("%-8s %10d %10d%n", link, 6, 0));
        }
        assertThat(CrookedTables.in(crooked.toString())).hasSize(1);
        assertThat(CrookedTables.in(straight.toString())).isEmpty();
    }

    @Test
    void leavesProseAndShortTablesAlone() {
        String twoLines = String.format("%-14s %-10s %s%n%-14s %-10s %s%n", "쿼럼", "읽기 복구", "예", "N=3 R=1 W=1", "켬", "아니오");
        String prose = "복제본 세 개 중 두 개에 쓰고  두 개에서 읽는다.\n읽기 복구는  낡은 복제본을 고친다.\n그러므로 한 번의 읽기로  충분하다.\n";
        assertThat(CrookedTables.in(twoLines)).as("two lines are not a table").isEmpty();
        assertThat(CrookedTables.in(prose)).as("fewer than three cells a line").isEmpty();
    }

    @Test
    void koreanNarrationReportsCrookedTablesAmongItsProblems() {
        String output = "== 쿼럼과 읽기 복구 ==\n" + byCharacters("쿼럼", "읽기 복구", "B의 읽기", "선형적인가?") + "한국어 줄 하나\n한국어 줄 둘\n";
        assertThat(KoreanNarration.problems("quorums", output)).singleElement().asString()
                .startsWith("quorums: table padded by characters, not terminal columns, at line 3");
        assertThat(KoreanNarration.problems("quorums", output.replace(byCharacters("쿼럼", "읽기 복구", "B의 읽기", "선형적인가?"),
                byColumns("쿼럼", "읽기 복구", "B의 읽기", "선형적인가?")))).isEmpty();
    }
}
