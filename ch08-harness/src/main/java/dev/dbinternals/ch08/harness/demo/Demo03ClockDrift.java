package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.SimClock;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo 3: two nodes time a 100 ms interval over and over, once with the wall clock and once
 * with the monotonic clock. A's clock drifts fast and is then stepped back, as NTP would do;
 * B's clock is 3 ms off (an offset) but does not drift. The wall-clock interval that contains
 * the step goes wrong (negative, for a step longer than the interval), the monotonic one does not.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간) and "Network Partitions and Partial
 * Failures" (네트워크 파티션과 부분 장애; the harness that section asks for causes clock drift):
 * never measure a timeout or a lease with the wall clock.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo ch08-harness clocks [--quick]}
 */
public final class Demo03ClockDrift {

    private Demo03ClockDrift() {
    }

    /** Every 100 ms of its monotonic time, records how much each clock says has passed. */
    static final class Stopwatch implements Node {
        final List<long[]> laps = new ArrayList<>(); // wall delta ms, monotonic delta us, wall reading
        long lastWall;
        long lastMono;

        @Override
        public void onStart(Context ctx) {
            lastWall = ctx.clock().wallMillis();
            lastMono = ctx.clock().monotonicNanos();
            ctx.setTimer(Duration.ofMillis(100), "lap");
        }

        @Override
        public void onMessage(Context ctx, dev.dbinternals.ch08.harness.Address from, byte[] message) {
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            long w = ctx.clock().wallMillis();
            long m = ctx.clock().monotonicNanos();
            laps.add(new long[] {w - lastWall, (m - lastMono) / 1000, w});
            lastWall = w;
            lastMono = m;
            ctx.setTimer(Duration.ofMillis(100), "lap");
        }
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("clocks", "clock drift and a backward step: wall vs monotonic",
                        "클럭 드리프트와 뒤로 가는 조정: 벽시계 대 단조 클럭")
                .doubleOption("drift", 20_000, -500_000, 500_000, "A's drift in ppm (20000 = 2% fast; quartz is ~10-100)",
                        "A의 드리프트, ppm 단위 (20000 = 2% 빠름; 수정 발진자는 ~10-100)")
                .writesNoFiles()
                .parse(argv);
        double ppm = args.doubleValue("drift");
        Simulation sim = new Simulation(args.seed());
        Address a = sim.addNode("A", Stopwatch::new);
        Address b = sim.addNode("B", Stopwatch::new);
        sim.clock(a).setDriftPpm(ppm);
        sim.clock(b).setOffset(Duration.ofMillis(3));
        sim.at(Duration.ofMillis(550), () -> sim.clock(a).step(Duration.ofMillis(-80)));
        int laps = args.quick() ? 8 : 12;

        DemoArgs.heading(System.out, t("A drifts " + ppm + " ppm; at 550 ms NTP steps A's wall clock back 80 ms. B is 3 ms off, no drift",
                "A는 " + ppm + " ppm 드리프트한다; 550 ms에 NTP가 A의 벽시계를 80 ms 뒤로 돌린다. B는 3 ms 어긋나 있고 드리프트는 없다"));
        System.out.println(t("Each node sets a 100 ms timer (timers use the monotonic clock) and reports how much",
                "각 노드는 100 ms 타이머를 걸고 (타이머는 단조 클럭을 쓴다), 지난 랩 이후 각 클럭이"));
        System.out.println(t("time each of its clocks says passed since the last lap.",
                "얼마가 지났다고 말하는지 보고한다."));
        // a slow clock (negative drift) takes longer than 100 ms of true time per lap
        double trueMillisPerLap = Math.max(100, 100 / (1 + ppm / 1e6));
        sim.runFor(Duration.ofMillis((long) Math.ceil(trueMillisPerLap * laps) + 5));

        Stopwatch sa = sim.node(a, Stopwatch.class);
        Stopwatch sb = sim.node(b, Stopwatch.class);
        // padded by display width (a Hangul syllable takes two columns), so the Korean header lines up too
        System.out.printf("%n%s | %s | %s%n", Columns.right(t("lap", "랩"), 4), Columns.left(t("A: wall delta   mono delta   wall-true",
                "A: 벽시계 간격  단조 간격  벽시계-실제"), 34), Columns.left(t("B: wall delta   mono delta", "B: 벽시계 간격  단조 간격"), 30));
        for (int i = 0; i < laps; i++) {
            long[] la = sa.laps.get(i);
            long[] lb = sb.laps.get(i);
            System.out.printf("%4d | %8d ms %10.3f ms %+8d ms%s | %8d ms %10.3f ms%n", i + 1, la[0], la[1] / 1000.0,
                    la[2] - SimClock.EPOCH_MILLIS - trueMillisAtLap(sim, a, i), la[0] < 0 ? " <-" : "   ",
                    lb[0], lb[1] / 1000.0);
        }
        System.out.println();
        String trueMs = String.format("%.1f", 100 / (1 + ppm / 1e6));
        System.out.println(t("A's monotonic laps stay 100 ms: its own idea of 100 ms, which is " + trueMs
                + " ms of true time (" + rate(ppm) + ").",
                "A의 단조 클럭 랩은 100 ms로 유지된다: A 자신이 생각하는 100 ms이며, 실제 시간으로는 " + trueMs
                + " ms다 (" + rate(ppm) + ")."));
        int[] step = shortestWallLap(sa.laps.subList(0, laps));
        System.out.println(t("A's wall-clock lap " + step[0] + " is " + step[1] + " ms short of its monotonic lap"
                + (step[1] > 100 ? " (negative)" : "") + ": a lease or timeout",
                "A의 " + step[0] + "번째 벽시계 랩은 단조 클럭 랩보다 " + step[1] + " ms 짧다"
                + (step[1] > 100 ? " (음수)" : "") + ": 벽시계로 잰 리스나 타임아웃은"));
        boolean bAgrees = shortestWallLap(sb.laps.subList(0, laps))[1] <= 1;
        System.out.println(t("measured with the wall clock would be wrong by that much. B's clocks "
                + (bAgrees ? "agree with each other (within 1 ms a lap)." : "DISAGREE in some lap."),
                "그만큼 틀린다. B의 두 클럭은 "
                + (bAgrees ? "서로 일치한다 (랩마다 1 ms 이내)." : "어떤 랩에서 일치하지 않는다.")));
        System.out.println(t("The clock events in the trace:", "트레이스의 클럭 이벤트:"));
        System.out.print(sim.trace().toText(e -> e.kind() == Kind.CLOCK_STEP));
    }

    /** "it runs fast", "it runs slow" or "no drift", from the sign of the drift. */
    static String rate(double ppm) {
        return ppm > 0 ? t("it runs fast", "빠르게 간다") : ppm < 0 ? t("it runs slow", "느리게 간다") : t("no drift", "드리프트 없음");
    }

    /**
     * The lap whose wall-clock delta falls furthest short of its monotonic delta: {lap number
     * (1-based), shortfall in ms}. Both clocks run at the same (drifting) rate, so only a step
     * makes them differ by more than the 1 ms the wall clock's rounding allows.
     */
    static int[] shortestWallLap(List<long[]> laps) {
        int lap = 0;
        long most = Long.MIN_VALUE;
        for (int i = 0; i < laps.size(); i++) {
            long shortfall = Math.round(laps.get(i)[1] / 1000.0) - laps.get(i)[0];
            if (shortfall > most) {
                most = shortfall;
                lap = i + 1;
            }
        }
        return new int[] {lap, (int) most};
    }

    private static long trueMillisAtLap(Simulation sim, Address a, int lap) {
        // the lap's timer fired at the (lap+1)-th TIMER_FIRE of A; the trace has its true time
        return sim.trace().events().stream().filter(e -> e.kind() == Kind.TIMER_FIRE && a.equals(e.node()))
                .skip(lap).findFirst().map(e -> e.timeNanos() / 1_000_000).orElse(0L);
    }
}
