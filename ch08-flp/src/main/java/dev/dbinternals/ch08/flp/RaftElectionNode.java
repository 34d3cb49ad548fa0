package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.flp.RaftMessages.AppendEntries;
import dev.dbinternals.ch08.flp.RaftMessages.AppendReply;
import dev.dbinternals.ch08.flp.RaftMessages.RequestVote;
import dev.dbinternals.ch08.flp.RaftMessages.Vote;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Raft's leader election and nothing else: terms, RequestVote with one vote per term,
 * AppendEntries heartbeats, and stepping down on a higher term (Ongaro and Ousterhout 2014,
 * §5.1–5.2 and Figure 2, without the log: log replication belongs to the book's Chapter 14).
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성). Timeouts let a system elect a leader,
 * and when the timing assumption fails two servers can both believe they lead: a leader cut off
 * in a minority partition keeps its belief, while the majority elects a leader of a higher term.
 * Raft keeps this safe with terms, not timing: each server votes at most once per term and a
 * leader needs a majority of votes, so <b>at most one leader is elected per term</b> (election
 * safety). A server that sees a higher term in any message adopts it and becomes a follower, so
 * the stale leader steps down as soon as it hears from the majority side. Nobody slows any
 * process on purpose to choose a leader; randomised election timeouts ({@link ElectionTimeouts})
 * make split votes rare.
 *
 * <p>Raft keeps {@code currentTerm} and {@code votedFor} on stable storage so that a restarted
 * server cannot vote twice in one term. The runs here restart nobody (a crashed server stays
 * down), so this class keeps them in memory. Not thread-safe (runs on its runtime's thread).
 */
public final class RaftElectionNode implements Node {

    /** A server's role (Figure 2). */
    public enum Role { FOLLOWER, CANDIDATE, LEADER }

    /** Told of every role change, with the reason; the experiment records them with the simulated time. */
    @FunctionalInterface
    public interface Observer {
        void roleChanged(Address node, long term, Role role, String why);
    }

    private static final String ELECTION = "election timeout";
    private static final String HEARTBEAT = "heartbeat";

    private final ElectionTimeouts timeouts;
    private final Duration heartbeatInterval;
    private final Observer observer;
    private long currentTerm;
    private Address votedFor;
    private Role role;
    private final Set<Address> votes = new HashSet<>();
    private TimerId electionTimer;
    private TimerId heartbeatTimer;

    /** A follower in term 0, as every server starts. */
    public RaftElectionNode(ElectionTimeouts timeouts, Duration heartbeatInterval, Observer observer) {
        this(timeouts, heartbeatInterval, observer, 0, false);
    }

    /**
     * A server starting in {@code term}, as leader or follower: for experiments that begin with
     * a leader already elected (as if by an earlier election).
     */
    public RaftElectionNode(ElectionTimeouts timeouts, Duration heartbeatInterval, Observer observer, long term, boolean leader) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.observer = Objects.requireNonNull(observer, "observer");
        if (heartbeatInterval.compareTo(timeouts.min()) >= 0) {
            throw new IllegalArgumentException("heartbeats (" + heartbeatInterval.toMillis()
                    + " ms) must come more often than the shortest election timeout (" + timeouts.min().toMillis() + " ms)");
        }
        this.currentTerm = term;
        this.role = leader ? Role.LEADER : Role.FOLLOWER;
    }

    @Override
    public void onStart(Context ctx) {
        if (role == Role.LEADER) {
            sendHeartbeats(ctx);
        } else {
            resetElectionTimer(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        Object m = RaftMessages.CODEC.decode(bytes);
        long term = RaftMessages.termOf(m);
        if (term > currentTerm) {
            // any message with a higher term: adopt it and follow (this is how a stale leader steps down)
            adoptTerm(ctx, term, "saw term " + term + " in " + m.getClass().getSimpleName() + " from " + from);
        }
        if (m instanceof RequestVote) {
            boolean grant = term == currentTerm && (votedFor == null || votedFor.equals(from));
            if (grant) {
                votedFor = from; // one vote per term: this is what makes a second leader of this term impossible
                resetElectionTimer(ctx);
            }
            ctx.send(from, RaftMessages.CODEC.encode(new Vote(currentTerm, grant)));
        } else if (m instanceof Vote v) {
            if (role == Role.CANDIDATE && term == currentTerm && v.granted()) {
                votes.add(from);
                if (votes.size() > ctx.nodes().size() / 2) {
                    becomeLeader(ctx);
                }
            }
        } else if (m instanceof AppendEntries) {
            if (term < currentTerm) {
                ctx.send(from, RaftMessages.CODEC.encode(new AppendReply(currentTerm, false)));
                return;
            }
            if (role != Role.FOLLOWER) {
                // a candidate that hears from the leader of its own term gives up
                setRole(ctx, Role.FOLLOWER, "heard the leader " + from + " of term " + term);
            }
            resetElectionTimer(ctx);
            ctx.send(from, RaftMessages.CODEC.encode(new AppendReply(currentTerm, true)));
        }
        // AppendReply: its term was all a leader needed from it (no log to advance)
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (ELECTION.equals(tag) && role != Role.LEADER) {
            startElection(ctx);
        } else if (HEARTBEAT.equals(tag) && role == Role.LEADER) {
            sendHeartbeats(ctx);
        }
    }

    private void startElection(Context ctx) {
        currentTerm++;
        votedFor = ctx.self();
        votes.clear();
        votes.add(ctx.self());
        setRole(ctx, Role.CANDIDATE, "election timeout");
        resetElectionTimer(ctx); // if this election splits, the next timeout starts another
        byte[] request = RaftMessages.CODEC.encode(new RequestVote(currentTerm));
        for (Address a : ctx.nodes()) {
            if (!a.equals(ctx.self())) {
                ctx.send(a, request);
            }
        }
        if (votes.size() > ctx.nodes().size() / 2) {
            becomeLeader(ctx);
        }
    }

    private void becomeLeader(Context ctx) {
        cancel(ctx, electionTimer);
        electionTimer = null;
        setRole(ctx, Role.LEADER, votes.size() + " of " + ctx.nodes().size() + " votes");
        sendHeartbeats(ctx);
    }

    private void sendHeartbeats(Context ctx) {
        byte[] beat = RaftMessages.CODEC.encode(new AppendEntries(currentTerm));
        for (Address a : ctx.nodes()) {
            if (!a.equals(ctx.self())) {
                ctx.send(a, beat);
            }
        }
        heartbeatTimer = ctx.setTimer(heartbeatInterval, HEARTBEAT);
    }

    private void adoptTerm(Context ctx, long term, String why) {
        currentTerm = term;
        votedFor = null;
        if (role == Role.LEADER) {
            cancel(ctx, heartbeatTimer);
            heartbeatTimer = null;
            resetElectionTimer(ctx); // a follower again: it must notice if nobody leads
        }
        if (role != Role.FOLLOWER) {
            setRole(ctx, Role.FOLLOWER, why);
        }
    }

    private void setRole(Context ctx, Role to, String why) {
        role = to;
        ctx.note(to.name().toLowerCase(java.util.Locale.ROOT) + " in term " + currentTerm + " (" + why + ")");
        observer.roleChanged(ctx.self(), currentTerm, to, why);
    }

    private void resetElectionTimer(Context ctx) {
        cancel(ctx, electionTimer);
        electionTimer = ctx.setTimer(timeouts.next(ctx.random()), ELECTION);
    }

    private static void cancel(Context ctx, TimerId timer) {
        if (timer != null) {
            ctx.cancelTimer(timer);
        }
    }

    public Role role() {
        return role;
    }

    public long currentTerm() {
        return currentTerm;
    }
}
