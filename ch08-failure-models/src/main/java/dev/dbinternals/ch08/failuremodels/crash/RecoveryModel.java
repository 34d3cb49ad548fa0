package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.ArrayList;
import java.util.List;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Every state a register replica can crash and recover into, explored exhaustively: a small
 * model of {@link RegisterNode} and {@link RegisterClient} for the harness's {@link Explorer}.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌), which says, in paraphrase, that algorithms for the
 * crash-recovery model must consider every state a process can recover into, since it may
 * continue from the last step it knows of. Where the seeded
 * tests <em>sample</em> crash points, this model <em>enumerates</em> them: a client writes
 * versions 1..{@code writes} one at a time and retransmits; the network may lose any message in
 * flight; the replica runs its write handler one step at a time (apply to memory, put to the page
 * cache, sync to disk, send the ack, in the order of its {@link Durability}) and may crash and
 * restart between <em>any</em> two steps, up to {@code maxCrashes} times; a restart keeps only
 * the disk. The invariant: <b>the replica always holds at least the highest acknowledged
 * version</b>. For {@link Durability#SYNC_THEN_ACK} it holds in every reachable state; for the
 * other modes the explorer returns the shortest run that breaks it.
 *
 * <p>Stateless; each {@link #explore} builds its own state space.
 */
public final class RecoveryModel {

    /**
     * One global state. Versions are 1..writes; 0 means nothing. {@code toServer} and
     * {@code toClient} are bit sets of versions whose write (resp. ack) is in flight; the
     * replica is {@code handling} a version at step {@code step} of its handler (0 = idle).
     */
    public record State(int nextToWrite, int maxAcked, int memory, int cache, int disk,
                        int handling, int step, int toServer, int toClient, int crashes) {
        @Override
        public String toString() {
            return "client next=" + nextToWrite + " acked<=" + maxAcked + " | replica memory=" + memory
                    + " cache=" + cache + " disk=" + disk + (handling == 0 ? "" : " handling " + handling + "@" + step)
                    + " | crashes=" + crashes;
        }
    }

    /** The replica's handler steps, in order, for a mode. */
    enum Step {
        APPLY, PUT, SYNC, ACK
    }

    private RecoveryModel() {
    }

    static List<Step> steps(Durability mode) {
        return switch (mode) {
            case MEMORY_ONLY -> List.of(Step.APPLY, Step.ACK);
            case WRITE_NO_SYNC -> List.of(Step.APPLY, Step.PUT, Step.ACK);
            case ACK_THEN_SYNC -> List.of(Step.APPLY, Step.PUT, Step.ACK, Step.SYNC);
            case SYNC_THEN_ACK -> List.of(Step.APPLY, Step.PUT, Step.SYNC, Step.ACK);
        };
    }

    /** Explores every state of {@code writes} writes with up to {@code maxCrashes} crashes. */
    public static Explorer.Result<State> explore(Durability mode, int writes, int maxCrashes) {
        if (writes < 1 || writes > 8 || maxCrashes < 0) {
            throw new IllegalArgumentException("writes must be 1..8 and maxCrashes >= 0");
        }
        List<Step> steps = steps(mode);
        State initial = new State(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return Explorer.of(initial, (State s) -> next(s, steps, writes, maxCrashes))
                .invariant("every acknowledged write survives", s -> s.memory() >= s.maxAcked())
                .explore();
    }

    static List<Transition<State>> next(State s, List<Step> steps, int writes, int maxCrashes) {
        List<Transition<State>> out = new ArrayList<>();
        // the client (re)sends its current write, unless a copy is already in flight
        if (s.nextToWrite() <= writes && (s.toServer() & bit(s.nextToWrite())) == 0) {
            out.add(new Transition<>(t("client sends write " + s.nextToWrite(), "클라이언트가 쓰기 " + s.nextToWrite() + " 전송"),
                    with(s, s.nextToWrite(), s.maxAcked(), s.toServer() | bit(s.nextToWrite()), s.toClient())));
        }
        // the client receives an ack
        for (int v = 1; v <= writes; v++) {
            if ((s.toClient() & bit(v)) != 0) {
                boolean current = v == s.nextToWrite();
                out.add(new Transition<>(t("client receives ack " + v, "클라이언트가 확인 응답 " + v + " 수신"), with(s, current ? v + 1 : s.nextToWrite(),
                        current ? v : s.maxAcked(), s.toServer(), s.toClient() & ~bit(v))));
                out.add(new Transition<>(t("network loses ack " + v, "네트워크가 확인 응답 " + v + " 손실"), with(s, s.nextToWrite(), s.maxAcked(), s.toServer(),
                        s.toClient() & ~bit(v))));
            }
        }
        // the replica takes a write off the network, or the network loses it
        for (int v = 1; v <= writes; v++) {
            if ((s.toServer() & bit(v)) != 0) {
                if (s.handling() == 0) {
                    out.add(new Transition<>(t("replica receives write " + v, "복제본이 쓰기 " + v + " 수신"), new State(s.nextToWrite(), s.maxAcked(),
                            s.memory(), s.cache(), s.disk(), v, 0, s.toServer() & ~bit(v), s.toClient(), s.crashes())));
                }
                out.add(new Transition<>(t("network loses write " + v, "네트워크가 쓰기 " + v + " 손실"), with(s, s.nextToWrite(), s.maxAcked(),
                        s.toServer() & ~bit(v), s.toClient())));
            }
        }
        // the replica runs one step of its handler
        if (s.handling() != 0) {
            int v = s.handling();
            Step step = steps.get(s.step());
            int memory = s.memory();
            int cache = s.cache();
            int disk = s.disk();
            int toClient = s.toClient();
            switch (step) {
                case APPLY -> memory = Math.max(memory, v);
                case PUT -> cache = Math.max(cache, v);
                case SYNC -> disk = cache;
                case ACK -> toClient |= bit(v);
                default -> throw new IllegalStateException();
            }
            boolean last = s.step() + 1 == steps.size();
            out.add(new Transition<>(t("replica " + step.name().toLowerCase() + " " + v, "복제본 " + step.name().toLowerCase() + " " + v), new State(s.nextToWrite(),
                    s.maxAcked(), memory, cache, disk, last ? 0 : v, last ? 0 : s.step() + 1, s.toServer(), toClient,
                    s.crashes())));
        }
        // the replica crashes here and restarts from its disk (a crash that would lose nothing
        // and interrupt nothing leads back to the same state, so it is not explored)
        if (s.crashes() < maxCrashes && (s.memory() != s.disk() || s.cache() != s.disk() || s.handling() != 0)) {
            out.add(new Transition<>(t("replica CRASHES and restarts from disk (" + s.disk() + ")",
                            "복제본 충돌, 디스크(" + s.disk() + ")에서 재시작"),
                    new State(s.nextToWrite(), s.maxAcked(), s.disk(), s.disk(), s.disk(), 0, 0, s.toServer(),
                            s.toClient(), s.crashes() + 1)));
        }
        return out;
    }

    private static State with(State s, int next, int acked, int toServer, int toClient) {
        return new State(next, acked, s.memory(), s.cache(), s.disk(), s.handling(), s.step(), toServer, toClient,
                s.crashes());
    }

    private static int bit(int v) {
        return 1 << v;
    }
}
