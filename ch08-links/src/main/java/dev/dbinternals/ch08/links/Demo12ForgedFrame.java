package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
        DemoArgs args = DemoArgs.forDemo("forged-frame", "The network is not secure: forged frames with valid CRC32C vs HMAC-authenticated frames",
                "네트워크는 안전하지 않다: CRC32C가 맞는 위조 프레임과 HMAC으로 인증한 프레임").parse(argv);
        long seed = args.seed();
        DemoArgs.heading(System.out, t("Demo 12 · the network is secure? (분산 컴퓨팅의 오류), seed " + seed,
                "데모 12 · 네트워크는 안전하다? (분산 컴퓨팅의 오류), 시드 " + seed));
        System.out.printf(t("A sends m1..m%d to B over the perfect link, one every 5 ms, 2 ms each way. An attacker on the path%n",
                "A가 퍼펙트 링크로 B에게 m1부터 m%d까지 5 ms마다 하나씩 전송한다. 지연은 방향마다 2 ms. 경로 위의 공격자는%n"), ForgedFrames.MESSAGES);
        System.out.println(t("hands a node frames that claim to come from the other end (UDP does not authenticate source",
                "본 프레임의 헤더로 만든, 상대편에서 왔다고 주장하는 프레임을 노드에 건넨다 (UDP는 출발지 주소를"));
        System.out.println(t("addresses), built from the headers of frames it saw. A CRC32C has no secret: the attacker computes a",
                "인증하지 않는다). CRC32C에는 비밀이 없다: 공격자는 원하는 어떤 바이트에 대해서든"));
        System.out.println(t("valid one for any bytes it likes.", "올바른 CRC32C를 계산한다."));

        DemoArgs.heading(System.out, t("1. A forged data frame, CRC32C only", "1. 위조 데이터 프레임, CRC32C만"));
        Outcome data = ForgedFrames.forgedData(seed, false);
        System.out.printf(t("  the attacker gives B, as from A, a DATA frame with A's next sequence number and the payload '%s'%n",
                "  공격자가 A에게서 온 것처럼 A의 다음 시퀀스 번호와 페이로드('%s')를 담은 DATA 프레임을 B에게 준다%n"), ForgedFrames.FORGED_PAYLOAD);
        report(data);

        DemoArgs.heading(System.out, t("2. A forged acknowledgement, CRC32C only", "2. 위조 확인 응답, CRC32C만"));
        System.out.println(t("  A->B is cut from 12 ms to 300 ms, so m4..m6 are lost; at 40 ms the attacker gives A, as from B,",
                "  A->B가 12 ms부터 300 ms까지 끊겨 m4..m6이 손실된다. 40 ms에 공격자가 B에게서 온 것처럼"));
        System.out.printf(t("  an ACK saying n_consecutive=%d (it saw A send that many).%n",
                "  n_consecutive=%d인 ACK를 A에게 준다 (공격자는 A가 그만큼 보내는 것을 봤다).%n"), ForgedFrames.MESSAGES);
        Outcome ack = ForgedFrames.forgedAck(seed, false, AckForgery.PLAUSIBLE);
        report(ack);
        System.out.print(forgedAckVerdict(ack.senderSeesAllAcknowledged(), ack.lost().size()));

        DemoArgs.heading(System.out, t("3. The same acknowledgement for a number A never sent (n_consecutive=1000)",
                "3. A가 보낸 적 없는 번호에 대한 같은 확인 응답 (n_consecutive=1000)"));
        Outcome blind = ForgedFrames.forgedAck(seed, false, AckForgery.IMPLAUSIBLE);
        report(blind);
        System.out.printf(t("  PerfectLink dropped %d ack(s) naming a sequence number it never sent: a header must not override the%n",
                "  PerfectLink는 보낸 적 없는 시퀀스 번호를 말하는 확인 응답 %d개를 버렸다: 헤더가 증거 없이 송신자의 상태를%n"), blind.implausibleAcks());
        System.out.println(t("  sender's state without proof. That stops a blind forger or a corrupted field; it cannot stop the",
                "  덮어쓰면 안 된다. 이것으로 눈먼 위조자나 손상된 필드는 막지만, 2부의 그럴듯한 위조는 막지 못한다."));
        System.out.println(t("  plausible forgery of part 2, which only authentication can.", "  그것은 인증만이 막을 수 있다."));

        DemoArgs.heading(System.out, t("4. The fix: every frame sealed with HMAC-SHA256 under a key A and B share",
                "4. 해결: A와 B가 공유하는 키로 모든 프레임을 HMAC-SHA256으로 봉인한다"));
        Outcome dataMac = ForgedFrames.forgedData(seed, true);
        System.out.println(t("  the forged data frame of part 1 (the attacker cannot compute the tag, so it sends 32 bytes of its own):",
                "  1부의 위조 데이터 프레임 (공격자는 태그를 계산할 수 없어 제멋대로 만든 32바이트를 보낸다):"));
        report(dataMac);
        Outcome ackMac = ForgedFrames.forgedAck(seed, true, AckForgery.PLAUSIBLE);
        System.out.println(t("  the forged acknowledgement of part 2:", "  2부의 위조 확인 응답:"));
        report(ackMac);

        DemoArgs.heading(System.out, t("5. A replayed genuine frame, HMAC on", "5. 진짜 프레임을 다시 보내는 재생 공격, HMAC 켬"));
        Outcome replay = ForgedFrames.replay(seed, true);
        System.out.println(t("  at 100 ms the attacker gives B, byte for byte, the first frame A sent it (m1, with its valid tag):",
                "  100 ms에 공격자가 A가 B에게 보낸 첫 프레임(올바른 태그가 붙은 m1)을 바이트 그대로 B에게 준다:"));
        report(replay);
        System.out.printf(t("  The tag verifies (frames rejected: %d); B's link dropped %d duplicate(s) by sequence number. That%n",
                "  태그는 검증을 통과하고 (거부된 프레임: %d), B의 링크는 시퀀스 번호로 중복 %d개를 버렸다. 이는%n"),
                replay.rejectedByMac(), replay.duplicatesDropped());
        System.out.println(t("  holds while B remembers what it delivered: the link keeps n_consecutive in memory and forgets it in",
                "  B가 무엇을 전달했는지 기억하는 동안만 성립한다: 링크는 n_consecutive를 메모리에 두고 재시작하면 잊으므로"));
        System.out.println(t("  a restart (see PerfectLinkCrashRecoveryTest), so a replay across a restart needs durable dedup too.",
                "  (PerfectLinkCrashRecoveryTest 참고), 재시작을 넘나드는 재생 공격에는 영속적인 중복 제거도 필요하다."));

        DemoArgs.heading(System.out, t("Diagrams", "다이어그램"));
        DemoOutput.diagrams(args, "forged-ack", t("A forged ACK (valid CRC32C) makes A give up on m4..m6", "위조 ACK(올바른 CRC32C)에 A가 m4..m6을 포기한다"),
                ack.sim().trace(), DemoOutput.NO_TIMERS);
        DemoOutput.diagrams(args, "forged-ack-hmac", t("The same forged ACK rejected by HMAC-SHA256", "같은 위조 ACK를 HMAC-SHA256이 거부한다"),
                ackMac.sim().trace(), DemoOutput.NO_TIMERS);
    }

    /** The sentence under part 2, from its outcome: what A believes and how many messages never arrived. */
    static String forgedAckVerdict(boolean senderSeesAllAcknowledged, int lost) {
        if (senderSeesAllAcknowledged && lost > 0) {
            return String.format(t("  A counts every message as acknowledged while %d of them never arrived: it stopped retransmitting%n"
                    + "  them, and healing the cut at 300 ms did not bring them back (the run goes on to 3 s).%n",
                    "  A는 모든 메시지가 확인 응답됐다고 여기지만 그중 %d개는 도착하지 않았다: A는 그것들의 재전송을 멈췄고,%n"
                    + "  300 ms에 끊김이 회복돼도 돌아오지 않았다 (실행은 3초까지 계속된다).%n"), lost);
        }
        if (lost > 0) {
            return String.format(t("  %d message(s) never arrived, and A knows it (not everything is acknowledged): the forgery did not%n"
                    + "  fool it in this run.%n",
                    "  메시지 %d개가 도착하지 않았고 A도 이를 안다 (모두 확인 응답된 것은 아니다): 이 실행에서 위조는%n"
                    + "  A를 속이지 못했다.%n"), lost);
        }
        return String.format(t("  Every message arrived: the forged ack did no harm in this run.%n",
                "  모든 메시지가 도착했다: 이 실행에서 위조 확인 응답은 해를 끼치지 않았다.%n"));
    }

    private static void report(Outcome o) {
        System.out.printf(t("    B delivered %s%n", "    B가 전달한 것: %s%n"), o.delivered());
        System.out.printf(t("    A believes everything acknowledged: %s; lost (sent, never delivered): %s; created (delivered, never sent): %s%n",
                "    A는 모두 확인 응답됐다고 믿는가: %s. 손실 (전송됐지만 전달 안 됨): %s. 생성 (전달됐지만 전송된 적 없음): %s%n"),
                o.senderSeesAllAcknowledged() ? t("yes", "예") : t("no", "아니오"), o.lost(), o.created());
        System.out.printf(t("    frames rejected by the HMAC check: %d; acks dropped as implausible: %d%n",
                "    HMAC 검사에서 거부된 프레임: %d개. 말이 안 돼 버린 확인 응답: %d개%n"), o.rejectedByMac(), o.implausibleAcks());
        for (CheckResult c : o.checks()) {
            System.out.println("    " + c);
        }
    }
}
