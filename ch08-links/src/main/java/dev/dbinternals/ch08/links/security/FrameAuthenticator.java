package dev.dbinternals.ch08.links.security;

import dev.dbinternals.ch08.links.ladder.Frame;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals frames with an HMAC-SHA256 tag under a key shared by the two ends of a link, and
 * refuses frames whose tag does not verify.
 *
 * <p>Book: Chapter 8, Fallacies of distributed computing (분산 컴퓨팅의 오류): "the network is
 * secure" is one of them. A CRC32C (as in {@link Frame}) detects accidents: random bit flips.
 * It is no defence against an attacker, because it has no secret: anyone who can send a frame
 * can compute a valid checksum for any bytes. A message authentication code has one: without
 * the key nobody can compute a tag that verifies, so a forged or altered frame is rejected
 * (the chance of guessing a 256-bit tag is negligible). What it does not do: hide the content
 * (that is encryption), or stop a <em>replay</em> of a genuine frame, which carries a valid tag;
 * the link's sequence numbers and dedup catch that, as long as the receiver remembers what it
 * delivered (a perfect link keeps that in memory and forgets it in a restart).
 *
 * <p>Layout: the frame's bytes followed by 32 bytes of tag over them. Tags are compared in
 * constant time ({@link MessageDigest#isEqual}). Not thread-safe (it keeps one {@link Mac}).
 */
final class FrameAuthenticator {

    /** Bytes the tag adds to every frame. */
    public static final int TAG_BYTES = 32;

    private final Mac mac;

    /** An authenticator with {@code key}, at least 16 bytes, shared by both ends and nobody else. */
    public FrameAuthenticator(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("an HMAC key needs at least 16 bytes, got " + (key == null ? 0 : key.length));
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** {@code frame} followed by its tag. */
    public byte[] seal(byte[] frame) {
        byte[] out = Arrays.copyOf(frame, frame.length + TAG_BYTES);
        byte[] tag = mac.doFinal(frame);
        System.arraycopy(tag, 0, out, frame.length, TAG_BYTES);
        return out;
    }

    /** The frame inside {@code sealed} if its tag verifies, otherwise {@code null}. */
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < TAG_BYTES) {
            return null;
        }
        byte[] frame = Arrays.copyOf(sealed, sealed.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(sealed, sealed.length - TAG_BYTES, sealed.length);
        return MessageDigest.isEqual(mac.doFinal(frame), tag) ? frame : null;
    }
}
