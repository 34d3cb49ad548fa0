package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parallel fan-out to nodes of different speeds: the job is done when the slowest part is.
 *
 * <p>Book: Chapter 8, "Processing" (프로세싱): nodes differ in CPU, RAM, disks, software versions
 * and settings; "when processing in parallel, the whole job runs at the speed of the slowest
 * remote server". Slowness is the harness's own knob ({@link Simulation#setSlowness}): each
 * item a worker handles takes the handler time times its slowness.
 *
 * <p>Two plans, side by side: an <b>equal split</b> (every worker gets the same share, so one
 * slow worker sets the completion time) and a <b>speed-aware split</b> that the coordinator
 * computes from each worker's measured rate in the previous job (planning by capacity and
 * past load, as "Cascading Failures" / 계단식 장애 recommends).
 *
 * <p>Nodes are not thread-safe (they run on the runtime's thread); {@link #run} is stateless.
 */
public final class FanOut {

    private FanOut() {
    }

    /** Coordinator → worker: process {@code items} items of job {@code job}. */
    public record Part(int job, int items) {
    }

    /** Worker → coordinator: done, after {@code busyNanos} of its own clock. */
    public record PartDone(int job, int items, long busyNanos) {
    }

    static final Codec CODEC = Codec.builder().register(1, Part.class).register(2, PartDone.class).build();

    /** A worker: handles its items one per handler call, so its slowness stretches each one. */
    public static final class Worker implements Node {
        private static final Object ITEM = "item";
        private Address coordinator;
        private int job;
        private int left;
        private int items;
        private long began;

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            Part p = CODEC.decode(message, Part.class);
            coordinator = from;
            job = p.job();
            left = p.items();
            items = p.items();
            began = ctx.clock().monotonicNanos();
            ctx.setTimer(Duration.ZERO, ITEM);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            // this handler is the work on one item: it costs handler time x slowness
            if (--left > 0) {
                ctx.setTimer(Duration.ZERO, ITEM);
            } else {
                ctx.send(coordinator, CODEC.encode(new PartDone(job, items, ctx.clock().monotonicNanos() - began)));
            }
        }
    }

    /** How one job went: parts, when each worker finished, and when the whole job did. */
    public record JobResult(int job, int[] parts, long[] finishedNanos, long completionNanos) {
        @Override
        public String toString() {
            return "job " + job + " parts " + Arrays.toString(parts) + " done after " + completionNanos / 1_000_000.0 + " ms";
        }
    }

    /** The coordinator: splits each job, waits for every part, then starts the next job. */
    public static final class Coordinator implements Node {
        private static final Object NEXT = "next-job";
        private final int itemsPerJob;
        private final int jobs;
        private final boolean speedAware;
        private final List<JobResult> results = new ArrayList<>();
        private double[] ratePerNano;
        private List<Address> workers;
        private int job;
        private int[] parts;
        private long[] finished;
        private int pending;
        private long started;

        public Coordinator(int itemsPerJob, int jobs, boolean speedAware) {
            this.itemsPerJob = itemsPerJob;
            this.jobs = jobs;
            this.speedAware = speedAware;
        }

        @Override
        public void onStart(Context ctx) {
            workers = ctx.nodes().stream().filter(a -> !a.equals(ctx.self())).toList();
            ratePerNano = new double[workers.size()];
            ctx.setTimer(Duration.ZERO, NEXT);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            parts = split();
            finished = new long[workers.size()];
            pending = 0;
            started = ctx.clock().monotonicNanos();
            for (int i = 0; i < workers.size(); i++) {
                if (parts[i] > 0) {
                    pending++;
                    ctx.send(workers.get(i), CODEC.encode(new Part(job, parts[i])));
                }
            }
        }

        /** Equal shares, or shares proportional to each worker's rate measured in the last job. */
        int[] split() {
            int n = workers.size();
            int[] p = new int[n];
            double total = Arrays.stream(ratePerNano).sum();
            if (!speedAware || total == 0) {
                for (int i = 0; i < n; i++) {
                    p[i] = itemsPerJob / n + (i < itemsPerJob % n ? 1 : 0);
                }
                return p;
            }
            int given = 0;
            for (int i = 0; i < n; i++) {
                p[i] = (int) Math.floor(itemsPerJob * ratePerNano[i] / total);
                given += p[i];
            }
            // hand out the remainder to the fastest workers first
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(ratePerNano[y], ratePerNano[x]));
            for (int k = 0; given < itemsPerJob; k = (k + 1) % n) {
                p[order[k]]++;
                given++;
            }
            return p;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            PartDone d = CODEC.decode(message, PartDone.class);
            int i = workers.indexOf(from);
            finished[i] = ctx.clock().monotonicNanos() - started;
            ratePerNano[i] = (double) d.items() / d.busyNanos();
            if (--pending == 0) {
                results.add(new JobResult(job, parts.clone(), finished.clone(), ctx.clock().monotonicNanos() - started));
                if (++job < jobs) {
                    ctx.setTimer(Duration.ZERO, NEXT);
                }
            }
        }

        public List<JobResult> results() {
            return List.copyOf(results);
        }
    }

    /**
     * Runs {@code jobs} jobs of {@code items} items over workers with the given slowness factors
     * (1 = normal), each item costing {@code itemTime} at normal speed.
     */
    public static List<JobResult> run(long seed, double[] slowness, int items, int jobs, boolean speedAware,
                                      Duration itemTime) {
        Simulation sim = simulate(seed, slowness, items, jobs, speedAware, itemTime);
        return sim.node(sim.nodes().get(0), Coordinator.class).results();
    }

    /** The same run, returning the simulation (with its trace) for diagrams; keep {@code items} small. */
    public static Simulation simulate(long seed, double[] slowness, int items, int jobs, boolean speedAware,
                                      Duration itemTime) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(CODEC::describe);
        sim.setHandlerTime(itemTime);
        sim.addNode("coordinator", () -> new Coordinator(items, jobs, speedAware));
        for (int i = 0; i < slowness.length; i++) {
            Address w = sim.addNode("worker-" + (i + 1), Worker::new);
            sim.setSlowness(w, slowness[i]);
        }
        sim.runUntilQuiet(Duration.ofMinutes(10));
        return sim;
    }
}
