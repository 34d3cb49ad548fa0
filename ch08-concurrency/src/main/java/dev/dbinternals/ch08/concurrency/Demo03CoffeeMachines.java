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
                .option("service", "30", "mean seconds to make one coffee").parse(args);
        PrintStream out = DemoSupport.stdout();
        double service = a.getDouble("service", 1, 600);
        int minutes = a.quick() ? 240 : 8 * 60;
        double capacity = 60.0 / service;
        DemoArgs.heading(out, "Two queues, one machine (concurrent, 동시) vs two machines (parallel, 병렬)");
        out.printf("service %.0f s on average, so one machine makes at most %.1f coffees/min; %d simulated minutes, seed %d%n",
                service, capacity, minutes, a.seed());
        StringBuilder md = new StringBuilder("| load (of one machine) | machines | arrived | served | coffees/min | mean wait s | p95 wait s | utilization | longest queue |\n|---|---|---|---|---|---|---|---|---|\n");
        out.printf("%-10s %-9s %8s %7s %12s %12s %11s %11s %7s%n", "load", "machines", "arrived", "served", "coffees/min",
                "mean wait s", "p95 wait s", "utilization", "longest");
        for (double load : new double[] {0.5, 0.8, 0.95, 1.2}) {
            double perQueue = load * capacity / 2;
            for (int machines = 1; machines <= 2; machines++) {
                CoffeeShop.Result r = new CoffeeShop(machines, perQueue, service, minutes, a.seed()).run();
                out.printf("%-10s %-9s %8d %7d %12.2f %12.1f %11.1f %10.0f%% %7d%n", String.format("%.0f%%", load * 100),
                        machines == 1 ? "1 (conc.)" : "2 (par.)", r.arrived(), r.served(), r.throughputPerMinute(),
                        r.meanWaitSeconds(), r.p95WaitSeconds(), r.utilization() * 100, r.longestQueue());
                md.append(String.format("| %.0f%% | %d | %d | %d | %.2f | %.1f | %.1f | %.0f%% | %d |%n", load * 100, machines, r.arrived(),
                        r.served(), r.throughputPerMinute(), r.meanWaitSeconds(), r.p95WaitSeconds(), r.utilization() * 100, r.longestQueue()));
            }
        }
        out.println();
        out.println("With one machine both queues make progress (they take turns), but never at the same instant: that is");
        out.println("concurrency. Throughput is capped by the one machine; as the load approaches it, waiting explodes");
        out.println("(at 120% the queue only grows). A second machine is parallelism: it adds capacity, so waiting falls.");
        out.println("Most systems say 'concurrency' for both, because the problems the chapter cares about (shared state,");
        out.println("interleavings, ordering) arise as soon as executions overlap in time, whether or not they truly");
        out.println("run at the same instant: a single core switching threads loses updates just like two cores do.");
        DemoSupport.write(a.out(), "coffee.md", md.toString(), out);
    }
}
