package dev.dbinternals.ch08.twogenerals;

import java.util.List;
import java.util.Objects;

/**
 * Everything one general knows: who it is, the plan (only A knows it) and the messages its
 * messengers brought, in the order they arrived. A deterministic protocol is a function of
 * this view and nothing else, which is what the "last message" argument exploits: a general
 * cannot tell two runs apart when its view is the same in both.
 */
public record View(General self, Plan plan, List<String> received) {

    public View {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(plan, "plan");
        received = List.copyOf(received);
        if (self == General.B && plan != Plan.UNKNOWN) {
            throw new IllegalArgumentException("general B cannot know the plan before a messenger tells it");
        }
    }

    /** How many messengers reached this general. */
    public int count() {
        return received.size();
    }
}
