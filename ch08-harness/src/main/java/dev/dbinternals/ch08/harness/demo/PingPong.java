package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The worked example: a pinger that sends numbered pings and retries on a timer, and a ponger
 * that answers each ping. It is the harness's whole API in one screen.
 *
 * <p>Book: Chapter 8, "Links" (링크) and "Message acknowledgments" (메시지 확인 응답): over a
 * fair-loss link, a sender learns that a message arrived only from an acknowledgement, and can
 * only retransmit when none comes. Instances are not thread-safe (a runtime calls one handler at a time).
 */
public final class PingPong {

    private PingPong() {
    }

    /** Sends ping n to the peer until pong n comes back, then ping n+1; stops after {@code count}. */
    public static final class Pinger implements Node {
        private final Address peer;
        private final int count;
        private final Duration retry;
        private int next = 1;      // the ping we are waiting for
        private int sent;          // pings sent, retries included
        private int pongs;         // distinct pongs received

        public Pinger(Address peer, int count, Duration retry) {
            this.peer = peer;
            this.count = count;
            this.retry = retry;
        }

        @Override
        public void onStart(Context ctx) {
            send(ctx);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            if (message.length != 8) {
                return; // not a pong of ours (a corrupted frame could be anything)
            }
            long n = ByteBuffer.wrap(message).getLong();
            if (n == next) {        // a late or duplicated pong of an older ping is ignored
                pongs++;
                next++;
                if (next <= count) {
                    send(ctx);
                }
            }
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            if (tag instanceof Integer n && n == next && next <= count) {
                send(ctx);          // no pong in time: retransmit
            }
        }

        private void send(Context ctx) {
            sent++;
            ctx.send(peer, ByteBuffer.allocate(8).putLong(next).array());
            ctx.setTimer(retry, next);
        }

        public int pongs() {
            return pongs;
        }

        public int sent() {
            return sent;
        }

        public boolean done() {
            return next > count;
        }
    }

    /** Answers every ping with a pong carrying the same number. */
    public static final class Ponger implements Node {
        private int pings;

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            pings++;
            ctx.send(from, message);
        }

        public int pings() {
            return pings;
        }
    }
}
