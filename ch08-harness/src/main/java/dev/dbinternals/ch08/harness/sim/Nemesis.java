package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A seeded generator of fault schedules: random partitions (symmetric and one way), crashes with
 * restarts, pauses and clock steps for a while, then its cuts healed — the "nemesis" of Jepsen,
 * the fault generator of simulation testing. {@link #random} draws the rates themselves from the
 * seed, so a thousand seeds cover calm runs (no fault of some kind, or none at all) and stormy ones
 * alike; the same seed gives the same schedule, which {@link #plan} returns; each fault is written into
 * the trace as a note when it happens ("nemesis: ...", next to the event it causes; a crash or pause
 * aimed at a node that is already down is skipped).
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애) and "Failure
 * Models" (장애 모델): the faults a protocol must survive, generated instead of scripted by hand.
 *
 * <p>Partitions follow one another (each heals before the next begins); crashes, pauses and clock
 * steps may overlap. By the end of {@code active} every partition it made has healed (its own only:
 * a partition the scenario set up stays) and every crashed target restarts, so a protocol gets the
 * quiet period its liveness needs (a pause begun shortly before the end may still run past it, and
 * clock steps are not undone). Not thread-safe; one schedule per simulation.
 */
public final class Nemesis {

    /**
     * Faults per second of virtual time, by kind, and the share of partitions that cut one way only.
     * Mean durations: partitions 300 ms, downtime 150 ms, pauses 100 ms; clock steps up to ±500 ms.
     */
    public record Rates(double partitionsPerSecond, double oneWayShare, double crashesPerSecond,
                       double pausesPerSecond, double clockStepsPerSecond) {
        public Rates {
            for (double r : new double[] {partitionsPerSecond, crashesPerSecond, pausesPerSecond, clockStepsPerSecond}) {
                if (!(r >= 0 && r <= 1000)) {
                    throw new IllegalArgumentException("a fault rate must be from 0 to 1000 per second, got " + r);
                }
            }
            if (!(oneWayShare >= 0 && oneWayShare <= 1)) {
                throw new IllegalArgumentException("the one-way share must be from 0 to 1, got " + oneWayShare);
            }
        }

        /** No fault at all. */
        public static Rates calm() {
            return new Rates(0, 0, 0, 0, 0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "partitions %.2f/s (%.0f%% one-way), crashes %.2f/s, pauses %.2f/s, clock steps %.2f/s",
                    partitionsPerSecond, oneWayShare * 100, crashesPerSecond, pausesPerSecond, clockStepsPerSecond);
        }
    }

    private final long seed;
    private final Rates rates;
    private Set<Address> targets;

    /** A nemesis with the given rates; {@code seed} fixes every choice of its schedule. */
    public Nemesis(long seed, Rates rates) {
        this.seed = seed;
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    /**
     * A nemesis whose rates are drawn from {@code seed} too: each kind of fault is absent with
     * probability 1/4, else its rate is uniform in a range (partitions up to 4/s, crashes and pauses
     * up to 3/s, clock steps up to 2/s, one-way share uniform in [0, 1]).
     */
    public static Nemesis random(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x6e656d65736973L); // "nemesis"
        return new Nemesis(seed, new Rates(maybe(r, 4), r.nextDouble(), maybe(r, 3), maybe(r, 3), maybe(r, 2)));
    }

    private static double maybe(SplittableRandom r, double max) {
        return r.nextInt(4) == 0 ? 0 : r.nextDouble() * max;
    }

    /** Limits crashes, pauses and clock steps to these nodes (for example: not the clients); partitions still cut anywhere. */
    public Nemesis targets(Collection<Address> nodes) {
        this.targets = new TreeSet<>(nodes);
        return this;
    }

    public Rates rates() {
        return rates;
    }

    /**
     * Plans the faults of the next {@code active} of virtual time into {@code sim} (from its current
     * time), then the heal, and returns the schedule, one line per fault ("12.345ms crash B for
     * 140.000ms"). Run the simulation afterwards, past {@code active}, as usual.
     */
    public List<String> plan(Simulation sim, Duration active) {
        if (active.isNegative()) {
            throw new IllegalArgumentException("the active period must not be negative, got " + active);
        }
        List<Address> all = List.copyOf(new TreeSet<>(sim.nodes()));
        List<Address> victims = targets == null ? all : all.stream().filter(targets::contains).toList();
        long start = sim.nowNanos();
        long end = Simulation.plus(start, Simulation.nanos(active));
        SplittableRandom r = new SplittableRandom(seed);
        List<Planned> schedule = new ArrayList<>();
        sim.note(null, "nemesis (seed " + seed + "): " + rates + ", active for " + Trace.formatNanos(end - start));

        // partitions, one after another
        for (long t = next(r, start, rates.partitionsPerSecond()); t < end && all.size() > 1; ) {
            long lasts = exp(r, 300_000_000L);
            long healAt = Math.min(end, Simulation.plus(t, Math.max(1, lasts))); // after the cut, even when ties are shuffled
            Set<Address> side = new TreeSet<>();
            for (Address a : all) {
                if (r.nextBoolean()) {
                    side.add(a);
                }
            }
            if (side.isEmpty() || side.size() == all.size()) { // a cut needs two non-empty sides
                side = Set.of(all.get(r.nextInt(all.size())));
            }
            Set<Address> rest = new TreeSet<>(all);
            rest.removeAll(side);
            Set<Address> from = side;
            boolean oneWay = r.nextDouble() < rates.oneWayShare();
            String line = fmt(t) + (oneWay ? " one-way partition " + from + " -/-> " + rest : " partition " + from + " | " + rest)
                    + " for " + Trace.formatNanos(healAt - t);
            schedule.add(new Planned(t, line));
            Network.Partition[] cut = new Network.Partition[1];
            sim.at(Duration.ofNanos(t), () -> {
                sim.note(null, "nemesis: " + line);
                cut[0] = oneWay ? sim.network().partitionOneWay(from, rest) : sim.network().partition(from, rest);
            });
            // heals its own cut only: a partition the scenario set up stays in place
            sim.at(Duration.ofNanos(healAt), () -> {
                if (cut[0] != null) {
                    cut[0].heal();
                }
            });
            t = next(r, healAt, rates.partitionsPerSecond());
        }
        // crashes with restarts, pauses, clock steps: independent Poisson streams
        for (long t = next(r, start, rates.crashesPerSecond()); t < end && !victims.isEmpty(); t = next(r, t, rates.crashesPerSecond())) {
            Address a = victims.get(r.nextInt(victims.size()));
            long upAt = Math.min(end, Simulation.plus(t, exp(r, 150_000_000L)));
            String line = fmt(t) + " crash " + a + " for " + Trace.formatNanos(upAt - t);
            schedule.add(new Planned(t, line));
            boolean[] struck = new boolean[1];
            sim.at(Duration.ofNanos(t), () -> {
                if (!sim.isCrashed(a)) {
                    sim.note(a, "nemesis: " + line);
                    sim.crash(a);
                    struck[0] = true;
                }
            });
            // only the crash that struck restarts its node: a skipped one must not cut an earlier, longer crash short
            sim.at(Duration.ofNanos(upAt), () -> {
                if (struck[0] && sim.isCrashed(a)) {
                    sim.restart(a);
                }
            });
        }
        for (long t = next(r, start, rates.pausesPerSecond()); t < end && !victims.isEmpty(); t = next(r, t, rates.pausesPerSecond())) {
            Address a = victims.get(r.nextInt(victims.size()));
            long lasts = Math.max(1, exp(r, 100_000_000L));
            String line = fmt(t) + " pause " + a + " for " + Trace.formatNanos(lasts);
            schedule.add(new Planned(t, line));
            sim.at(Duration.ofNanos(t), () -> {
                if (!sim.isCrashed(a)) {
                    sim.note(a, "nemesis: " + line);
                    sim.pause(a, Duration.ofNanos(lasts));
                }
            });
        }
        for (long t = next(r, start, rates.clockStepsPerSecond()); t < end && !victims.isEmpty(); t = next(r, t, rates.clockStepsPerSecond())) {
            Address a = victims.get(r.nextInt(victims.size()));
            long delta = r.nextLong(-500_000_000L, 500_000_001L);
            String line = fmt(t) + " clock step " + a + " by " + (delta < 0 ? "-" + Trace.formatNanos(-delta) : "+" + Trace.formatNanos(delta));
            schedule.add(new Planned(t, line));
            sim.at(Duration.ofNanos(t), () -> {
                sim.note(a, "nemesis: " + line);
                sim.clock(a).step(Duration.ofNanos(delta));
            });
        }
        // then quiet: the nemesis's last partition has healed (each heals by the end) and every crashed target comes back
        sim.at(Duration.ofNanos(end), () -> {
            sim.note(null, "nemesis: active period over, restarting crashed targets");
            for (Address a : victims) {
                if (sim.isCrashed(a)) {
                    sim.restart(a);
                }
            }
        });
        // by time; a stable sort keeps faults planned for the same instant in the order above
        schedule.sort(java.util.Comparator.comparingLong(Planned::at));
        return schedule.stream().map(Planned::line).toList();
    }

    private record Planned(long at, String line) {
    }

    /** The time of the next event of a Poisson stream with {@code perSecond} events a second, after {@code t}. */
    private static long next(SplittableRandom r, long t, double perSecond) {
        if (perSecond <= 0) {
            return Long.MAX_VALUE;
        }
        return Simulation.plus(t, Math.max(1, exp(r, (long) (1e9 / perSecond))));
    }

    /** An exponentially distributed duration with the given mean, in nanoseconds. */
    private static long exp(SplittableRandom r, long meanNanos) {
        return (long) (-Math.log(1 - r.nextDouble()) * meanNanos);
    }

    private static String fmt(long t) {
        return String.format(Locale.ROOT, "%12s", Trace.formatNanos(t));
    }
}
