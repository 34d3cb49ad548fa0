package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;

/** What a link tells the application above it. Called on the owning node's thread. */
public interface LinkListener {

    /** The link delivers {@code payload}, sent by {@code from}, to the application. */
    void delivered(Context ctx, Address from, byte[] payload);

    /** A bounded link that refused a message has room again for messages to {@code peer}. */
    default void writable(Context ctx, Address peer) {
    }
}
