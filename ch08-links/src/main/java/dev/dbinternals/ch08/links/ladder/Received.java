package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Context;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The one way the nodes and links of this module read bytes they received: decode them, or, if
 * they do not decode, report why and get {@code null}, so a handler starts with
 * {@code if (m == null) return;} and never with a try/catch. Bad input never throws out of a
 * handler and is never half-processed: a link frame that fails its checksum counts as lost
 * ({@link LinkStats#corruptDropped}); a malformed application message is noted in the trace.
 * Stateless.
 */
public final class Received {

    private Received() {
    }

    /** Parses received bytes; any exception it throws means the bytes were malformed. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] bytes) throws IOException;
    }

    /** A link frame, or {@code null} after counting it in {@code stats} as corrupted: a link treats it as lost. */
    public static Frame frame(byte[] bytes, LinkStats stats) {
        return decode(bytes, Frame::decode, why -> stats.corruptDropped++);
    }

    /** An application message, or {@code null} after noting in the trace that a malformed {@code what} was ignored. */
    public static <T> T message(Context ctx, String what, byte[] bytes, Decoder<T> decoder) {
        return decode(bytes, decoder, why -> ctx.note("malformed " + what + " ignored: " + why));
    }

    /** {@code decoder}'s result, or {@code null} after telling {@code malformed} why the bytes did not decode. */
    public static <T> T decode(byte[] bytes, Decoder<T> decoder, Consumer<String> malformed) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) { // a decoder only parses: any failure means bad bytes
            malformed.accept(String.valueOf(e.getMessage()));
            return null;
        }
    }
}
