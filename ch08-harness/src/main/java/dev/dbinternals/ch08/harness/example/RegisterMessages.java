package dev.dbinternals.ch08.harness.example;

import dev.dbinternals.ch08.harness.codec.Codec;

/**
 * The four messages of the replicated register ({@link RegisterClient}, {@link RegisterReplica}).
 * A tag {@code (counter, writer)} labels every value; tags compare by counter, then by writer, so two
 * writers never produce the same tag. {@code counter == 0} is the initial tag: nothing written yet.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유).
 */
public final class RegisterMessages {

    private RegisterMessages() {
    }

    /** "Tell me your tag and value." */
    public record Query(long request) {
    }

    public record QueryReply(long request, long counter, long writer, long value) {
    }

    /** "Keep this value if its tag is newer than yours." */
    public record Store(long request, long counter, long writer, long value) {
    }

    public record StoreAck(long request) {
    }

    /** With a checksum, so a reader who adds corruption to the links gets damaged frames dropped, not misread. */
    public static final Codec CODEC = Codec.builder()
            .register(1, Query.class).register(2, QueryReply.class).register(3, Store.class).register(4, StoreAck.class)
            .withChecksum().build();

    /** True if tag {@code (c1, w1)} is newer than {@code (c2, w2)}. */
    public static boolean newer(long c1, long w1, long c2, long w2) {
        return c1 != c2 ? c1 > c2 : w1 > w2;
    }
}
