package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The {@link Context} of one incarnation of a node: what a node's handlers can do in a
 * {@link Simulation}. Its own file so that {@code Simulation} reads as the event loop; it shares
 * the loop's state (the running handler, the clock, the queue) through package-private fields.
 *
 * <p>A message sent by a handler that takes time leaves when the handler ends; a timer counts from
 * the handler's start. An incarnation that has crashed can no longer act: every call throws.
 */
final class SimContext implements Context {
    private final Simulation sim;
    private final Simulation.NodeState s;
    private final int incarnation;
    boolean started;

    SimContext(Simulation sim, Simulation.NodeState s, int incarnation) {
        this.sim = sim;
        this.s = s;
        this.incarnation = incarnation;
    }

    /** When what the node does now takes effect: the end of its running handler. */
    private long effectTime() {
        if (s.incarnation != incarnation || s.crashed) {
            throw new IllegalStateException(s.address + " (incarnation " + incarnation
                    + ") has crashed: a crashed node cannot act");
        }
        return sim.current == s ? sim.currentEnd : sim.now;
    }

    @Override
    public Address self() {
        return s.address;
    }

    @Override
    public List<Address> nodes() {
        return sim.addressesByName;
    }

    @Override
    public void send(Address to, byte[] message) {
        Objects.requireNonNull(message, "message");
        long t = effectTime();
        Simulation.NodeState dst = sim.state(to);
        if (t == sim.now) {
            sim.network.send(s.number, dst.number, message.clone(), t); // an instant handler: the frame leaves now
            return;
        }
        if (sim.currentSends == null) {
            sim.currentSends = new ArrayList<>();
            sim.schedule(t, new Simulation.Flush(s, incarnation, sim.currentSends));
        }
        sim.currentSends.add(new Simulation.Outgoing(dst, message.clone()));
    }

    @Override
    public TimerId setTimer(Duration delay, Object tag) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a timer delay must not be negative, got " + delay);
        }
        effectTime(); // checks the incarnation is alive
        // timers count from when setTimer is called (the handler's start), so a periodic
        // timer keeps its period; messages leave when the handler ends
        Simulation.Timer timer = new Simulation.Timer(sim.nextTimerId++, tag, incarnation);
        s.timers.put(timer.id, timer);
        // saturated: a timer set centuries ahead fires at the end of virtual time, not (wrapped) at once
        sim.schedule(Simulation.plus(sim.now, s.clock.trueNanosFor(Simulation.nanos(delay))), new Simulation.TimerDue(s, timer));
        if (sim.trace.isEnabled()) {
            sim.record(sim.now, Kind.TIMER_SET, s.address, null, -1, null,
                    "timer " + timer.id + " " + timer.text + " in " + Trace.formatNanos(Simulation.nanos(delay)));
        }
        return new TimerId(timer.id);
    }

    @Override
    public void cancelTimer(TimerId id) {
        effectTime(); // checks the incarnation is alive
        Simulation.Timer timer = s.timers.remove(id.id());
        if (timer != null) {
            timer.cancelled = true;
            sim.record(sim.now, Kind.TIMER_CANCEL, s.address, null, -1, null, "timer " + timer.id + " " + timer.text);
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
        sim.record(sim.now, Kind.NOTE, s.address, null, -1, null, text);
    }

    @Override
    public void discard(String why) {
        effectTime(); // checks the incarnation is alive
        // counted, not traced: the trace already shows the frame (DELIVER, and CORRUPT if the network damaged it)
        s.discarded++;
        sim.discarded++;
    }
}
