package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fully asynchronous system of the FLP paper as a state machine for the harness
 * {@link Explorer}: {@code n} processes running a {@link ConsensusProtocol}, reliable links that
 * deliver every message <em>eventually</em> and in any order, and at most {@code maxCrashes}
 * crash-stop failures at any moment.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). The nondeterministic choices:
 * which process hands its next message to the network, which message in flight is delivered
 * next (delivery order), and whether and when one process crashes. The first two are the
 * adversary of FLP's proof, whose non-deciding run contains no crash; the crash choice is here
 * because a protocol must cope with it. For the protocols of this module every run ends, so FLP's
 * infinite run cannot appear: an undecided run ends with a correct process waiting, and for a
 * protocol that decides in every crash-free run (as {@link WaitForAll} and
 * {@link FirstProposalWins} do) it waits for a crashed process. No message is lost and none is
 * delayed forever: a configuration with no enabled step
 * is the end of a run in which every message to a live process was delivered. A correct process
 * still undecided there waits forever: termination is violated.
 *
 * <p>A process may crash only while it still has something to do (a message to send, or no
 * decision yet), so every run without a crash also reaches a terminal configuration.
 * Immutable and thread-safe.
 */
public final class ConsensusModel {

    /**
     * How fine the adversary's steps are when a process hands messages to the network. The
     * counts of reachable configurations differ a lot between the two (see the README's table of
     * model sizes), so a comparison with another tool must use the same one.
     */
    public enum Granularity {
        /** Each message of a broadcast is its own step: a crash can cut a broadcast in half (FLP's model: one step per message). */
        EACH_SEND,
        /** A process hands its whole outbox to the network in one step: a broadcast is all or nothing. */
        WHOLE_BROADCAST
    }

    private final ConsensusProtocol protocol;
    private final int n;
    private final int maxCrashes;
    private final Granularity granularity;

    /** The model with one step per message sent ({@link Granularity#EACH_SEND}). */
    public ConsensusModel(ConsensusProtocol protocol, int n, int maxCrashes) {
        this(protocol, n, maxCrashes, Granularity.EACH_SEND);
    }

    /**
     * @param n           processes, 2 to 5
     * @param maxCrashes  0 (no crash steps at all) to n - 1
     * @param granularity one step per message, or per whole outbox
     */
    public ConsensusModel(ConsensusProtocol protocol, int n, int maxCrashes, Granularity granularity) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        if (n < 2 || n > 5) {
            throw new IllegalArgumentException("n must be from 2 to 5 (the state space grows fast), got " + n);
        }
        if (maxCrashes < 0 || maxCrashes >= n) {
            throw new IllegalArgumentException("maxCrashes must be from 0 to n-1, got " + maxCrashes);
        }
        this.n = n;
        this.maxCrashes = maxCrashes;
        this.granularity = Objects.requireNonNull(granularity, "granularity");
    }

    public Granularity granularity() {
        return granularity;
    }

    public ConsensusProtocol protocol() {
        return protocol;
    }

    public int n() {
        return n;
    }

    public int maxCrashes() {
        return maxCrashes;
    }

    /** The initial configuration for {@code inputs}, a string of bits like {@code "011"}: every process takes its first step. */
    public Configuration initial(String inputs) {
        if (inputs.length() != n || !inputs.matches("[01]+")) {
            throw new IllegalArgumentException("inputs must be " + n + " bits like 011, got '" + inputs + "'");
        }
        List<ProcessState> ps = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            int input = inputs.charAt(p) - '0';
            Reaction r = protocol.react(p, n, input, List.of());
            ps.add(new ProcessState(input, List.of(), checked(p, r.send()), r.decide(), false));
        }
        return new Configuration(ps, List.of(), 0);
    }

    /** Every initial configuration, in binary order: 000, 001, ..., 111 for n = 3. */
    public List<String> allInputs() {
        List<String> out = new ArrayList<>();
        for (int bits = 0; bits < (1 << n); bits++) {
            StringBuilder sb = new StringBuilder();
            for (int p = n - 1; p >= 0; p--) {
                sb.append((bits >> p) & 1);
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Every step the adversary may choose in {@code c}. */
    public List<Transition<Configuration>> next(Configuration c) {
        List<Transition<Configuration>> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            ProcessState ps = c.process(p);
            if (ps.crashed() || ps.outbox().isEmpty()) {
                continue;
            }
            // one message per step, or the whole outbox at once
            int k = granularity == Granularity.EACH_SEND ? 1 : ps.outbox().size();
            List<Message> sent = ps.outbox().subList(0, k);
            List<ProcessState> procs = new ArrayList<>(c.processes());
            procs.set(p, new ProcessState(ps.input(), ps.received(), ps.outbox().subList(k, ps.outbox().size()), ps.decision(), false));
            List<Message> flight = new ArrayList<>(c.inFlight());
            flight.addAll(sent);
            String label = k == 1 ? "send " + sent.get(0) : "send p" + p + "'s " + k + " messages " + sent;
            out.add(new Transition<>(label, new Configuration(procs, flight, c.crashes())));
        }
        Message previous = null;
        for (int i = 0; i < c.inFlight().size(); i++) {
            Message m = c.inFlight().get(i);
            if (m.equals(previous) || c.process(m.to()).crashed()) {
                previous = m;
                continue;
            }
            previous = m;
            out.add(new Transition<>("deliver " + m, deliver(c, i)));
        }
        if (c.crashes() < maxCrashes) {
            for (int p = 0; p < n; p++) {
                ProcessState ps = c.process(p);
                if (!ps.crashed() && (!ps.decided() || !ps.outbox().isEmpty())) {
                    List<ProcessState> procs = new ArrayList<>(c.processes());
                    procs.set(p, new ProcessState(ps.input(), ps.received(), ps.outbox(), ps.decision(), true));
                    out.add(new Transition<>("crash p" + p, new Configuration(procs, c.inFlight(), c.crashes() + 1)));
                }
            }
        }
        return out;
    }

    /** An explorer over every run from {@code inputs}. */
    public Explorer<Configuration> explorer(String inputs) {
        return Explorer.of(initial(inputs), this::next).withMaxStates(2_000_000);
    }

    private Configuration deliver(Configuration c, int index) {
        Message m = c.inFlight().get(index);
        List<Message> flight = new ArrayList<>(c.inFlight());
        flight.remove(index);
        ProcessState to = c.process(m.to());
        List<Message> received = new ArrayList<>(to.received());
        received.add(m);
        Reaction r = protocol.react(m.to(), n, to.input(), received);
        List<Message> outbox = new ArrayList<>(to.outbox());
        outbox.addAll(checked(m.to(), r.send()));
        int decision = to.decided() ? to.decision() : r.decide();
        List<ProcessState> procs = new ArrayList<>(c.processes());
        procs.set(m.to(), new ProcessState(to.input(), received, outbox, decision, false));
        return new Configuration(procs, flight, c.crashes());
    }

    private List<Message> checked(int self, List<Message> send) {
        for (Message m : send) {
            if (m.from() != self || m.to() < 0 || m.to() >= n || m.to() == self) {
                throw new IllegalArgumentException(protocol.name() + ": p" + self + " may send only from itself to another process, not " + m);
            }
        }
        return send;
    }
}
