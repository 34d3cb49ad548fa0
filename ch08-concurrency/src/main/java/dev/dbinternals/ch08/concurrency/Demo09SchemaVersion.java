package dev.dbinternals.ch08.concurrency;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.concurrency.replication.Schema;
import dev.dbinternals.ch08.concurrency.replication.SchemaScenario;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;

/**
 * State consistency (상태 일관성), part 3: schema disagreement. A row encoded with schema v2 and
 * decoded with v1 is corrupted silently; a schema version in every frame turns that into a
 * rejection until the schema change has reached the replica.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class Demo09SchemaVersion {

    private Demo09SchemaVersion() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("schema-version", "schema disagreement: silent corruption, then versioned frames",
                "스키마 불일치: 조용한 데이터 손상, 그리고 버전을 단 프레임").writesNoFiles().parse(args);
        PrintStream out = DemoSupport.stdout();
        DemoArgs.heading(out, t("Coordinator on schema v2 " + Schema.V2.names() + ", replica on v1 " + Schema.V1.names()
                + " until t = 200 ms", "코디네이터는 스키마 v2 " + Schema.V2.names() + ", 복제본은 t = 200 ms까지 v1 " + Schema.V1.names()));
        out.println(t("row written: ", "쓴 행: ") + SchemaScenario.ROW);
        StringBuilder said = new StringBuilder();
        for (boolean versioned : new boolean[] {false, true}) {
            var o = new SchemaScenario(versioned).run(a.seed());
            out.printf("%n%s:%n", versioned ? t("frames carry the schema version", "프레임에 스키마 버전을 싣는다")
                    : t("frames without schema version", "프레임에 스키마 버전이 없다"));
            o.rejections().forEach(r -> out.println(t("  rejected: ", "  거부: ") + r));
            out.println(t("  acknowledged: ", "  확인 응답: ") + (o.acknowledged() ? t("true", "받음") : t("false", "못 받음")));
            out.println(t("  replica stored: ", "  복제본에 저장된 것: ") + o.stored());
            said.append(verdict(versioned, o.acknowledged(), o.rejections().size(), o.stored(), SchemaScenario.ROW));
        }
        out.println();
        out.print(said);
    }

    /** What one run showed, from its outcome: was the row acknowledged, rejected first, and stored intact (every column equal) or not. */
    static String verdict(boolean versioned, boolean acknowledged, int rejections, java.util.List<java.util.Map<String, Object>> stored,
                          java.util.Map<String, Object> written) {
        StringBuilder s = new StringBuilder(versioned ? t("With schema versions in frames: ", "프레임에 스키마 버전이 있을 때: ")
                : t("Without schema versions: ", "스키마 버전이 없을 때: "));
        s.append(rejections == 0 ? t("no rejection", "거부 없음") : t(rejections + " rejection(s) the coordinator saw and retried",
                "코디네이터가 거부 " + rejections + "번을 보고 재시도함"));
        s.append(acknowledged ? t(", the write was acknowledged", ", 쓰기는 확인 응답을 받았고") : t(", the write was never acknowledged", ", 쓰기는 끝내 확인 응답을 받지 못했고"));
        if (stored.isEmpty()) {
            s.append(t(", and nothing was stored.\n", ", 아무것도 저장되지 않았다.\n"));
            return s.toString();
        }
        java.util.Map<String, Object> row = stored.get(stored.size() - 1);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (var e : written.entrySet()) {
            Object got = row.get(e.getKey());
            if (!java.util.Objects.equals(String.valueOf(got), String.valueOf(e.getValue()))) {
                wrong.add(t(e.getKey() + " (" + (got == null ? "missing" : "'" + got + "'") + " instead of '" + e.getValue() + "')",
                        e.getKey() + " ('" + e.getValue() + "' 대신 " + (got == null ? "없음" : "'" + got + "'") + ")"));
            }
        }
        if (wrong.isEmpty()) {
            s.append(t(", and the row was stored intact.\n", ", 행은 온전히 저장되었다.\n"));
        } else {
            s.append(t(",\n  and the stored row is corrupted: ", ",\n  저장된 행은 손상되었다: ")).append(String.join(", ", wrong)).append('.');
            s.append(acknowledged && rejections == 0 ? t("\n  Nothing failed, so nobody was told.\n", "\n  아무것도 실패하지 않았으니 아무도 알지 못했다.\n") : "\n");
        }
        return s.toString();
    }
}
