package dev.dbinternals.ch08.harness.sim;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A deterministic simulation of a distributed system: nodes, a faulty network, process and
 * clock faults, all in virtual time and driven by one seed.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애). The
 * section says, in paraphrase, that the best way to handle failures is to test for them, with a
 * test harness that can create partitions, simulate bit flips, increase latency, cause clock
 * drift and magnify relative processing speed. This class is that harness.
 *
 * <p>What it guarantees: the same seed and the same scenario give the same {@link Trace}, byte
 * for byte, provided the nodes keep the rules in {@link dev.dbinternals.ch08.harness.Node} (no
 * real clock, no randomness of their own, no order taken from a {@code HashMap}). Events run one
 * at a time in (virtual time, sequence number) order; every random choice comes from a stream
 * derived from the seed and a name ("link/A->B", "node/A", ...), so adding a node or touching
 * one link does not reshuffle the choices of the others. Nothing reads the real clock.
 *
 * <p>Every handler takes {@link #setHandlerTime handler time} of virtual time (10 µs by
 * default) times the node's {@link #setSlowness slowness}: the frames it sends leave when it
 * ends, its timers count from when it starts, and messages and timers that arrive while a node
 * is busy or paused wait for it, in arrival order. So the trace is in time order.
 *
 * <p>How to read it: the {@link Event events} come first, then the node's state
 * ({@link NodeState}), the public knobs, the loop ({@link #step}) and what each event does.
 * The {@link Network} decides each frame's fate and hands the copies that arrive back through
 * {@link #scheduleArrival}. A driver may pick every event itself instead of the clock (a schedule
 * search): {@link #runUntilChoice} and {@link #runChosen}, unused by the loop.
 *
 * <pre>{@code
 * Simulation sim = new Simulation(42);
 * Address a = sim.addNode("A", PingNode::new);
 * Address b = sim.addNode("B", PongNode::new);
 * sim.network().set(a, b, LinkFaults.none().withLoss(0.3));
 * sim.at(Duration.ofSeconds(1), () -> sim.crash(b));
 * sim.runFor(Duration.ofSeconds(5));
 * System.out.println(sim.trace().toText());
 * }</pre>
 *
 * <p>Not thread-safe: one thread builds and runs a simulation (nodes run on that thread too).
 */
public final class Simulation {

    /**
     * Counts of what happened, kept even when the trace is off; {@code discarded} counts frames
     * that nodes received and threw away unread ({@link Context#discard}, e.g. through
     * {@code Codec.receive}).
     */
    public record Stats(long sent, long delivered, long dropped, long duplicated, long corrupted,
                        long timersFired, long events, long discarded) {
    }

    // ------------------------------------------------------------------ events

    /** Something that happens at one point of virtual time. */
    sealed interface Event permits Start, Arrival, TimerDue, Action, Flush, Wake {
    }

    /** A node added to the run starts its first instance. */
    private record Start(NodeState node) implements Event {
    }

    /** One copy of a frame reaches its receiver (every copy of a send carries the send's id). */
    private record Arrival(NodeState to, Address from, long messageId, byte[] bytes) implements Event {
    }

    /** A timer comes due (it may have been cancelled, or belong to an instance that crashed since). */
    record TimerDue(NodeState node, Timer timer) implements Event {
    }

    /** A step of the fault plan ({@link #at}) or of the simulation itself (the end of a pause). */
    private record Action(Runnable action) implements Event {
    }

    /** A handler has ended: the frames it sent leave now, unless its instance crashed meanwhile. */
    record Flush(NodeState node, int incarnation, List<Outgoing> frames) implements Event {
    }

    /** A busy or paused node may be free again: it takes the oldest event waiting in its inbox. */
    private record Wake(NodeState node) implements Event {
    }

    /** A frame a running handler sent, waiting for the handler to end. */
    record Outgoing(NodeState to, byte[] bytes) {
    }

    /** An event in the queue: ordered by time, and events at the same time in the order scheduled. */
    private record Scheduled(long time, long seq, Event event) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }

    /** A timer a node set; the node forgets it when it fires, is cancelled or the node crashes. */
    static final class Timer {
        final long id;
        final Object tag;
        final int incarnation;
        boolean cancelled;

        /** The tag as the trace shows it: never an identity hash (see {@link #tagText}). */
        final String text;

        Timer(long id, Object tag, int incarnation) {
            this.id = id;
            this.tag = tag;
            this.text = tagText(tag);
            this.incarnation = incarnation;
        }
    }

    // ------------------------------------------------------------------ the state of a node

    /** Everything the simulation keeps about one node, across its crashes and restarts. */
    final class NodeState {
        final int number; // its position in nodes(): the network numbers links by it
        final Address address;
        final Supplier<? extends Node> factory;
        final SimStorage storage = new SimStorage();
        final SplittableRandom random;
        final SimClock clock;
        final Map<Long, Timer> timers = new HashMap<>(); // pending timers by id; looked up, never iterated
        // Arrivals and timers that came while the node was busy or paused, in arrival order. One
        // Wake is scheduled whenever this is not empty.
        final ArrayDeque<Event> inbox = new ArrayDeque<>();
        boolean wakeScheduled;
        Node instance;
        SimContext ctx;
        boolean crashed;
        int incarnation; // +1 at every crash: what an old instance left behind is ignored
        long pausedUntil;
        long busyUntil;
        long crashAt = Long.MAX_VALUE; // set by crashAfterHandler: dies when its running handler ends
        double slowness = 1.0;
        long discarded; // frames its handlers threw away unread

        NodeState(int number, Address address, Supplier<? extends Node> factory) {
            this.number = number;
            this.address = address;
            this.factory = factory;
            this.random = new SplittableRandom(streamSeed("node/" + address.name()));
            long monoOrigin = new SplittableRandom(streamSeed("clock/" + address.name())).nextLong(1L << 50);
            this.clock = new SimClock(Simulation.this, address, monoOrigin);
        }

        boolean busyOrPaused() {
            return now < busyUntil || now < pausedUntil;
        }
    }

    // ------------------------------------------------------------------ the simulation's state

    private static final List<Consumer<? super Simulation>> CREATION_LISTENERS = new CopyOnWriteArrayList<>();

    private final long seed;
    final Trace trace = new Trace();
    final Network network;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private long nextSeq;
    private record NamedInvariant(String name, BooleanSupplier holds) {
    }

    /** Checked after every event, in the order added. */
    private final List<NamedInvariant> invariants = new ArrayList<>();
    /** Null: events due at the same instant run in the order scheduled; else in an order drawn from the seed. */
    private SplittableRandom ties;
    private final List<NodeState> nodes = new ArrayList<>();
    private final Map<Address, NodeState> byAddress = new HashMap<>(); // looked up, never iterated
    List<Address> addresses = List.of();
    /** What {@link dev.dbinternals.ch08.harness.Context#nodes} gives a node: sorted by name, as over UDP. */
    List<Address> addressesByName = List.of();
    long now;
    private long handlerNanos = 10_000;
    private boolean running;
    // the node whose handler is running, when that handler ends, and the frames it sent so far
    NodeState current;
    long currentEnd;
    List<Outgoing> currentSends;
    long nextTimerId = 1;
    // the counters the simulation owns; the network keeps its own (see stats())
    private long delivered;
    private long droppedAtReceiver;
    private long timersFired;
    private long eventsRun;
    private long droppedByDriver; // driven runs only (runChosen)
    private long duplicatedByDriver;
    long discarded;

    /** A simulation whose every random choice derives from {@code seed}. */
    public Simulation(long seed) {
        this.seed = seed;
        this.network = new Network(this);
        for (Consumer<? super Simulation> listener : CREATION_LISTENERS) {
            listener.accept(this);
        }
    }

    /**
     * Calls {@code listener} with every simulation created from now on, on the creating thread,
     * at the end of its constructor. For tools around the simulation (a seed runner that writes
     * the trace of a failing run, for instance); a listener must not change the simulation.
     * Listeners stay for the life of the JVM.
     */
    public static void addCreationListener(Consumer<? super Simulation> listener) {
        CREATION_LISTENERS.add(Objects.requireNonNull(listener, "listener"));
    }

    public long seed() {
        return seed;
    }

    /** A seed for the named random stream: a pure function of (run seed, name), SplitMix64-mixed. */
    long streamSeed(String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a of the name
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix64(seed ^ mix64(h));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ nodes

    /** Adds a node named {@code name}; its {@code onStart} runs at the current virtual time. */
    public Address addNode(String name, Supplier<? extends Node> factory) {
        return addNode(Address.of(name), factory);
    }

    /** Adds a node at {@code address}; {@code factory} makes a fresh instance at start and after every restart. */
    public Address addNode(Address address, Supplier<? extends Node> factory) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(factory, "factory");
        if (byAddress.containsKey(address)) {
            throw new IllegalArgumentException("there is already a node named " + address);
        }
        NodeState s = new NodeState(nodes.size(), address, factory);
        nodes.add(s);
        byAddress.put(address, s);
        List<Address> all = new ArrayList<>(addresses);
        all.add(address);
        addresses = Collections.unmodifiableList(all);
        addressesByName = all.stream().sorted().toList();
        trace.setNodes(addresses);
        network.nodeAdded(address);
        schedule(now, new Start(s));
        return address;
    }

    /** Every node, in the order added. */
    public List<Address> nodes() {
        return addresses;
    }

    /**
     * The node's current instance, for checkers and tests (never call it from inside a node).
     * After a crash this is the crashed instance until the restart replaces it.
     */
    public <T extends Node> T node(Address a, Class<T> type) {
        NodeState s = state(a);
        if (s.instance == null) {
            s.instance = s.factory.get(); // not started yet: build it so a test can look at it
            s.ctx = new SimContext(this, s, s.incarnation);
        }
        if (!type.isInstance(s.instance)) {
            throw new IllegalArgumentException(a + " is a " + s.instance.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(s.instance);
    }

    NodeState state(Address a) {
        NodeState s = byAddress.get(Objects.requireNonNull(a, "address"));
        if (s == null) {
            throw new IllegalArgumentException("no node named " + a + " in this simulation (nodes: " + addresses + ")");
        }
        return s;
    }

    /** The node's number: its position in {@link #nodes()}. Throws unless {@code a} names a node of this run. */
    int number(Address a) {
        return state(a).number;
    }

    public Network network() {
        return network;
    }

    public Trace trace() {
        return trace;
    }

    /** The node's clocks and their fault knobs. */
    public SimClock clock(Address a) {
        return state(a).clock;
    }

    /** The node's disk (visible state, synced or not), for tests. */
    public DurableStorage storage(Address a) {
        return state(a).storage;
    }

    /** What survives a crash of the node right now: the synced state, read-only. */
    public Map<String, byte[]> durableState(Address a) {
        return state(a).storage.durableView();
    }

    /** True virtual time (checkers only: nodes read their own {@link Context#clock()}). */
    public Duration now() {
        return Duration.ofNanos(now);
    }

    public long nowNanos() {
        return now;
    }

    /** What the network counted (sent, dropped on the way, duplicated, corrupted) plus what the nodes did. */
    public Stats stats() {
        return new Stats(network.sent(), delivered, network.dropped() + droppedAtReceiver + droppedByDriver,
                network.duplicated() + duplicatedByDriver, network.corrupted(), timersFired, eventsRun, discarded);
    }

    /** Frames {@code a} received and threw away unread ({@link Context#discard}), over all its incarnations. */
    public long discarded(Address a) {
        return state(a).discarded;
    }

    /** How long every handler takes in virtual time before slowness (default 10 µs). */
    public void setHandlerTime(Duration d) {
        if (d.isNegative() || d.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("handler time must be in [0, 10s], got " + d);
        }
        handlerNanos = d.toNanos();
    }

    // ------------------------------------------------------------------ process faults

    /** Crash-stop: memory, timers and unsynced storage are gone; frames to it are dropped until {@link #restart}. */
    public void crash(Address a) {
        NodeState s = state(a);
        if (s.crashed) {
            return;
        }
        s.crashed = true;
        s.crashAt = Long.MAX_VALUE;
        s.incarnation++; // the frames its handlers have not sent yet, and its timers, die with it
        s.timers.clear();
        s.storage.crash();
        // frames waiting in the crashed node's buffers are gone with it
        for (Event e; (e = s.inbox.poll()) != null; ) {
            if (e instanceof Arrival lost) {
                dropAtReceiver(lost, "(was waiting in its buffer)");
            }
        }
        s.pausedUntil = 0;
        s.busyUntil = 0;
        record(now, Kind.CRASH, s.address, null, -1, null, "memory, timers and unsynced writes lost");
    }

    /**
     * A crash at a point <em>inside</em> a handler (a "fail point"): called from the node's
     * running handler, the node dies when that handler ends, after the frames it sent so far
     * have left, and before it handles anything else. The handler should return right after
     * the call, as a process that died there would. Outside the node's handler it crashes now.
     *
     * <p>Book: Chapter 8, "Crash Faults" (충돌): a recovering process may have stopped at any
     * step of its algorithm, so tests crash it at every step.
     */
    public void crashAfterHandler(Address a) {
        NodeState s = state(a);
        if (s.crashed) {
            return;
        }
        if (current != s || currentEnd <= now) {
            crash(a);
            return;
        }
        s.crashAt = currentEnd;
        int life = s.incarnation;
        // scheduled after the handler's Flush, so the frames it sent before dying still leave
        schedule(currentEnd, new Action(() -> {
            if (!s.crashed && s.incarnation == life) {
                crash(a);
            }
        }));
    }

    /** Runs a crash planned by {@link #crashAfterHandler} before the node handles anything else. */
    private boolean diesBefore(NodeState s) {
        if (now >= s.crashAt && !s.crashed) {
            crash(s.address);
        }
        return s.crashed;
    }

    /**
     * Crash-recovery: a fresh instance from the factory starts now, with storage holding what
     * was synced, and a monotonic clock from a new arbitrary origin, drawn from the seed (a new
     * process's clock; see {@link SimClock}). A running node is crashed first.
     */
    public void restart(Address a) {
        NodeState s = state(a);
        if (!s.crashed) {
            crash(a);
        }
        s.crashed = false;
        s.clock.newMonotonicOrigin(new SplittableRandom(streamSeed("clock/" + s.address.name() + "/life/" + s.incarnation)).nextLong(1L << 50));
        record(now, Kind.RESTART, s.address, null, -1, null,
                "incarnation " + s.incarnation + ", " + s.storage.keys().size() + " durable keys");
        startInstance(s, false);
    }

    public boolean isCrashed(Address a) {
        return state(a).crashed;
    }

    /**
     * The node stands still for {@code d} (a GC pause, a VM migration): it handles nothing,
     * frames for it wait, and timers that come due fire late, after the pause.
     */
    public void pause(Address a, Duration d) {
        NodeState s = state(a);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a pause must be positive, got " + d);
        }
        long until = plus(now, nanos(d));
        s.pausedUntil = Math.max(s.pausedUntil, until);
        record(now, Kind.PAUSE, s.address, null, -1, null, "for " + Trace.formatNanos(nanos(d)));
        int life = s.incarnation;
        at(until, () -> {
            if (s.incarnation == life && now >= s.pausedUntil) {
                record(now, Kind.RESUME, s.address, null, -1, null, null);
            }
        });
    }

    /**
     * Each handler of the node takes {@code factor} times the handler time: 1.0 is normal, 100 a
     * very slow node, 0.5 a node twice as fast as the others.
     */
    public void setSlowness(Address a, double factor) {
        if (!(factor > 0 && factor <= 1e6)) {
            throw new IllegalArgumentException("slowness must be in (0, 1000000], got " + factor);
        }
        NodeState s = state(a);
        s.slowness = factor;
        record(now, Kind.NOTE, s.address, null, -1, null, "slowness x" + factor);
    }

    /**
     * Checks {@code holds} after every event of the run (a delivery, a timer, a planned action...):
     * the first event after which it is false stops the run with an {@link InvariantViolation}, so
     * {@code trace()} ends with that event (and a note naming the invariant) — the shortest prefix of
     * this run that shows the violation. A predicate over node state reads the nodes through
     * {@link #node}: {@code sim.invariant("one leader", () -> leaders(sim) <= 1)}. Keep it cheap: it
     * runs once per event.
     */
    public Simulation invariant(String name, BooleanSupplier holds) {
        invariants.add(new NamedInvariant(Objects.requireNonNull(name, "name"), Objects.requireNonNull(holds, "holds")));
        return this;
    }

    /**
     * Events due at the same instant (two arrivals with equal delays, a timer and an arrival) run in
     * the order they were scheduled unless this is on; then in an order drawn from the seed — still
     * the same for the same seed, but different across seeds, so a protocol that silently relies on
     * one order of simultaneous events meets the other. Call it before the run.
     */
    public void shuffleSimultaneousEvents(boolean on) {
        ties = on ? new SplittableRandom(streamSeed("ties")) : null;
    }

    // ------------------------------------------------------------------ fault plan and running

    /** Runs {@code action} at virtual time {@code when} (from the start of the run): the fault plan. */
    public void at(Duration when, Runnable action) {
        if (when.isNegative()) {
            throw new IllegalArgumentException("a planned time must not be negative, got " + when);
        }
        at(nanos(when), action);
    }

    /** Runs {@code action} after {@code delay} from now. */
    public void after(Duration delay, Runnable action) {
        at(now().plus(delay), action);
    }

    private void at(long when, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (when < now) {
            throw new IllegalArgumentException("cannot plan an action in the past: " + Trace.formatNanos(when)
                    + " < now " + Trace.formatNanos(now));
        }
        schedule(when, new Action(action));
    }

    /** Advances virtual time by {@code d}, running every event due until then. */
    public void runFor(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot run for a negative time: " + d);
        }
        long limit = plus(now, nanos(d));
        enter();
        try {
            while (step(limit)) {
                // run
            }
            now = limit;
        } finally {
            running = false;
        }
    }

    /**
     * Runs until {@code done} holds (checked before the first event and after each one) or
     * {@code limit} of virtual time passed; returns whether {@code done} held.
     */
    public boolean runUntil(BooleanSupplier done, Duration limit) {
        Objects.requireNonNull(done, "done");
        if (limit.isNegative()) {
            throw new IllegalArgumentException("cannot run for a negative time: " + limit);
        }
        long end = plus(now, nanos(limit));
        enter();
        try {
            while (!done.getAsBoolean()) {
                if (!step(end)) {
                    now = Math.max(now, end);
                    return done.getAsBoolean();
                }
            }
            return true;
        } finally {
            running = false;
        }
    }

    /** Runs until no event is left or {@code limit} passed; true if the system went quiet. */
    public boolean runUntilQuiet(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("cannot run for a negative time: " + limit);
        }
        long end = plus(now, nanos(limit));
        enter();
        try {
            while (step(end)) {
                // run
            }
            if (!queue.isEmpty()) {
                now = end;
                return false;
            }
            return true;
        } finally {
            running = false;
        }
    }

    // ------------------------------------------------------------------ time that cannot overflow

    /**
     * {@code d} in nanoseconds, saturated: a {@link Duration} longer than {@code Long.MAX_VALUE}
     * nanoseconds (about 292 years) counts as that many, where {@link Duration#toNanos} would throw.
     */
    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * {@code time + delta}, saturated at {@code Long.MAX_VALUE}: virtual time ends there and never
     * wraps around to a negative time (a timer set 300 years ahead would otherwise fire at once, and
     * a long {@code runFor} would move the clock backwards).
     */
    static long plus(long time, long delta) {
        long sum = time + delta;
        if (((time ^ sum) & (delta ^ sum)) < 0) { // the sign flipped: overflow
            return delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    /**
     * What the trace prints for a timer tag. A tag whose class keeps {@link Object#toString} would
     * print its identity hash, which differs between runs and JVM flags and so would change the
     * trace (and its hash) of the same seed; such a tag prints as its class name instead (a lambda
     * or another hidden class as {@code lambda}). Records, enums and strings print as themselves.
     */
    static String tagText(Object tag) {
        if (tag == null) {
            return "null";
        }
        Class<?> type = tag.getClass();
        try {
            if (type.getMethod("toString").getDeclaringClass() != Object.class) {
                return String.valueOf(tag);
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e); // every class has toString
        }
        return type.isHidden() || type.isSynthetic() ? "lambda" : type.getName();
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException("the simulation is already running: plan actions with at(...) instead of running from inside a run");
        }
        running = true;
    }

    void schedule(long time, Event event) {
        queue.add(new Scheduled(time, ties == null ? nextSeq++ : ties.nextLong(), event));
    }

    /** Runs the next event if it is due by {@code limit}; false when there is none. */
    private boolean step(long limit) {
        Scheduled next = queue.peek();
        if (next == null || next.time() > limit) {
            return false;
        }
        queue.poll();
        now = next.time();
        dispatch(next.event());
        checkInvariants();
        return true;
    }

    /** What one event does (the loop and a driven run share it). */
    private void dispatch(Event e) {
        eventsRun++;
        // (a switch over the sealed type needs Java 21; this chain is the same dispatch)
        if (e instanceof Arrival a) {
            arrive(a);
        } else if (e instanceof TimerDue t) {
            timerDue(t);
        } else if (e instanceof Action a) {
            a.action().run();
        } else if (e instanceof Flush f) {
            flush(f);
        } else if (e instanceof Wake w) {
            wake(w.node());
        } else if (e instanceof Start s) {
            start(s.node());
        }
    }

    /**
     * Checks every {@link #invariant} now, in the order added; the first that fails is noted in the
     * trace and thrown as an {@link InvariantViolation}. The loop calls it after every event; a
     * driver of a {@linkplain #runChosen driven run} calls it after a fault it caused itself (a crash).
     */
    public void checkInvariants() {
        for (int k = 0; k < invariants.size(); k++) { // indexed: no iterator per event on the hot path
            NamedInvariant inv = invariants.get(k);
            if (!inv.holds().getAsBoolean()) {
                record(now, Kind.NOTE, null, null, -1, null, "invariant '" + inv.name() + "' broken");
                throw new InvariantViolation(inv.name(), now, seed, eventsRun);
            }
        }
    }

    // ------------------------------------------------------------------ driven runs: a driver picks each event

    /** What a driver does with the event it chose ({@link #runChosen}). */
    public enum Fate {
        /** Deliver the message, or fire the timer. */
        RUN,
        /** The network loses this copy of the message. */
        DROP,
        /** Deliver the message and keep one more copy of it in flight, for the driver to choose later. */
        DUPLICATE
    }

    /**
     * An event a driver may run next ({@link #runUntilChoice}): a copy of a message in flight, or a
     * live timer. It stays valid while it is pending; a driver re-reads the list after every event.
     */
    public static final class Pending {
        private final Scheduled scheduled;
        private final boolean enabled;

        private Pending(Scheduled scheduled, boolean enabled) {
            this.scheduled = scheduled;
            this.enabled = enabled;
        }

        /** A copy of a message in flight (else a timer). */
        public boolean isMessage() {
            return scheduled.event() instanceof Arrival;
        }

        /** The receiver of the message, or the node whose timer it is. */
        public Address node() {
            return scheduled.event() instanceof Arrival a ? a.to().address : ((TimerDue) scheduled.event()).node().address;
        }

        /** The sender of the message; null for a timer. */
        public Address from() {
            return scheduled.event() instanceof Arrival a ? a.from() : null;
        }

        /** The message's id in the trace (all copies of one send share it); -1 for a timer. */
        public long messageId() {
            return scheduled.event() instanceof Arrival a ? a.messageId() : -1;
        }

        /** The message's bytes (a copy); empty for a timer. */
        public byte[] bytes() {
            return scheduled.event() instanceof Arrival a ? a.bytes().clone() : new byte[0];
        }

        /** The timer's tag as the node set it; null for a message. */
        public Object timerTag() {
            return scheduled.event() instanceof TimerDue t ? t.timer().tag : null;
        }

        /** The timer's tag as the trace prints it (never an identity hash: see {@link #tagText}); "" for a message. */
        public String timerText() {
            return scheduled.event() instanceof TimerDue t ? t.timer().text : "";
        }

        /**
         * Whether a driver may run it now: a message always (in an asynchronous network any message
         * in flight may arrive next); a timer only when it is its node's earliest live timer (a node's
         * own clock fires its timers in the order they come due).
         */
        public boolean enabled() {
            return enabled;
        }

        /** When the loop would have run it (virtual time); a driven run may run it later. */
        public long dueNanos() {
            return scheduled.time();
        }

        /** {@code #3 A->B} for a message, {@code timer B retry} for a timer. */
        @Override
        public String toString() {
            return scheduled.event() instanceof Arrival a ? "#" + a.messageId() + " " + a.from() + "->" + a.to().address
                    : "timer " + node() + " " + timerText();
        }
    }

    /**
     * For a driver that picks each event instead of the clock (a schedule search: see
     * {@code explore.ScheduleSearch}). Runs the simulation's own events first — a node's start, the
     * end of a handler, a busy node taking its next waiting event, a timer that was cancelled or died
     * with a crash, and a planned action ({@link #at}) once it is due — and
     * returns what is left to choose: every copy of a message in flight and every live timer, in
     * (due time, sequence) order, each marked {@link Pending#enabled}. Empty when nothing is left.
     * Nothing of this runs unless a driver calls it: the loop ({@link #runFor} ...) is unchanged.
     */
    public List<Pending> runUntilChoice() {
        enter();
        try {
            for (Scheduled next; (next = nextUnchosen()) != null; ) {
                queue.remove(next);
                now = Math.max(now, next.time()); // a driven run may have run later events already
                dispatch(next.event());
                checkInvariants();
            }
            List<Scheduled> choices = new ArrayList<>();
            for (Scheduled q : queue) {
                if (isChoice(q.event())) {
                    choices.add(q);
                }
            }
            Collections.sort(choices);
            List<Pending> out = new ArrayList<>(choices.size());
            List<NodeState> withTimer = new ArrayList<>();
            for (Scheduled q : choices) {
                boolean enabled = true;
                if (q.event() instanceof TimerDue t) {
                    enabled = !withTimer.contains(t.node()); // the node's earliest live timer only
                    withTimer.add(t.node());
                }
                out.add(new Pending(q, enabled));
            }
            return out;
        } finally {
            running = false;
        }
    }

    /**
     * The earliest event that is not the driver's to choose and may run now: a node's own progress
     * (its start, the end of a handler that sends its frames, a busy node taking its next waiting
     * event, a dead timer) at once, even when a message in flight was due earlier, since the driver
     * may deliver that message at any later point (else a message sent after the driver jumped past
     * another's due time could never overtake it); a planned action only once virtual time has
     * reached it or it is the earliest event of all (planned actions keep virtual time).
     */
    private Scheduled nextUnchosen() {
        Scheduled first = queue.peek();
        Scheduled best = null;
        for (Scheduled q : queue) {
            if (isChoice(q.event()) || (q.event() instanceof Action && q.time() > now && q != first)) {
                continue;
            }
            if (best == null || q.compareTo(best) < 0) {
                best = q;
            }
        }
        return best;
    }

    /** A message in flight, or a timer that will fire (not cancelled, not left over from an earlier life). */
    private static boolean isChoice(Event e) {
        if (e instanceof Arrival) {
            return true;
        }
        return e instanceof TimerDue t && !t.timer().cancelled && !t.node().crashed && t.timer().incarnation == t.node().incarnation;
    }

    /**
     * Runs the chosen event now (virtual time moves to its due time if that is later): the message
     * is delivered, dropped, or delivered with one more copy kept in flight; a timer fires
     * ({@link Fate#RUN} only). Invariants are checked after it, as after every event of the loop.
     */
    public void runChosen(Pending p, Fate fate) {
        Objects.requireNonNull(p, "pending");
        Objects.requireNonNull(fate, "fate");
        if (!p.enabled) {
            throw new IllegalArgumentException(p + " is not enabled: an earlier timer of " + p.node() + " fires first");
        }
        if (!p.isMessage() && fate != Fate.RUN) {
            throw new IllegalArgumentException("a timer can only run, not " + fate + ": " + p);
        }
        enter();
        try {
            if (!queue.remove(p.scheduled)) {
                throw new IllegalArgumentException(p + " is no longer pending");
            }
            now = Math.max(now, p.scheduled.time());
            if (p.scheduled.event() instanceof Arrival a && fate != Fate.RUN) {
                if (fate == Fate.DROP) {
                    droppedByDriver++;
                    record(now, Kind.DROP, a.from(), a.to().address, a.messageId(), a.bytes(), DropReason.LOSS + " (chosen by the driver)");
                    checkInvariants();
                    return;
                }
                duplicatedByDriver++;
                record(now, Kind.DUPLICATE, a.from(), a.to().address, a.messageId(), a.bytes(), "a copy stays in flight (chosen by the driver)");
                schedule(p.scheduled.time(), new Arrival(a.to(), a.from(), a.messageId(), a.bytes().clone()));
            }
            dispatch(p.scheduled.event());
            checkInvariants();
        } finally {
            running = false;
        }
    }

    // ------------------------------------------------------------------ what each event does

    private void start(NodeState s) {
        if (!s.crashed && (s.ctx == null || !s.ctx.started)) {
            startInstance(s, true);
        }
    }

    /** Called by the network for each copy of a frame that will reach node {@code to} at {@code time}. */
    void scheduleArrival(long time, int from, int to, long messageId, byte[] bytes) {
        schedule(time, new Arrival(nodes.get(to), nodes.get(from).address, messageId, bytes));
    }

    private void arrive(Arrival a) {
        NodeState s = a.to();
        if (diesBefore(s)) {
            dropAtReceiver(a, null);
            return;
        }
        if (!waitsInInbox(a, s)) {
            handleMessage(a, s);
        }
    }

    private void timerDue(TimerDue t) {
        NodeState s = t.node();
        if (t.timer().cancelled || diesBefore(s) || t.timer().incarnation != s.incarnation) {
            return;
        }
        if (!waitsInInbox(t, s)) {
            handleTimer(t.timer(), s);
        }
    }

    /**
     * A handler's frames leave when it ends; sending them from an event at that time keeps the
     * trace in time order. An instance that crashed in between never sent them.
     */
    private void flush(Flush f) {
        NodeState s = f.node();
        if (s.crashed || f.incarnation() != s.incarnation) {
            return;
        }
        for (Outgoing o : f.frames()) {
            network.send(s.number, o.to().number, o.bytes(), now);
        }
    }

    /** Parks an event for a node that is busy or paused (or has others waiting), keeping arrival order. */
    private boolean waitsInInbox(Event e, NodeState s) {
        if (s.inbox.isEmpty() && !s.busyOrPaused()) {
            return false;
        }
        s.inbox.add(e);
        scheduleWake(s);
        return true;
    }

    private void scheduleWake(NodeState s) {
        if (!s.wakeScheduled) {
            s.wakeScheduled = true;
            schedule(Math.max(now, Math.max(s.busyUntil, s.pausedUntil)), new Wake(s));
        }
    }

    /** The node is (maybe) free again: it handles the oldest waiting event. */
    private void wake(NodeState s) {
        s.wakeScheduled = false;
        if (s.inbox.isEmpty() || diesBefore(s)) {
            return;
        }
        if (s.busyOrPaused()) {
            scheduleWake(s); // the pause was extended
            return;
        }
        Event e = s.inbox.poll();
        if (e instanceof Arrival a) {
            handleMessage(a, s);
        } else if (e instanceof TimerDue t && !t.timer().cancelled && t.timer().incarnation == s.incarnation) {
            handleTimer(t.timer(), s);
        }
        if (!s.inbox.isEmpty()) {
            scheduleWake(s);
        }
    }

    private void dropAtReceiver(Arrival a, String more) {
        droppedAtReceiver++;
        record(now, Kind.DROP, a.from(), a.to().address, a.messageId(), a.bytes(),
                more == null ? DropReason.RECEIVER_CRASHED.name() : DropReason.RECEIVER_CRASHED + " " + more);
    }

    // ------------------------------------------------------------------ running a node's handlers

    private void handleMessage(Arrival a, NodeState s) {
        delivered++;
        byte[] bytes = a.bytes();
        if (trace.isEnabled()) {
            record(now, Kind.DELIVER, s.address, a.from(), a.messageId(), bytes, null);
            bytes = bytes.clone(); // the handler may scribble on its array; the trace keeps what arrived
        }
        beginHandler(s);
        try {
            s.instance.onMessage(s.ctx, a.from(), bytes);
        } catch (RuntimeException ex) {
            throw failure(s, t("handling message #" + a.messageId() + " from " + a.from(), a.from() + "에서 온 메시지 #" + a.messageId() + " 처리"), ex);
        } finally {
            current = null;
        }
    }

    private void handleTimer(Timer timer, NodeState s) {
        s.timers.remove(timer.id);
        timersFired++;
        if (trace.isEnabled()) {
            record(now, Kind.TIMER_FIRE, s.address, null, -1, null, "timer " + timer.id + " " + timer.text);
        }
        beginHandler(s);
        try {
            s.instance.onTimer(s.ctx, timer.tag);
        } catch (RuntimeException ex) {
            throw failure(s, t("handling timer " + timer.text, "타이머 " + timer.text + " 처리"), ex);
        } finally {
            current = null;
        }
    }

    private void startInstance(NodeState s, boolean reuseUnstarted) {
        if (!(reuseUnstarted && s.instance != null && s.ctx != null && !s.ctx.started)) {
            // a test may have looked at the instance before the run (node(...)): keep that one
            s.instance = Objects.requireNonNull(s.factory.get(), "the node factory of " + s.address + " returned null");
        }
        s.ctx = new SimContext(this, s, s.incarnation);
        s.ctx.started = true;
        beginHandler(s);
        try {
            s.instance.onStart(s.ctx);
        } catch (RuntimeException ex) {
            throw failure(s, t("starting", "시작"), ex);
        } finally {
            current = null;
        }
    }

    private void beginHandler(NodeState s) {
        current = s;
        currentEnd = now + (long) (handlerNanos * s.slowness);
        currentSends = null;
        s.busyUntil = currentEnd;
    }

    private SimulationException failure(NodeState s, String what, RuntimeException ex) {
        return new SimulationException(t("node " + s.address + " threw while " + what + " at "
                + Trace.formatNanos(now) + " (seed " + seed + "): ", "노드 " + s.address + ": " + Trace.formatNanos(now)
                + "에 " + what + " 중 예외를 던졌다 (시드 " + seed + "): ") + ex, ex);
    }

    // ------------------------------------------------------------------ the trace

    /**
     * Adds an event to the trace (when it is on), stamped with {@code node}'s own wall clock at
     * {@code t}. The network records its events through this too.
     */
    void record(long t, Kind kind, Address node, Address peer, long id, byte[] payload, String detail) {
        if (trace.isEnabled()) {
            long wall = node == null ? 0 : byAddress.get(node).clock.wallMillisAt(t);
            trace.add(new TraceEvent(t, kind, node, peer, id, payload, detail, wall));
        }
    }

    /** Writes a note into the trace from a test or fault plan (network-wide when {@code node} is null). */
    public void note(Address node, String text) {
        record(now, Kind.NOTE, node == null ? null : state(node).address, null, -1, null, text);
    }
}
