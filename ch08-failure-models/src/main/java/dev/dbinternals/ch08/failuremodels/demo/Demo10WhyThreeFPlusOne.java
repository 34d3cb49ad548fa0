package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.arbitrary.OralMessages;
import dev.dbinternals.ch08.failuremodels.arbitrary.OralMessages.FourResult;
import dev.dbinternals.ch08.failuremodels.arbitrary.OralMessages.ThreeResult;
import dev.dbinternals.ch08.harness.demo.DemoArgs;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 10: Byzantine agreement with one traitor, three processes against four: every
 * deterministic one-relay-round decision rule enumerated for three, OM(1) checked for four. The
 * smallest case of the {@code n >= 3f + 1} bound, which Lamport, Shostak and Pease (1982) prove
 * for three processes by an indistinguishability argument and for {@code n <= 3f} by reduction
 * to that case; the enumeration illustrates it, it does not prove it.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애, 비잔틴 내결함성). Run:
 * {@code ./ch08 demo ch08-failure-models three-f-plus-one [--quick]}
 */
public final class Demo10WhyThreeFPlusOne {

    private Demo10WhyThreeFPlusOne() {
    }

    public static void main(String[] argv) {
        DemoArgs.forDemo("three-f-plus-one", "Byzantine agreement with one traitor: 3 vs 4 processes, one relay round, every deterministic rule",
                        "배신자 하나가 있는 비잔틴 일치: 프로세스 3개 대 4개, 중계 한 라운드, 모든 결정적 규칙")
                .writesNoFiles().parse(argv);
        DemoArgs.heading(System.out, t("A commander and two lieutenants, one of the three a traitor, messages unsigned",
                "사령관 하나와 부관 둘, 셋 중 하나가 배신자, 메시지에 서명 없음"));
        System.out.println(t("Each lieutenant hears the commander's order and what the other lieutenant says it heard,",
                "부관은 각자 사령관의 명령과, 다른 부관이 들었다고 말하는 명령을 듣고"));
        System.out.println(t("then decides. IC1: loyal lieutenants decide alike. IC2: they obey a loyal commander.",
                "결정한다. IC1: 충성스러운 부관들은 같게 결정한다. IC2: 사령관이 충성스러우면 그 명령을 따른다."));
        ThreeResult three = OralMessages.everyRuleFailsWithThree();
        System.out.printf(t("Decision rules tried: all %d pairs (16 possible rules per lieutenant).%n",
                "시도한 결정 규칙: 모든 쌍 %d개(부관마다 가능한 규칙 16개).%n"), three.rulePairs());
        System.out.printf(t("Pairs that break IC1 or IC2 for some traitor and some lie: %d of %d.%n",
                "어떤 배신자와 어떤 거짓말에 대해 IC1이나 IC2를 깨는 쌍: %2$d개 중 %1$d개.%n"), three.pairsThatFail(),
                three.rulePairs());
        System.out.println(t("For example, ", "예: ") + three.cautiousRuleWitness());
        System.out.println(t("Why no such rule can work: L1 hearing (ATTACK from the commander, 'RETREAT' from L2) cannot tell",
                "어떤 규칙도 통하지 않는 이유: (사령관에게서 ATTACK, L2에게서 'RETREAT')를 들은 L1은"));
        System.out.println(t("'the commander is loyal, L2 lies' (IC2: must ATTACK) from 'the commander lies, L2 is loyal'",
                "'사령관은 충성, L2가 거짓말'(IC2: ATTACK 해야 함)과 '사령관이 거짓말, L2는 충성'을 구별할 수 없다"));
        System.out.println(t("(IC1: must agree with L2, who heard RETREAT and by the same argument must RETREAT).",
                "(IC1: L2와 같아야 하는데, RETREAT를 들은 L2는 같은 논리로 RETREAT 해야 한다)."));

        DemoArgs.heading(System.out, t("A commander and three lieutenants, one traitor: OM(1), each decides the majority of 3 values",
                "사령관 하나와 부관 셋, 배신자 하나: OM(1), 각자 값 3개의 다수결로 결정"));
        FourResult four = OralMessages.majorityWorksWithFour();
        System.out.printf(t("Scenarios (traitor position x every lie): %d; violations: %d.%n",
                "시나리오(배신자 위치 x 모든 거짓말): %d개, 위반: %d개.%n"), four.scenarios(),
                four.violations().size());
        System.out.println();
        System.out.println(t("What this enumerated: f = 1, binary orders, one relay round, deterministic rules over the two",
                "여기서 열거한 것: f = 1, 이진 명령, 중계 한 라운드, 부관이 가진 두 값에 대한 결정적 규칙."));
        System.out.println(t("values a lieutenant holds. That no protocol at all (more rounds, any rule) lets 3f or fewer",
                "어떤 프로토콜도(라운드를 늘리든 어떤 규칙이든) 서명 없는 메시지로는 임의의 장애 프로세스 f개가"));
        System.out.println(t("processes agree despite f arbitrary ones, with unsigned messages, is Lamport, Shostak and",
                "있을 때 3f개 이하의 프로세스를 일치시킬 수 없다는 것은 Lamport, Shostak, Pease의 정리(1982)다:"));
        System.out.println(t("Pease's theorem (1982): the same indistinguishability for three processes, then a reduction of",
                "프로세스 3개에 대한 같은 구별 불가능성 논증에, n <= 3f를 3개로 환원하는 논증(각 프로세스가 다른"));
        System.out.println(t("n <= 3f to three, each simulating up to f of the others (see also Fischer, Lynch and Merritt",
                "프로세스를 최대 f개까지 시뮬레이션한다)을 더한다(Fischer, Lynch, Merritt 1986도 보라)."));
        System.out.println(t("1986); OM(f) with n >= 3f + 1 is their matching algorithm. Demo 9's read vote gets by with",
                "n >= 3f + 1에서의 OM(f)가 그에 맞는 그들의 알고리즘이다. 데모 9의 읽기 투표가 2f + 1개로"));
        System.out.println(t("2f + 1 because it does not agree on anything: it only filters answers, trusting that the",
                "충분한 것은 무엇에 대해서도 일치를 이루지 않기 때문이다: 올바른 복제본이 이미 일치한다고 믿고 응답을"));
        System.out.println(t("correct replicas already agree. (Signed messages change the synchronous bound, and a",
                "걸러낼 뿐이다. (서명된 메시지는 동기 모델의 한계를 바꾸며, 동시 쓰기 아래의 쿼럼 복제"));
        System.out.println(t("quorum-replicated register under concurrent writes needs its own analysis.)",
                "레지스터는 따로 분석해야 한다.)"));
    }
}
