package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.concurrency.coffee.CoffeeShop;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;

/**
 * Concurrency vs parallelism (동시성과 병렬성): two queues at one coffee machine vs at two,
 * throughput and waiting time measured in simulated time on the same customers.
 *
 * <p>Book: Chapter 8, "Concurrent Execution", sidebar "Concurrency and Parallelism".
 */
public final class Demo03CoffeeMachines {

    private Demo03CoffeeMachines() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("coffee", "two queues, one coffee machine (concurrent) vs two (parallel)",
                        "줄 두 개, 커피 머신 하나(동시) 대 둘(병렬)")
                .doubleOption("service", 30, 1, 600, "mean seconds to make one coffee", "커피 한 잔을 만드는 평균 시간(초)").parse(args);
        PrintStream out = DemoSupport.stdout();
        double service = a.doubleValue("service");
        int minutes = a.quick() ? 240 : 8 * 60;
        double capacity = 60.0 / service;
        DemoArgs.heading(out, t("Two queues, one machine (concurrent, 동시) vs two machines (parallel, 병렬)",
                "줄 두 개, 머신 하나(동시, concurrent) 대 머신 둘(병렬, parallel)"));
        out.printf(t("service %.0f s on average, so one machine kept busy makes about %.1f coffees/min; %d simulated minutes, seed %d%n",
                        "평균 %.0f초에 한 잔이므로 쉬지 않는 머신 하나는 분당 약 %.1f잔을 만든다. 시뮬레이션 %d분, 시드 %d%n"),
                service, capacity, minutes, a.seed());
        StringBuilder md = new StringBuilder(t("| load (of one machine) | machines | arrived | served | coffees/min | mean wait s | p95 wait s | utilization | longest queue |\n",
                "| 부하 (머신 하나 기준) | 머신 | 도착 | 제공 | 분당 잔 수 | 평균 대기(초) | p95 대기(초) | 가동률 | 최장 줄 |\n")
                + "|---|---|---|---|---|---|---|---|---|\n");
        // padded by terminal columns, not characters, so the Korean header lines up with the figures
        out.println(String.join(" ", Columns.left(t("load", "부하"), 10), Columns.left(t("machines", "머신"), 9),
                Columns.right(t("arrived", "도착"), 8), Columns.right(t("served", "제공"), 7), Columns.right(t("coffees/min", "분당 잔 수"), 12),
                Columns.right(t("mean wait s", "평균 대기(초)"), 13), Columns.right(t("p95 wait s", "p95 대기(초)"), 12),
                Columns.right(t("utilization", "가동률"), 11), Columns.right(t("longest", "최장 줄"), 7)));
        double[] loads = {0.5, 0.8, 0.95, 1.2};
        CoffeeShop.Result[][] results = new CoffeeShop.Result[loads.length][2];
        for (int i = 0; i < loads.length; i++) {
            double load = loads[i];
            double perQueue = load * capacity / 2;
            for (int machines = 1; machines <= 2; machines++) {
                CoffeeShop.Result r = new CoffeeShop(machines, perQueue, service, minutes, a.seed()).run();
                results[i][machines - 1] = r;
                out.printf("%-10s %s %8d %7d %12.2f %13.1f %12.1f %10.0f%% %7d%n", String.format("%.0f%%", load * 100),
                        Columns.left(machines == 1 ? t("1 (conc.)", "1 (동시)") : t("2 (par.)", "2 (병렬)"), 9), r.arrived(), r.served(), r.throughputPerMinute(),
                        r.meanWaitSeconds(), r.p95WaitSeconds(), r.utilization() * 100, r.longestQueue());
                md.append(String.format("| %.0f%% | %d | %d | %d | %.2f | %.1f | %.1f | %.0f%% | %d |%n", load * 100, machines, r.arrived(),
                        r.served(), r.throughputPerMinute(), r.meanWaitSeconds(), r.p95WaitSeconds(), r.utilization() * 100, r.longestQueue()));
            }
        }
        out.println();
        out.print(verdict(capacity, minutes, loads, results));
        DemoSupport.write(a.out(), "coffee.md", md.toString(), out);
    }

    /**
     * What the table showed, from its numbers: whether one machine's throughput stayed at its
     * capacity under overload, whether its waiting grew with the load, and at how many loads the
     * second machine cut the waiting.
     *
     * @param results per load, {one machine, two machines}
     */
    static String verdict(double capacity, int minutes, double[] loads, CoffeeShop.Result[][] results) {
        StringBuilder s = new StringBuilder();
        s.append(t("With one machine both queues make progress (they take turns), but never at the same instant: that is\n"
                + "concurrency.\n", "머신이 하나면 두 줄 모두 (번갈아) 진행하지만 같은 순간에 진행하지는 않는다: 이것이 동시성(concurrency)이다.\n"));
        for (int i = 0; i < loads.length; i++) {
            CoffeeShop.Result one = results[i][0];
            if (loads[i] > 1) {
                s.append(String.format(t("At %.0f%% load, %.2f coffees/min arrived and one machine served %.2f/min",
                                "부하 %.0f%%에서 분당 %.2f잔의 주문이 도착했고 머신 하나는 분당 %.2f잔을 제공했다"), loads[i] * 100,
                        one.arrived() / (double) minutes, one.throughputPerMinute()));
                s.append(Math.abs(one.throughputPerMinute() - capacity) <= 0.05 * capacity
                        ? String.format(t(" (its capacity is about %.1f/min)", " (용량은 분당 약 %.1f잔)"), capacity)
                        : String.format(t(" (not its capacity of about %.1f/min)", " (용량인 분당 약 %.1f잔과 다르다)"), capacity));
                s.append(String.format(t(";%n%d customers were not served by closing.%n", ".%n손님 %d명은 문 닫을 때까지 커피를 받지 못했다.%n"),
                        one.arrived() - one.served()));
            }
        }
        CoffeeShop.Result first = results[0][0];
        CoffeeShop.Result last = results[loads.length - 1][0];
        boolean rising = true;
        for (int i = 1; i < loads.length; i++) {
            rising &= results[i][0].meanWaitSeconds() > results[i - 1][0].meanWaitSeconds();
        }
        s.append(String.format(t("With one machine the mean wait went from %.1f s at %.0f%% load to %.1f s at %.0f%%",
                "머신이 하나일 때 평균 대기는 부하 %2$.0f%%에서 %1$.1f초, 부하 %4$.0f%%에서 %3$.1f초였다"), first.meanWaitSeconds(),
                loads[0] * 100, last.meanWaitSeconds(), loads[loads.length - 1] * 100));
        s.append(rising ? t(", growing at every step of load.\n", ". 부하가 오를 때마다 늘었다.\n")
                : t(", but did not grow at every step of load.\n", ". 다만 부하가 오를 때마다 늘지는 않았다.\n"));
        int lessWait = 0;
        int moreServed = 0;
        for (CoffeeShop.Result[] r : results) {
            lessWait += r[1].meanWaitSeconds() < r[0].meanWaitSeconds() ? 1 : 0;
            moreServed += r[1].served() > r[0].served() ? 1 : 0;
        }
        s.append(String.format(t("A second machine is parallelism: it adds capacity. Here two machines waited less at %d of %d loads%n",
                "두 번째 머신은 병렬성(parallelism)이다: 용량을 늘린다. 여기서 머신이 둘이면 부하 %2$d개 중 %1$d개에서 대기가 더 짧았고%n"),
                lessWait, loads.length));
        s.append(String.format(t("and served more customers at %d of %d.%n", "%2$d개 중 %1$d개에서 손님을 더 많이 받았다.%n"), moreServed, loads.length));
        s.append(t("The word 'concurrency' is often used for both, because the problems the chapter cares about (shared\n"
                + "state, interleavings, ordering) arise as soon as executions overlap in time, whether or not they truly\n"
                + "run at the same instant: a single core switching threads can lose updates just as two cores can.\n",
                "'동시성'이라는 말은 흔히 둘 다를 가리킨다. 이 장이 다루는 문제(공유 상태, 인터리빙, 순서)는 실행이 시간상\n"
                + "겹치기만 하면, 정말 같은 순간에 실행되든 아니든 생기기 때문이다: 스레드를 바꿔 가며 도는 코어 하나도\n"
                + "코어 둘과 똑같이 갱신을 잃을 수 있다.\n"));
        return s.toString();
    }
}
