package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * The words the demos print for the model's values, in the language in effect
 * ({@link dev.dbinternals.ch08.harness.lang.Lang}). The model's own strings
 * ({@link GeneralsState#outcome()}, {@link Run#summary()}, the names of broken properties) stay
 * English: tests and the explorer compare them. Stateless.
 */
final class Words {

    private Words() {
    }

    /** An outcome of {@link GeneralsState#outcomeOf} ("both attack", "A attacks alone", ...) for the reader. */
    static String outcome(String outcome) {
        return switch (outcome) {
            case "both attack" -> t(outcome, "둘 다 공격");
            case "both retreat" -> t(outcome, "둘 다 후퇴");
            case "A attacks alone" -> t(outcome, "A만 공격");
            case "B attacks alone" -> t(outcome, "B만 공격");
            case "undecided" -> t(outcome, "미결정");
            default -> outcome;
        };
    }

    /** A property's name ("agreement", "validity", "non-triviality", any case, '_' for '-') for the reader. */
    static String property(Object property) {
        String p = property.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return switch (p) {
            case "agreement" -> t(p, "일치성");
            case "validity" -> t(p, "유효성");
            case "non-triviality" -> t(p, "비자명성");
            default -> p;
        };
    }

    /** {@link Run#summary()} for the reader, e.g. {@code #1 전달, #2 붙잡힘 → B만 공격} in Korean. */
    static String summary(Run run) {
        StringBuilder sb = new StringBuilder();
        for (Run.Step s : run.steps()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.delivered() ? t("deliver #" + s.messenger().seq(), "#" + s.messenger().seq() + " 전달")
                    : t("lose #" + s.messenger().seq(), "#" + s.messenger().seq() + " 붙잡힘"));
        }
        return (sb.length() == 0 ? t("(no messenger)", "(전령 없음)") : sb) + " → " + outcome(run.end().outcome());
    }

    /** {@link OneBitProtocolClass.RoundRun#summary()} for the reader. */
    static String summary(OneBitProtocolClass.RoundRun run) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= run.bits().size(); k++) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            General s = OneBitProtocolClass.sender(k);
            boolean lost = (run.lost() >>> (k - 1) & 1) == 1;
            sb.append('#').append(k).append(' ').append(s).append('→').append(s.other()).append(' ')
                    .append(run.bits().get(k - 1) ? 1 : 0).append(lost ? t(" captured", " 붙잡힘") : t(" arrives", " 도착"));
        }
        return sb + " → " + outcome(run.outcome());
    }

    /** A decision or plan (enum constant) with its Korean gloss: {@code ATTACK} / {@code ATTACK(공격)}. */
    static String plan(Object plan) {
        String p = plan.toString();
        return switch (p) {
            case "ATTACK" -> t(p, "ATTACK(공격)");
            case "RETREAT" -> t(p, "RETREAT(후퇴)");
            default -> p;
        };
    }

    /** "holds" or "VIOLATED". */
    static String holds(boolean holds) {
        return holds ? t("holds", "성립") : t("VIOLATED", "위반");
    }

    /** A boolean for the reader: {@code true}/{@code false} in English, 예/아니오 in Korean. */
    static String yes(boolean b) {
        return t(Boolean.toString(b), b ? "예" : "아니오");
    }

    /** {@link LastMessageArgument.Verdict#explanation()} for the reader (the Korean sentence built from the same run). */
    static String explanation(LastMessageArgument.Verdict v) {
        return t(v.explanation(), explanationKo(v));
    }

    /** The verdict's sentence ({@link LastMessageArgument.Verdict#explanation()}) in Korean, from the same run. */
    private static String explanationKo(LastMessageArgument.Verdict v) {
        String outcome = outcome(v.witness().end().outcome());
        return switch (v.broken()) {
            case NON_TRIVIALITY -> "계획이 ATTACK이고 전령이 모두 도착했는데도 결과는 '" + outcome
                    + "': 손실이 없어도 이 프로토콜은 둘 다 공격하게 하지 않는다";
            case AGREEMENT -> "마지막으로 도착한 전령을 붙잡자 " + outcome + " (" + summary(v.witness()) + ")";
            case VALIDITY -> "도착한 전령이 없어도 둘 다 여전히 공격한다. B가 보는 것은 두 계획에서 똑같이 비어 있으므로,"
                    + " 계획이 RETREAT이면 결과는 '" + outcome + "'";
        };
    }
}
