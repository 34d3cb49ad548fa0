package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise flp-1: make consensus safe, leave as few runs undecided as you can, and watch FLP send
 * the bill (FLP 불가능성 이론).
 *
 * <p>Write a protocol for 3 processes that keeps <b>agreement</b> and <b>validity</b> in every run
 * with at most one crash, that decides in every run <em>without</em> a crash, and that decides in
 * every run whose crashed process got at least one message to a correct process before it crashed.
 * The last test then checks a consequence of FLP: some run with one crash still leaves a correct
 * process undecided. (In this finite model every crash-free run ends and decides, so the run FLP
 * forces must contain the crash here. FLP's own non-deciding run, in a model where runs go on
 * forever, contains none: the adversary only orders and delays messages.)
 * A failing test prints the shortest run that breaks its property, step by step.
 */
public final class SafeProtocol implements ConsensusProtocol {

    @Override
    public String name() {
        return "SafeProtocol";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        throw new NotDoneYet("flp-1", "ch08-flp/src/exercise/java/dev/dbinternals/ch08/flp/SafeProtocol.java",
                "return the messages to send and the decision (the README's exercise table has a hint for flp-1)",
                "보낼 메시지와 결정을 반환하도록 구현하세요(README.ko.md의 연습 문제 표에 flp-1 힌트가 있어요).");
    }
}
