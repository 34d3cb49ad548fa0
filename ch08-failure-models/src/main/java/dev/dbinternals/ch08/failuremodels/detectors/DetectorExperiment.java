package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Measures a failure detector's two costs over many simulated runs: how often it wrongly
 * suspects a live process, and how long it takes to suspect one that really crashed.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리, 장애 검출기). The setting: one
 * monitor, {@code senders} processes sending a heartbeat every {@code period} over links with a
 * long-tailed delay; every process (the monitor too) now and then stands still for a GC-like
 * pause of long-tailed length; one sender crashes for good at a random moment in the middle of
 * the run. Everything derives from the seed. Not thread-safe.
 */
public final class DetectorExperiment {

    /** The knobs of one experiment. */
    public record Config(int senders, Duration period, Duration checkEvery, Delay delay,
                         Duration meanTimeBetweenPauses, Duration pauseMedian, Duration pauseP99,
                         Duration runLength) {

        /** The setting of the README's table: 5 senders, 100 ms heartbeats, 2 ms/40 ms delays, a pause every ~10 s. */
        public static Config standard(Duration runLength) {
            return new Config(5, Duration.ofMillis(100), Duration.ofMillis(10),
                    Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(40)),
                    Duration.ofSeconds(10), Duration.ofMillis(80), Duration.ofMillis(900), runLength);
        }
    }

    /**
     * Totals over the seeds of one detector. {@code silenceAtSuspicionMillis} holds, for every
     * moment the detector began to suspect a peer (rightly or wrongly), how long that peer had been
     * silent on the monitor's monotonic clock: the time since its last heartbeat was handed to
     * the detector. For a timeout detector that is the timeout plus up to one check interval (more
     * if the monitor itself was paused); for phi-accrual, the timeout it acted like.
     */
    public record Result(String detector, int runs, long falseSuspicions, double liveNodeSeconds,
                         double wronglySuspectedSeconds, List<Double> detectionMillis, int missedCrashes,
                         List<Double> silenceAtSuspicionMillis) {

        /** Wrong suspicions of a live process, per process per minute. */
        public double falseSuspicionsPerNodeMinute() {
            return liveNodeSeconds == 0 ? 0 : falseSuspicions / (liveNodeSeconds / 60.0);
        }

        /** Share of live-process time spent wrongly suspected. */
        public double wronglySuspectedShare() {
            return liveNodeSeconds == 0 ? 0 : wronglySuspectedSeconds / liveNodeSeconds;
        }

        public double meanDetectionMillis() {
            return detectionMillis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        public double maxDetectionMillis() {
            return detectionMillis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /**
         * The median silence at which the detector began to suspect: the timeout it acted like (NaN
         * if it never suspected). The median, because a pause of the monitor itself makes it check
         * late and suspect every peer after a long silence at once, which would drag a mean up.
         */
        public double medianSilenceAtSuspicionMillis() {
            double[] sorted = silenceAtSuspicionMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        public double minSilenceAtSuspicionMillis() {
            return silenceAtSuspicionMillis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public double maxSilenceAtSuspicionMillis() {
            return silenceAtSuspicionMillis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    private DetectorExperiment() {
    }

    /** Runs seeds {@code firstSeed .. firstSeed + runs - 1} with a fresh detector from {@code detector} each. */
    public static Result run(Config cfg, Supplier<? extends FailureDetector> detector, long firstSeed, int runs) {
        long falseSuspicions = 0;
        double live = 0;
        double wrong = 0;
        List<Double> detection = new ArrayList<>();
        List<Double> silences = new ArrayList<>();
        int missed = 0;
        String name = detector.get().name();
        for (int i = 0; i < runs; i++) {
            One one = runOne(cfg, detector, firstSeed + i);
            falseSuspicions += one.falseSuspicions;
            live += one.liveNanos / 1e9;
            wrong += one.wrongNanos / 1e9;
            one.silencesAtSuspicionNanos.forEach(n -> silences.add(n / 1e6));
            if (one.detectionNanos < 0) {
                missed++;
            } else {
                detection.add(one.detectionNanos / 1e6);
            }
        }
        return new Result(name, runs, falseSuspicions, live, wrong, List.copyOf(detection), missed, List.copyOf(silences));
    }

    /** The measurements of one run. */
    static final class One {
        long falseSuspicions;
        long liveNanos;
        long wrongNanos;
        long detectionNanos = -1;
        long events;
        final List<Long> silencesAtSuspicionNanos = new ArrayList<>();
    }

    /**
     * Passes everything to the detector under test and writes down, whenever its answer for a
     * peer turns from "trust" to "suspect", how long that peer had been silent. Reads only the
     * monitor's own monotonic clock, as the detector does.
     */
    private static final class SilenceRecorder implements FailureDetector {
        private final FailureDetector inner;
        private final List<Long> silences;
        private final Map<Address, Long> lastHeard = new TreeMap<>();
        private final Map<Address, Boolean> suspected = new TreeMap<>();

        SilenceRecorder(FailureDetector inner, List<Long> silences) {
            this.inner = inner;
            this.silences = silences;
        }

        @Override
        public void start(List<Address> peers, LocalClock clock) {
            inner.start(peers, clock);
            peers.forEach(p -> lastHeard.put(p, clock.monotonicNanos()));
        }

        @Override
        public void heartbeat(Address from, LocalClock clock) {
            inner.heartbeat(from, clock);
            lastHeard.put(from, clock.monotonicNanos());
        }

        @Override
        public boolean suspects(Address peer, LocalClock clock) {
            boolean now = inner.suspects(peer, clock);
            Boolean before = suspected.put(peer, now);
            Long last = lastHeard.get(peer);
            if (now && !Boolean.TRUE.equals(before) && last != null) {
                silences.add(clock.monotonicNanos() - last);
            }
            return now;
        }

        @Override
        public String name() {
            return inner.name();
        }
    }

    static One runOne(Config cfg, Supplier<? extends FailureDetector> detector, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false); // long runs: measure through the listener, not the trace
        sim.network().setDefaults(LinkFaults.none().withDelay(cfg.delay()));
        SplittableRandom plan = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long end = cfg.runLength().toNanos();
        long crashAt = end / 3 + (long) (plan.nextDouble() * end / 3);
        One one = new One();
        Map<Address, Long> suspectedSince = new TreeMap<>();
        Address monitorAddr = Address.of("monitor");
        Address victim = Address.of("S1");
        MonitorNode.Listener listener = (peer, suspected) -> {
            long now = sim.nowNanos();
            boolean crashed = peer.equals(victim) && now >= crashAt;
            if (suspected) {
                if (crashed) {
                    if (one.detectionNanos < 0) {
                        one.detectionNanos = now - crashAt;
                    }
                } else {
                    one.falseSuspicions++;
                    suspectedSince.put(peer, now);
                }
            } else {
                Long since = suspectedSince.remove(peer);
                if (since != null) {
                    one.wrongNanos += now - since;
                }
            }
        };
        sim.addNode(monitorAddr, MonitorNode.with(() -> new SilenceRecorder(detector.get(), one.silencesAtSuspicionNanos),
                cfg.checkEvery(), listener));
        List<Address> senders = new ArrayList<>();
        for (int i = 1; i <= cfg.senders(); i++) {
            senders.add(sim.addNode("S" + i, () -> new HeartbeatSender(List.of(monitorAddr), cfg.period())));
        }
        for (Address a : sim.nodes()) {
            planPauses(sim, a, cfg, plan, end);
        }
        sim.at(Duration.ofNanos(crashAt), () -> {
            sim.crash(victim);
            // a false suspicion in progress when the victim dies becomes the detection
            Long since = suspectedSince.remove(victim);
            if (since != null) {
                one.wrongNanos += crashAt - since;
                one.detectionNanos = 0;
            }
        });
        sim.runFor(cfg.runLength());
        for (Map.Entry<Address, Long> e : suspectedSince.entrySet()) {
            one.wrongNanos += end - e.getValue();
        }
        one.liveNanos = (cfg.senders() - 1) * end + crashAt;
        one.events = sim.stats().events();
        return one;
    }

    private static void planPauses(Simulation sim, Address a, Config cfg, SplittableRandom plan, long end) {
        double sigma = Math.log((double) cfg.pauseP99().toNanos() / cfg.pauseMedian().toNanos()) / 2.326;
        long t = 0;
        while (true) {
            t += (long) (-Math.log(1 - plan.nextDouble()) * cfg.meanTimeBetweenPauses().toNanos());
            if (t >= end) {
                return;
            }
            long len = Math.max(1_000_000, (long) (cfg.pauseMedian().toNanos() * Math.exp(sigma * plan.nextGaussian())));
            long when = t;
            sim.at(Duration.ofNanos(when), () -> {
                if (!sim.isCrashed(a)) {
                    sim.pause(a, Duration.ofNanos(len));
                }
            });
        }
    }
}
