package dev.dbinternals.ch08.concurrency.coffee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two queues of customers and one or two coffee machines, simulated in virtual time.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" → "Concurrency and Parallelism" (동시성과 병렬성):
 * two queues taking turns at one machine is <em>concurrent</em> (both make progress, never at
 * the same instant); two queues at two machines is <em>parallel</em> (both at the same instant).
 * Concurrency is about structure, dealing with several things at once; parallelism is about
 * execution, doing several things at once. Only parallelism adds capacity: with one machine
 * the coffees made can never exceed the service times that fit in the day, however the queues
 * take turns (about 60 / mean service seconds per minute; a little more or less in one run).
 *
 * <p>Deterministic: the same seed gives the same arrivals and service times, and both set-ups
 * are run on exactly the same customers, so the comparison is fair. Immutable; thread-safe.
 *
 * @param machines           1 (concurrent: queues alternate at one machine) or 2 (parallel: one machine per queue)
 * @param arrivalsPerMinute  mean arrivals per minute at EACH queue (Poisson)
 * @param meanServiceSeconds mean time to make one coffee (uniform in [0.5, 1.5] × mean)
 * @param minutes            length of the simulated day
 * @param seed               randomness of arrivals and service times
 */
public record CoffeeShop(int machines, double arrivalsPerMinute, double meanServiceSeconds, int minutes, long seed) {

    public CoffeeShop {
        if (machines != 1 && machines != 2) {
            throw new IllegalArgumentException("machines must be 1 or 2, got " + machines);
        }
        if (!(arrivalsPerMinute > 0) || !(meanServiceSeconds > 0) || minutes < 1) {
            throw new IllegalArgumentException("arrival rate, service time and minutes must be positive");
        }
    }

    /** What a day looked like. Times in seconds. */
    public record Result(int machines, int arrived, int served, double throughputPerMinute, double meanWaitSeconds,
                         double p95WaitSeconds, double utilization, int longestQueue) {
    }

    private record Customer(int queue, double arrival, double service) {
    }

    /** Runs the day: customers arrive until closing; the machines keep serving those already waiting until closing. */
    public Result run() {
        List<Customer>[] queues = customers();
        double closing = minutes * 60.0;
        List<Double> waits = new ArrayList<>();
        double busy = 0;
        int longest = 0;
        if (machines == 2) {
            for (List<Customer> q : queues) {
                double free = 0;
                for (int i = 0; i < q.size(); i++) {
                    Customer c = q.get(i);
                    double start = Math.max(free, c.arrival());
                    if (start + c.service() > closing) {
                        break;
                    }
                    waits.add(start - c.arrival());
                    free = start + c.service();
                    busy += c.service();
                    longest = Math.max(longest, waitingAt(q.subList(i, q.size()), start));
                }
            }
            busy /= 2;
        } else {
            int[] head = new int[2];
            int turn = 0;
            double t = 0;
            while (true) {
                // queues take turns; an empty queue (nobody arrived yet) gives its turn away
                int pick = -1;
                for (int k = 0; k < 2; k++) {
                    int q = (turn + k) % 2;
                    if (head[q] < queues[q].size() && queues[q].get(head[q]).arrival() <= t) {
                        pick = q;
                        break;
                    }
                }
                if (pick < 0) {
                    double nextArrival = Double.MAX_VALUE;
                    for (int q = 0; q < 2; q++) {
                        if (head[q] < queues[q].size()) {
                            nextArrival = Math.min(nextArrival, queues[q].get(head[q]).arrival());
                        }
                    }
                    if (nextArrival == Double.MAX_VALUE || nextArrival >= closing) {
                        break;
                    }
                    t = nextArrival;
                    continue;
                }
                Customer c = queues[pick].get(head[pick]);
                if (t + c.service() > closing) {
                    break;
                }
                longest = Math.max(longest, Math.max(waitingAt(queues[0].subList(head[0], queues[0].size()), t),
                        waitingAt(queues[1].subList(head[1], queues[1].size()), t)));
                waits.add(t - c.arrival());
                t += c.service();
                busy += c.service();
                head[pick]++;
                turn = (pick + 1) % 2;
            }
        }
        int arrived = queues[0].size() + queues[1].size();
        double[] w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(w).average().orElse(0);
        double p95 = w.length == 0 ? 0 : w[Math.min(w.length - 1, (int) Math.ceil(0.95 * w.length) - 1)];
        return new Result(machines, arrived, w.length, w.length / (double) minutes, mean, p95, busy / closing, longest);
    }

    private static int waitingAt(List<Customer> q, double t) {
        int n = 0;
        for (Customer c : q) {
            if (c.arrival() <= t) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Customer>[] customers() {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Customer>[] queues = new List[] {new ArrayList<Customer>(), new ArrayList<Customer>()};
        for (int q = 0; q < 2; q++) {
            SplittableRandom r = rnd.split();
            double t = 0;
            while (true) {
                t += -Math.log(1 - r.nextDouble()) * 60.0 / arrivalsPerMinute;
                if (t >= minutes * 60.0) {
                    break;
                }
                double service = meanServiceSeconds * (0.5 + r.nextDouble());
                queues[q].add(new Customer(q, t, service));
            }
        }
        return queues;
    }
}
