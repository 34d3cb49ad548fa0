package dev.dbinternals.ch08.links.ladder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The application messages of the experiments: readable text such as {@code "m17"}, optionally
 * padded to a fixed size, so traces stay readable and checkers can name each message.
 */
public final class Payloads {

    private static final byte PAD = '.';

    private Payloads() {
    }

    /** The {@code i}-th message, {@code "m" + i}, padded with dots to {@code size} bytes (never shorter than the name). */
    public static byte[] numbered(long i, int size) {
        return padded("m" + i, size);
    }

    /** {@code text} in UTF-8, padded with dots to at least {@code size} bytes. */
    public static byte[] padded(String text, int size) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        if (t.length >= size) {
            return t;
        }
        byte[] out = Arrays.copyOf(t, size);
        Arrays.fill(out, t.length, size, PAD);
        return out;
    }

    /** The name of a message: its text without the padding (at most 48 characters, for diagrams and checkers). */
    public static String describe(byte[] payload) {
        int end = payload.length;
        while (end > 0 && payload[end - 1] == PAD) {
            end--;
        }
        end = Math.min(end, 48);
        StringBuilder sb = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            int c = payload[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return sb.toString();
    }

    /** The number {@code i} of a message made by {@link #numbered}, or -1 if it is not one. */
    public static long number(byte[] payload) {
        String d = describe(payload);
        if (d.length() < 2 || d.charAt(0) != 'm') {
            return -1;
        }
        try {
            return Long.parseLong(d.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
