package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.security.ForgedFrames;
import dev.dbinternals.ch08.links.security.ForgedFrames.AckForgery;
import dev.dbinternals.ch08.links.security.ForgedFrames.Outcome;

/**
 * Demo 12: "the network is secure" is a fallacy, shown on the perfect link. A CRC32C detects
 * accidents, not attacks: a forged frame with a valid checksum is delivered, and a forged
 * acknowledgement makes the sender give up on messages that were lost. An HMAC under a shared
 * key rejects both; the link's sequence numbers catch a replayed genuine frame; and the link
 * itself refuses an acknowledgement for a number it never sent.
 *
 * <p>Book: Chapter 8, Fallacies of distributed computing (분산 컴퓨팅의 오류), the fourth
 * fallacy, on the links of Distributed System Abstractions → Links (링크). Every figure is
 * computed from the simulated runs in {@link ForgedFrames}.
 *
 * <p>Run: {@code ./ch08 demo links forged-frame [--seed N] [--out DIR]}.
 */
public final class Demo12ForgedFrame {

    private Demo12ForgedFrame() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("forged-frame", "The network is not secure: forged frames with valid CRC32C vs HMAC-authenticated frames").parse(argv);
        long seed = args.seed();
        DemoArgs.heading(System.out, "Demo 12 · the network is secure? (분산 컴퓨팅의 오류), seed " + seed);
        System.out.printf("A sends m1..m%d to B over the perfect link, one every 5 ms, 2 ms each way. An attacker on the path%n", ForgedFrames.MESSAGES);
        System.out.println("hands a node frames that claim to come from the other end (UDP does not authenticate source");
        System.out.println("addresses), built from the headers of frames it saw. A CRC32C has no secret: the attacker computes a");
        System.out.println("valid one for any bytes it likes.");

        DemoArgs.heading(System.out, "1. A forged data frame, CRC32C only");
        Outcome data = ForgedFrames.forgedData(seed, false);
        System.out.printf("  the attacker gives B, as from A, a DATA frame with A's next sequence number and the payload '%s'%n", ForgedFrames.FORGED_PAYLOAD);
        report(data);

        DemoArgs.heading(System.out, "2. A forged acknowledgement, CRC32C only");
        System.out.println("  A->B is cut from 12 ms to 300 ms, so m4..m6 are lost; at 40 ms the attacker gives A, as from B,");
        System.out.printf("  an ACK saying n_consecutive=%d (it saw A send that many).%n", ForgedFrames.MESSAGES);
        Outcome ack = ForgedFrames.forgedAck(seed, false, AckForgery.PLAUSIBLE);
        report(ack);
        System.out.print(forgedAckVerdict(ack.senderSeesAllAcknowledged(), ack.lost().size()));

        DemoArgs.heading(System.out, "3. The same acknowledgement for a number A never sent (n_consecutive=1000)");
        Outcome blind = ForgedFrames.forgedAck(seed, false, AckForgery.IMPLAUSIBLE);
        report(blind);
        System.out.printf("  PerfectLink dropped %d ack(s) naming a sequence number it never sent: a header must not override the%n", blind.implausibleAcks());
        System.out.println("  sender's state without proof. That stops a blind forger or a corrupted field; it cannot stop the");
        System.out.println("  plausible forgery of part 2, which only authentication can.");

        DemoArgs.heading(System.out, "4. The fix: every frame sealed with HMAC-SHA256 under a key A and B share");
        Outcome dataMac = ForgedFrames.forgedData(seed, true);
        System.out.println("  the forged data frame of part 1 (the attacker cannot compute the tag, so it sends 32 bytes of its own):");
        report(dataMac);
        Outcome ackMac = ForgedFrames.forgedAck(seed, true, AckForgery.PLAUSIBLE);
        System.out.println("  the forged acknowledgement of part 2:");
        report(ackMac);

        DemoArgs.heading(System.out, "5. A replayed genuine frame, HMAC on");
        Outcome replay = ForgedFrames.replay(seed, true);
        System.out.println("  at 100 ms the attacker gives B, byte for byte, the first frame A sent it (m1, with its valid tag):");
        report(replay);
        System.out.printf("  The tag verifies (frames rejected: %d); B's link dropped %d duplicate(s) by sequence number. That%n",
                replay.rejectedByMac(), replay.duplicatesDropped());
        System.out.println("  holds while B remembers what it delivered: the link keeps n_consecutive in memory and forgets it in");
        System.out.println("  a restart (see PerfectLinkCrashRecoveryTest), so a replay across a restart needs durable dedup too.");

        DemoArgs.heading(System.out, "Diagrams");
        DemoOutput.diagrams(args, "forged-ack", "A forged ACK (valid CRC32C) makes A give up on m4..m6",
                ack.sim().trace(), DemoOutput.NO_TIMERS);
        DemoOutput.diagrams(args, "forged-ack-hmac", "The same forged ACK rejected by HMAC-SHA256",
                ackMac.sim().trace(), DemoOutput.NO_TIMERS);
    }

    /** The sentence under part 2, from its outcome: what A believes and how many messages never arrived. */
    static String forgedAckVerdict(boolean senderSeesAllAcknowledged, int lost) {
        if (senderSeesAllAcknowledged && lost > 0) {
            return String.format("  A counts every message as acknowledged while %d of them never arrived: it stopped retransmitting%n"
                    + "  them, and healing the cut at 300 ms did not bring them back (the run goes on to 3 s).%n", lost);
        }
        if (lost > 0) {
            return String.format("  %d message(s) never arrived, and A knows it (not everything is acknowledged): the forgery did not%n"
                    + "  fool it in this run.%n", lost);
        }
        return String.format("  Every message arrived: the forged ack did no harm in this run.%n");
    }

    private static void report(Outcome o) {
        System.out.printf("    B delivered %s%n", o.delivered());
        System.out.printf("    A believes everything acknowledged: %s; lost (sent, never delivered): %s; created (delivered, never sent): %s%n",
                o.senderSeesAllAcknowledged() ? "yes" : "no", o.lost(), o.created());
        System.out.printf("    frames rejected by the HMAC check: %d; acks dropped as implausible: %d%n", o.rejectedByMac(), o.implausibleAcks());
        for (CheckResult c : o.checks()) {
            System.out.println("    " + c);
        }
    }
}
