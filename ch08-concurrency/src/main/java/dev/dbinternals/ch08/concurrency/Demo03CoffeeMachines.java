package dev.dbinternals.ch08.concurrency;

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
        DemoArgs a = DemoArgs.forDemo("coffee", "two queues, one coffee machine (concurrent) vs two (parallel)")
                .doubleOption("service", 30, 1, 600, "mean seconds to make one coffee").parse(args);
        PrintStream out = DemoSupport.stdout();
        double service = a.doubleValue("service");
        int minutes = a.quick() ? 240 : 8 * 60;
        double capacity = 60.0 / service;
        DemoArgs.heading(out, "Two queues, one machine (concurrent, 동시) vs two machines (parallel, 병렬)");
        out.printf("service %.0f s on average, so one machine kept busy makes about %.1f coffees/min; %d simulated minutes, seed %d%n",
                service, capacity, minutes, a.seed());
        StringBuilder md = new StringBuilder("| load (of one machine) | machines | arrived | served | coffees/min | mean wait s | p95 wait s | utilization | longest queue |\n|---|---|---|---|---|---|---|---|---|\n");
        out.printf("%-10s %-9s %8s %7s %12s %12s %11s %11s %7s%n", "load", "machines", "arrived", "served", "coffees/min",
                "mean wait s", "p95 wait s", "utilization", "longest");
        double[] loads = {0.5, 0.8, 0.95, 1.2};
        CoffeeShop.Result[][] results = new CoffeeShop.Result[loads.length][2];
        for (int i = 0; i < loads.length; i++) {
            double load = loads[i];
            double perQueue = load * capacity / 2;
            for (int machines = 1; machines <= 2; machines++) {
                CoffeeShop.Result r = new CoffeeShop(machines, perQueue, service, minutes, a.seed()).run();
                results[i][machines - 1] = r;
                out.printf("%-10s %-9s %8d %7d %12.2f %12.1f %11.1f %10.0f%% %7d%n", String.format("%.0f%%", load * 100),
                        machines == 1 ? "1 (conc.)" : "2 (par.)", r.arrived(), r.served(), r.throughputPerMinute(),
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
        s.append("With one machine both queues make progress (they take turns), but never at the same instant: that is\n")
                .append("concurrency.\n");
        for (int i = 0; i < loads.length; i++) {
            CoffeeShop.Result one = results[i][0];
            if (loads[i] > 1) {
                s.append(String.format("At %.0f%% load, %.2f coffees/min arrived and one machine served %.2f/min", loads[i] * 100,
                        one.arrived() / (double) minutes, one.throughputPerMinute()));
                s.append(Math.abs(one.throughputPerMinute() - capacity) <= 0.05 * capacity
                        ? String.format(" (its capacity is about %.1f/min)", capacity)
                        : String.format(" (not its capacity of about %.1f/min)", capacity));
                s.append(String.format(";%n%d customers were not served by closing.%n", one.arrived() - one.served()));
            }
        }
        CoffeeShop.Result first = results[0][0];
        CoffeeShop.Result last = results[loads.length - 1][0];
        boolean rising = true;
        for (int i = 1; i < loads.length; i++) {
            rising &= results[i][0].meanWaitSeconds() > results[i - 1][0].meanWaitSeconds();
        }
        s.append(String.format("With one machine the mean wait went from %.1f s at %.0f%% load to %.1f s at %.0f%%", first.meanWaitSeconds(),
                loads[0] * 100, last.meanWaitSeconds(), loads[loads.length - 1] * 100));
        s.append(rising ? ", growing at every step of load.\n" : ", but did not grow at every step of load.\n");
        int lessWait = 0;
        int moreServed = 0;
        for (CoffeeShop.Result[] r : results) {
            lessWait += r[1].meanWaitSeconds() < r[0].meanWaitSeconds() ? 1 : 0;
            moreServed += r[1].served() > r[0].served() ? 1 : 0;
        }
        s.append(String.format("A second machine is parallelism: it adds capacity. Here two machines waited less at %d of %d loads%n",
                lessWait, loads.length));
        s.append(String.format("and served more customers at %d of %d.%n", moreServed, loads.length));
        s.append("The word 'concurrency' is often used for both, because the problems the chapter cares about (shared\n")
                .append("state, interleavings, ordering) arise as soon as executions overlap in time, whether or not they truly\n")
                .append("run at the same instant: a single core switching threads can lose updates just as two cores can.\n");
        return s.toString();
    }
}
