package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.checksums.Replication;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.util.Locale;

/**
 * Demo 7 — Cascading failures (계단식 장애): corrupted records spread through replication and
 * overwrite good ones; a CRC32C per record (체크섬) stops them at the first replica.
 *
 * <p>Run: {@code ./ch08 demo cascading checksums [--quick]}.
 */
public final class Demo07Checksums {

    private Demo07Checksums() {
    }

    /**
     * The narration after the table, from its totals: {frames, undecodable, refused, corrupt
     * records stored, distinct corrupt records, runs with a corrupt replica} without and with the check.
     */
    static String verdict(long[] noCheck, long[] withCheck, int runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(t("Without a checksum, a flip that still decodes is a valid-looking record. A flip that raises the\n"
                + "version wins last-writer-wins everywhere: gossip carries it to other replicas, and every genuine\n"
                + "write to that key afterwards is ignored as 'older'.",
                "체크섬(checksum)이 없으면, 비트가 뒤집혔어도 디코딩되는 레코드는 멀쩡해 보인다. 버전을 올리는\n"
                + "뒤집힘은 어디서나 최종 쓰기 우선(last-writer-wins)에서 이긴다. 가십이 그것을 다른 복제본으로 나르고,\n"
                + "그 뒤 그 키에 대한 진짜 쓰기는 모두 '더 오래된 것'으로 무시된다."));
        if (noCheck[3] > 0) {
            sb.append(String.format(Locale.ROOT, t(" Here %d distinct corrupt records were stored %d times%n"
                    + "(how far each spread), leaving a corrupt replica in %d of %d runs.%n",
                    " 여기서는 서로 다른 손상 레코드 %1$d개가 %2$d번 저장되었고%n"
                    + "(각각 얼마나 퍼졌는가), 실행 %4$d번 중 %3$d번에서 손상된 복제본이 남았다.%n"),
                    noCheck[4], noCheck[3], noCheck[5], runs));
        } else {
            sb.append(String.format(Locale.ROOT, t(" In these runs no corrupt record happened to be stored.%n",
                    " 이번 실행들에서는 우연히 손상 레코드가 하나도 저장되지 않았다.%n")));
        }
        sb.append(String.format(Locale.ROOT, t("With a CRC32C computed by the writer and checked by every replica, %d damaged records were%n"
                + "refused where they landed (a later gossip round can bring the good copy): ",
                "쓰는 쪽이 계산하고 모든 복제본이 검사하는 CRC32C가 있으면, 손상된 레코드 %d개가 도착한 곳에서%n"
                + "거부되었다(다음 가십 라운드가 온전한 사본을 가져올 수 있다). "), withCheck[2]));
        sb.append(withCheck[3] == 0 ? t("nothing corrupt was stored\nanywhere in any run.\n",
                "어느 실행에서도 손상된 것은\n어디에도 저장되지 않았다.\n")
                : t(withCheck[3] + " corrupt records were stored\nanyway (a flip the CRC did not catch).\n",
                "그래도 손상 레코드 " + withCheck[3] + "개가\n저장되었다(CRC가 잡지 못한 뒤집힘).\n"));
        return sb.toString();
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-checksums",
                "bit flips on the wire: corrupted records spread between replicas without a checksum, not with one",
                "전송 중 비트 뒤집힘: 체크섬이 없으면 손상된 레코드가 복제본 사이로 퍼지고, 있으면 퍼지지 않는다")
                .writesNoFiles().parse(args);
        int runs = a.quick() ? 5 : 20;
        double corruption = 0.01;
        int writes = 1000;
        DemoArgs.heading(System.out, t("5 replicas, 40 keys, 1000 writes, anti-entropy gossip every 10 ms, 1% of frames corrupted",
                "복제본 5개, 키 40개, 쓰기 1000번, 10 ms마다 안티 엔트로피 가십, 프레임의 1%가 손상된다"));
        System.out.println(t("last writer wins by version; " + runs + " runs (seeds " + a.seed() + ".." + (a.seed() + runs - 1) + ")",
                "버전으로 최종 쓰기 우선. 실행 " + runs + "번(시드 " + a.seed() + ".." + (a.seed() + runs - 1) + ")"));
        Table t = new Table(t("validation", "검증"), t("corrupted frames", "손상 프레임"), t("undecodable", "디코딩 불가"),
                t("refused by CRC", "CRC가 거부"), t("corrupt records stored", "저장된 손상 레코드"),
                t("distinct corrupt records", "서로 다른 손상 레코드"), t("runs with a corrupt replica", "손상 복제본이 남은 실행"));
        String example = null;
        long[][] totals = new long[2][];
        for (boolean check : new boolean[] {false, true}) {
            long frames = 0;
            long undecodable = 0;
            long refused = 0;
            long slots = 0;
            long distinct = 0;
            int bad = 0;
            for (int i = 0; i < runs; i++) {
                Replication.Result r = Replication.run(a.seed() + i, check, corruption, writes);
                frames += r.corruptedFrames();
                undecodable += r.undecodable();
                refused += r.refusedByChecksum();
                slots += r.corruptSlots();
                distinct += r.distinctCorruptRecords();
                bad += r.replicasWithCorruption() > 0 ? 1 : 0;
                if (example == null && !r.examples().isEmpty()) {
                    example = r.examples().get(0);
                }
            }
            t.row(check ? t("CRC32C per record", "레코드마다 CRC32C") : t("none (decode only)", "없음(디코딩만)"), frames,
                    undecodable, refused, slots, distinct, t(bad + " of " + runs, runs + "번 중 " + bad + "번"));
            totals[check ? 1 : 0] = new long[] {frames, undecodable, refused, slots, distinct, bad};
        }
        System.out.print(t);
        long[] noCheck = totals[0];
        long[] withCheck = totals[1];
        if (example != null) {
            System.out.println(t("for example: ", "예: ") + example);
        }
        System.out.print(verdict(noCheck, withCheck, runs));
    }
}
