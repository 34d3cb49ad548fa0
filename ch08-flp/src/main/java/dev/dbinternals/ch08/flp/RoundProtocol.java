package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * A deterministic protocol in FLP's own model, as {@link FlpAdversary} needs it: a process's state
 * {@code S}, messages {@code M}, and one step = receive one message, change state, send. Its runs
 * may go on forever (rounds, ballots), so the adversary compares configurations up to renumbering:
 * {@link #shifted} moves every round (or ballot) number by the same amount, and the protocol must
 * behave the same after it (it compares round numbers, never uses their size).
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). Implementations: {@link BenOrWithoutCoin},
 * {@link DuellingPaxos}.
 */
public interface RoundProtocol<S, M extends Comparable<M>> {

    /** A step's result: the new state and the messages sent in the same step. */
    record Step<S, M>(S next, List<M> send) {

        public Step {
            send = List.copyOf(send);
        }
    }

    String name();

    /** Number of processes, ids {@code 0 .. n-1}. */
    int n();

    /** The first step of {@code self} with input bit {@code input}. */
    Step<S, M> start(int self, int input);

    /** Process {@code self} in state {@code s} receives {@code m}. */
    Step<S, M> receive(int self, S s, M m);

    /** The sender of {@code m}. */
    int from(M m);

    /** The receiver of {@code m}. */
    int to(M m);

    /** The decision of a process, {@link Reaction#NONE} while undecided. */
    int decision(S s);

    /** The round (or ballot) a process is in, to renumber configurations from the lowest. */
    int round(S s);

    S shifted(S s, int delta);

    M shifted(M m, int delta);

    /** Renumbering moves rounds by multiples of this (2 when the round's parity names its owner). */
    default int shiftUnit() {
        return 1;
    }
}
