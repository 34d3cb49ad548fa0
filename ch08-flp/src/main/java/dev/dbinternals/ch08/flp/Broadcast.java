package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for writing a {@link ConsensusProtocol}: the messages of a broadcast to every other
 * process, and a majority vote. Public so that a reader's own protocol can use them.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). A broadcast here is a best-effort
 * loop of point-to-point sends: how the model schedules those sends (one step each, or the whole
 * broadcast as one step) is {@link ConsensusModel.Granularity}. Stateless and thread-safe.
 */
public final class Broadcast {

    private Broadcast() {
    }

    /** One message {@code kind(value)} from {@code self} to each of the other {@code n - 1} processes, in id order. */
    public static List<Message> toOthers(int self, int n, String kind, int value) {
        List<Message> out = new ArrayList<>(n - 1);
        for (int q = 0; q < n; q++) {
            if (q != self) {
                out.add(new Message(self, q, kind, value));
            }
        }
        return out;
    }

    /** Majority of {@code values}; a tie goes to 0 (any fixed rule would do). */
    public static int majority(List<Integer> values) {
        long ones = values.stream().filter(v -> v == 1).count();
        return ones * 2 > values.size() ? 1 : 0;
    }
}
