package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

/** Builds the messages of a broadcast to every other process (a best-effort loop of sends). */
final class Broadcast {

    private Broadcast() {
    }

    static List<Message> toOthers(int self, int n, String kind, int value) {
        List<Message> out = new ArrayList<>(n - 1);
        for (int q = 0; q < n; q++) {
            if (q != self) {
                out.add(new Message(self, q, kind, value));
            }
        }
        return out;
    }

    /** Majority of {@code values}; a tie goes to 0 (any fixed rule would do). */
    static int majority(List<Integer> values) {
        long ones = values.stream().filter(v -> v == 1).count();
        return ones * 2 > values.size() ? 1 : 0;
    }
}
