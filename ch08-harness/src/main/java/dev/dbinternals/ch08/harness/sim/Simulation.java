package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
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
 * real clock, no randomness of their own, no order taken from a {@code HashMap}). Events run one at a time in (virtual time, sequence number) order; every random
 * choice comes from a stream derived from the seed and a name ("link/A->B", "node/A", ...), so
 * adding a node or touching one link does not reshuffle the choices of the others. Nothing
 * reads the real clock.
 *
 * <p>Every handler takes {@link #setHandlerTime handler time} of virtual time (10 µs by
 * default) times the node's {@link #setSlowness slowness}: the frames it sends leave when it
 * ends, its timers count from when it starts, and messages and timers that arrive while a node
 * is busy or paused wait for it, in arrival order. So the trace is in time order.
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

    /** Counts of what happened, kept even when the trace is off. */
    public record Stats(long sent, long delivered, long dropped, long duplicated, long corrupted,
                        long timersFired, long events) {
    }

    static final int DELIVER = 0;
    static final int TIMER = 1;
    static final int ACTION = 2;
    static final int START = 3;
    static final int WAKE = 4;
    static final int FLUSH = 5;

    /** A scheduled event. Fields rather than subclasses: the hot path does no virtual dispatch. */
    static final class Ev {
        int type;
        long time;
        long seq;
        NodeSlot node;
        int from;
        long id;
        byte[] payload;
        Object tag;
        int incarnation;
        boolean cancelled;
        Runnable action;
    }

    /** Everything the simulation keeps about one node, across its crashes and restarts. */
    final class NodeSlot {
        final int index;
        final Address address;
        final Supplier<? extends Node> factory;
        final SimStorage storage = new SimStorage();
        final SplittableRandom random;
        final SimClock clock;
        final Map<Long, Ev> timers = new HashMap<>(); // looked up by id, never iterated
        // events that came while the node was busy or paused, in arrival order; one WAKE event
        // is pending whenever this is non-empty (a FIFO, not re-queueing: n waiting events cost O(n))
        final ArrayDeque<Ev> inbox = new ArrayDeque<>();
        boolean wakeScheduled;
        // frames sent by the running handler, leaving when it ends (one FLUSH event per handler)
        ArrayList<Object> outbox;
        long outboxTime = -1;
        Node instance;
        SimContext ctx;
        boolean crashed;
        int incarnation;
        long pausedUntil;
        long busyUntil;
        // set by crashAfterHandler: the node dies when its running handler ends
        long crashAt = Long.MAX_VALUE;
        double slowness = 1.0;

        NodeSlot(int index, Address address, Supplier<? extends Node> factory) {
            this.index = index;
            this.address = address;
            this.factory = factory;
            this.random = new SplittableRandom(streamSeed("node/" + address.name()));
            long monoOrigin = new SplittableRandom(streamSeed("clock/" + address.name())).nextLong(1L << 50);
            this.clock = new SimClock(Simulation.this, this, monoOrigin);
        }
    }

    private final long seed;
    final Trace trace = new Trace();
    private final Network network;
    private final EventQueue queue = new EventQueue();
    private final List<NodeSlot> slots = new ArrayList<>();
    private final Map<Address, NodeSlot> byAddress = new HashMap<>(); // looked up, never iterated
    private List<Address> addresses = List.of();
    private long now;
    private long seq;
    private long handlerNanos = 10_000;
    private boolean running;
    // the node whose handler is running, and when that handler ends (its sends leave then)
    private NodeSlot current;
    private long currentEnd;
    long nextMessageId = 1;
    private long nextTimerId = 1;
    long sent;
    long delivered;
    long dropped;
    long duplicated;
    long corrupted;
    long timersFired;
    long eventsRun;

    /** A simulation whose every random choice derives from {@code seed}. */
    public Simulation(long seed) {
        this.seed = seed;
        this.network = new Network(this);
        Seeds.register(this);
    }

    public long seed() {
        return seed;
    }

    /** A seed for the named random stream: a pure function of (run seed, name). */
    long streamSeed(String name) {
        long h = 0xcbf29ce484222325L;
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
        NodeSlot s = new NodeSlot(slots.size(), address, factory);
        slots.add(s);
        byAddress.put(address, s);
        List<Address> all = new ArrayList<>(addresses);
        all.add(address);
        addresses = Collections.unmodifiableList(all);
        trace.setNodes(addresses);
        network.nodeAdded(slots.size(), slots);
        Ev e = new Ev();
        e.type = START;
        e.time = now;
        e.node = s;
        schedule(e);
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
        NodeSlot s = slot(a);
        if (s.instance == null) {
            s.instance = s.factory.get(); // not started yet: build it so a test can look at it
            s.ctx = new SimContext(s, s.incarnation);
        }
        if (!type.isInstance(s.instance)) {
            throw new IllegalArgumentException(a + " is a " + s.instance.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(s.instance);
    }

    NodeSlot slot(Address a) {
        // nodes usually send to the very Address objects of ctx.nodes(): for two or three nodes an
        // identity scan beats even a cached-hash lookup (measured; past that the map wins)
        List<NodeSlot> all = slots;
        int n = all.size();
        if (n <= 3) {
            for (int i = 0; i < n; i++) {
                NodeSlot s = all.get(i);
                if (s.address == a) {
                    return s;
                }
            }
        }
        NodeSlot s = byAddress.get(Objects.requireNonNull(a, "address"));
        if (s == null) {
            throw new IllegalArgumentException("no node named " + a + " in this simulation (nodes: " + addresses + ")");
        }
        return s;
    }

    public Network network() {
        return network;
    }

    public Trace trace() {
        return trace;
    }

    /** The node's clocks and their fault knobs. */
    public SimClock clock(Address a) {
        return slot(a).clock;
    }

    /** The node's disk (visible state, synced or not), for tests. */
    public DurableStorage storage(Address a) {
        return slot(a).storage;
    }

    /** What survives a crash of the node right now: the synced state, read-only. */
    public Map<String, byte[]> durableState(Address a) {
        return slot(a).storage.durableView();
    }

    /** True virtual time (checkers only: nodes read their own {@link Context#clock()}). */
    public Duration now() {
        return Duration.ofNanos(now);
    }

    public long nowNanos() {
        return now;
    }

    public Stats stats() {
        return new Stats(sent, delivered, dropped, duplicated, corrupted, timersFired, eventsRun);
    }

    /** Events waiting to run (deliveries in flight, timers, planned actions). */
    public int pendingEvents() {
        return queue.size();
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
        NodeSlot s = slot(a);
        if (s.crashed) {
            return;
        }
        s.crashed = true;
        s.crashAt = Long.MAX_VALUE;
        s.incarnation++; // timers of the old incarnation are skipped when they come due
        s.timers.clear();
        s.outbox = null;
        s.outboxTime = -1;
        s.storage.crash();
        // frames waiting in the crashed node's buffers are gone with it
        for (Ev e; (e = s.inbox.poll()) != null; ) {
            if (e.type == DELIVER) {
                drop(now, slots.get(e.from), s, e.id, e.payload, DropReason.RECEIVER_CRASHED, "(was waiting in its buffer)");
            }
        }
        s.pausedUntil = 0;
        s.busyUntil = 0;
        record(now, TraceEvent.Kind.CRASH, s, null, -1, null, "memory, timers and unsynced writes lost");
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
        NodeSlot s = slot(a);
        if (s.crashed) {
            return;
        }
        if (current != s || currentEnd <= now) {
            crash(a);
            return;
        }
        s.crashAt = currentEnd;
        int life = s.incarnation;
        Ev e = new Ev();
        e.type = ACTION;
        e.time = currentEnd;
        // scheduled after the handler's FLUSH, so the frames it sent before dying still leave
        e.action = () -> {
            if (!s.crashed && s.incarnation == life) {
                crash(a);
            }
        };
        schedule(e);
    }

    /** Runs a crash planned by {@link #crashAfterHandler} before the node handles anything else. */
    private boolean diesBefore(NodeSlot s) {
        if (now >= s.crashAt && !s.crashed) {
            crash(s.address);
        }
        return s.crashed;
    }

    /**
     * Crash-recovery: a fresh instance from the factory starts now, with storage holding what
     * was synced. A running node is crashed first.
     */
    public void restart(Address a) {
        NodeSlot s = slot(a);
        if (!s.crashed) {
            crash(a);
        }
        s.crashed = false;
        record(now, TraceEvent.Kind.RESTART, s, null, -1, null,
                "incarnation " + s.incarnation + ", " + s.storage.keys().size() + " durable keys");
        startInstance(s, false);
    }

    public boolean isCrashed(Address a) {
        return slot(a).crashed;
    }

    /**
     * The node stands still for {@code d} (a GC pause, a VM migration): it handles nothing,
     * frames for it wait, and timers that come due fire late, after the pause.
     */
    public void pause(Address a, Duration d) {
        NodeSlot s = slot(a);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a pause must be positive, got " + d);
        }
        long until = now + d.toNanos();
        s.pausedUntil = Math.max(s.pausedUntil, until);
        record(now, TraceEvent.Kind.PAUSE, s, null, -1, null, "for " + Trace.formatNanos(d.toNanos()));
        int inc = s.incarnation;
        at(until, () -> {
            if (s.incarnation == inc && now >= s.pausedUntil) {
                record(now, TraceEvent.Kind.RESUME, s, null, -1, null, null);
            }
        });
    }

    public boolean isPaused(Address a) {
        return now < slot(a).pausedUntil;
    }

    /**
     * Each handler of the node takes {@code factor} times the handler time: 1.0 is normal, 100 a
     * very slow node, 0.5 a node twice as fast as the others.
     */
    public void setSlowness(Address a, double factor) {
        if (!(factor > 0 && factor <= 1e6)) {
            throw new IllegalArgumentException("slowness must be in (0, 1000000], got " + factor);
        }
        NodeSlot s = slot(a);
        s.slowness = factor;
        record(now, TraceEvent.Kind.NOTE, s, null, -1, null, "slowness x" + factor);
    }

    // ------------------------------------------------------------------ fault plan and running

    /** Runs {@code action} at virtual time {@code when} (from the start of the run): the fault plan. */
    public void at(Duration when, Runnable action) {
        if (when.isNegative()) {
            throw new IllegalArgumentException("a planned time must not be negative, got " + when);
        }
        at(when.toNanos(), action);
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
        Ev e = new Ev();
        e.type = ACTION;
        e.time = when;
        e.action = action;
        schedule(e);
    }

    /** Advances virtual time by {@code d}, running every event due until then. */
    public void runFor(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot run for a negative time: " + d);
        }
        long limit = now + d.toNanos();
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
        long end = now + limit.toNanos();
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
        long end = now + limit.toNanos();
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

    private void enter() {
        if (running) {
            throw new IllegalStateException("the simulation is already running: plan actions with at(...) instead of running from inside a run");
        }
        running = true;
    }

    private boolean step(long limit) {
        Ev e = queue.peek();
        if (e == null || e.time > limit) {
            return false;
        }
        queue.poll();
        now = e.time;
        eventsRun++;
        switch (e.type) {
            case DELIVER -> deliver(e);
            case TIMER -> fire(e);
            case ACTION -> e.action.run();
            case WAKE -> wake(e.node);
            case FLUSH -> flush(e);
            case START -> {
                if (!e.node.crashed && (e.node.ctx == null || !e.node.ctx.started)) {
                    startInstance(e.node, true);
                }
            }
            default -> throw new IllegalStateException("unknown event type " + e.type);
        }
        return true;
    }

    private void schedule(Ev e) {
        e.seq = seq++;
        queue.add(e);
    }

    /**
     * A handler's frames leave when it ends; sending them from an event at that time keeps the
     * trace in time order. A node that crashed in between never sent them.
     */
    private void flush(Ev e) {
        NodeSlot s = e.node;
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) e.tag;
        if (s.outbox == out) {
            s.outbox = null;
            s.outboxTime = -1;
        }
        if (s.crashed || e.incarnation != s.incarnation) {
            return;
        }
        for (int i = 0; i < out.size(); i += 2) {
            network.send(s, (NodeSlot) out.get(i), (byte[]) out.get(i + 1), now);
        }
    }

    /** Parks an event for a node that is busy or paused (or has others waiting), keeping arrival order. */
    private boolean deferIfBusy(Ev e, NodeSlot s) {
        if (s.inbox.isEmpty() && now >= s.busyUntil && now >= s.pausedUntil) {
            return false;
        }
        s.inbox.add(e);
        scheduleWake(s);
        return true;
    }

    private void scheduleWake(NodeSlot s) {
        if (!s.wakeScheduled) {
            Ev w = new Ev();
            w.type = WAKE;
            w.time = Math.max(now, Math.max(s.busyUntil, s.pausedUntil));
            w.node = s;
            s.wakeScheduled = true;
            schedule(w);
        }
    }

    /** The node is (maybe) free again: run the oldest waiting event. */
    private void wake(NodeSlot s) {
        s.wakeScheduled = false;
        if (s.inbox.isEmpty() || diesBefore(s)) {
            return;
        }
        if (now < s.busyUntil || now < s.pausedUntil) {
            scheduleWake(s); // the pause was extended
            return;
        }
        Ev e = s.inbox.poll();
        if (e.type == DELIVER) {
            deliverNow(e, s);
        } else if (!(e.cancelled || e.incarnation != s.incarnation)) {
            fireNow(e, s);
        }
        if (!s.inbox.isEmpty()) {
            scheduleWake(s);
        }
    }

    void scheduleDelivery(long time, NodeSlot dst, int from, long id, byte[] payload) {
        Ev e = new Ev();
        e.type = DELIVER;
        e.time = time;
        e.node = dst;
        e.from = from;
        e.id = id;
        e.payload = payload;
        schedule(e);
    }

    private void deliver(Ev e) {
        NodeSlot s = e.node;
        if (diesBefore(s)) {
            drop(now, slots.get(e.from), s, e.id, e.payload, DropReason.RECEIVER_CRASHED, null);
            return;
        }
        if (deferIfBusy(e, s)) {
            return;
        }
        deliverNow(e, s);
    }

    private void deliverNow(Ev e, NodeSlot s) {
        NodeSlot from = slots.get(e.from);
        delivered++;
        byte[] p = e.payload;
        if (trace.isEnabled()) {
            record(now, TraceEvent.Kind.DELIVER, s, from.address, e.id, p, null);
            p = p.clone(); // the handler may scribble on its array; the trace keeps what arrived
        }
        SimContext ctx = s.ctx;
        beginHandler(s);
        try {
            s.instance.onMessage(ctx, from.address, p);
        } catch (RuntimeException ex) {
            throw failure(s, "handling message #" + e.id + " from " + from.address, ex);
        } finally {
            current = null;
        }
    }

    private void fire(Ev e) {
        NodeSlot s = e.node;
        if (e.cancelled || diesBefore(s) || e.incarnation != s.incarnation) {
            return;
        }
        if (deferIfBusy(e, s)) {
            return;
        }
        fireNow(e, s);
    }

    private void fireNow(Ev e, NodeSlot s) {
        s.timers.remove(e.id);
        timersFired++;
        if (trace.isEnabled()) {
            record(now, TraceEvent.Kind.TIMER_FIRE, s, null, -1, null, "timer " + e.id + " " + e.tag);
        }
        beginHandler(s);
        try {
            s.instance.onTimer(s.ctx, e.tag);
        } catch (RuntimeException ex) {
            throw failure(s, "handling timer " + e.tag, ex);
        } finally {
            current = null;
        }
    }

    private void startInstance(NodeSlot s, boolean reuseUnstarted) {
        if (!(reuseUnstarted && s.instance != null && s.ctx != null && !s.ctx.started)) {
            // a test may have looked at the instance before the run (node(...)): keep that one
            s.instance = Objects.requireNonNull(s.factory.get(), "the node factory of " + s.address + " returned null");
        }
        s.ctx = new SimContext(s, s.incarnation);
        s.ctx.started = true;
        beginHandler(s);
        try {
            s.instance.onStart(s.ctx);
        } catch (RuntimeException ex) {
            throw failure(s, "starting", ex);
        } finally {
            current = null;
        }
    }

    private void beginHandler(NodeSlot s) {
        current = s;
        long cost = s.slowness == 1.0 ? handlerNanos : (long) (handlerNanos * s.slowness);
        currentEnd = now + cost;
        s.busyUntil = currentEnd;
    }

    private SimulationException failure(NodeSlot s, String what, RuntimeException ex) {
        return new SimulationException("node " + s.address + " threw while " + what + " at "
                + Trace.formatNanos(now) + " (seed " + seed + "): " + ex, ex);
    }

    // ------------------------------------------------------------------ trace helpers

    void drop(long t, NodeSlot src, NodeSlot dst, long id, byte[] bytes, DropReason reason, String more) {
        dropped++;
        if (trace.isEnabled()) {
            record(t, TraceEvent.Kind.DROP, src, dst.address, id, bytes, more == null ? reason.name() : reason + " " + more);
        }
    }

    void traceAt(long t, TraceEvent.Kind kind, NodeSlot s, Address peer, long id, byte[] payload, String detail) {
        record(t, kind, s, peer, id, payload, detail);
    }

    private void record(long t, TraceEvent.Kind kind, NodeSlot s, Address peer, long id, byte[] payload, String detail) {
        if (trace.isEnabled()) {
            trace.add(new TraceEvent(t, kind, s == null ? null : s.address, peer, id, payload, detail,
                    s == null ? 0 : s.clock.wallMillisAt(t)));
        }
    }

    void recordClock(NodeSlot s, String detail) {
        record(now, TraceEvent.Kind.CLOCK_STEP, s, null, -1, null, detail);
    }

    void recordPartition(String detail) {
        record(now, TraceEvent.Kind.PARTITION, null, null, -1, null, detail);
    }

    void recordHeal() {
        record(now, TraceEvent.Kind.HEAL, null, null, -1, null, "every partition removed");
    }

    void recordNetwork(String detail) {
        record(now, TraceEvent.Kind.NOTE, null, null, -1, null, detail);
    }

    /** Writes a note into the trace from a test or fault plan (network-wide when {@code node} is null). */
    public void note(Address node, String text) {
        record(now, TraceEvent.Kind.NOTE, node == null ? null : slot(node), null, -1, null, text);
    }

    // ------------------------------------------------------------------ the node's view

    /** The {@link Context} of one incarnation of a node. */
    private final class SimContext implements Context {
        private final NodeSlot s;
        private final int incarnation;
        boolean started;

        SimContext(NodeSlot s, int incarnation) {
            this.s = s;
            this.incarnation = incarnation;
        }

        private long effectTime() {
            if (s.incarnation != incarnation || s.crashed) {
                throw new IllegalStateException(s.address + " (incarnation " + incarnation
                        + ") has crashed: a crashed node cannot act");
            }
            return current == s ? currentEnd : now;
        }

        @Override
        public Address self() {
            return s.address;
        }

        @Override
        public List<Address> nodes() {
            return addresses;
        }

        @Override
        public void send(Address to, byte[] message) {
            Objects.requireNonNull(message, "message");
            long t = effectTime();
            NodeSlot dst = slot(to);
            if (t == now) {
                network.send(s, dst, message.clone(), t); // an instant handler: the frame leaves now
                return;
            }
            if (s.outbox == null || s.outboxTime != t) {
                s.outbox = new ArrayList<>();
                s.outboxTime = t;
                Ev f = new Ev();
                f.type = FLUSH;
                f.time = t;
                f.node = s;
                f.tag = s.outbox;
                f.incarnation = incarnation;
                schedule(f);
            }
            s.outbox.add(dst);
            s.outbox.add(message.clone());
        }

        @Override
        public TimerId setTimer(Duration delay, Object tag) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a timer delay must not be negative, got " + delay);
            }
            effectTime(); // checks the incarnation is alive
            // timers count from when setTimer is called (the handler's start), so a periodic
            // timer keeps its period; messages leave when the handler ends
            long t = now;
            Ev e = new Ev();
            e.type = TIMER;
            e.time = t + s.clock.trueNanosFor(delay.toNanos());
            e.node = s;
            e.id = nextTimerId++;
            e.tag = tag;
            e.incarnation = incarnation;
            s.timers.put(e.id, e);
            schedule(e);
            if (trace.isEnabled()) {
                record(t, TraceEvent.Kind.TIMER_SET, s, null, -1, null,
                        "timer " + e.id + " " + tag + " in " + Trace.formatNanos(delay.toNanos()));
            }
            return new TimerId(e.id);
        }

        @Override
        public void cancelTimer(TimerId timer) {
            effectTime(); // checks the incarnation is alive
            Ev e = s.timers.remove(timer.id());
            if (e != null) {
                e.cancelled = true;
                record(now, TraceEvent.Kind.TIMER_CANCEL, s, null, -1, null, "timer " + e.id + " " + e.tag);
            }
        }

        @Override
        public LocalClock clock() {
            return s.clock;
        }

        @Override
        public RandomGenerator random() {
            return s.random;
        }

        @Override
        public DurableStorage storage() {
            return s.storage;
        }

        @Override
        public void note(String text) {
            effectTime(); // checks the incarnation is alive
            record(now, TraceEvent.Kind.NOTE, s, null, -1, null, text);
        }
    }
}
