package dev.dbinternals.ch08.harness.render;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.sim.Trace;
import java.util.Locale;

/**
 * Which part of a long run a diagram draws when the whole run does not fit: its {@link #START}
 * (a demo tells its story from the beginning) or its {@link #END}, the last events up to where
 * the run stopped — where a failed run failed: an invariant stops the run at the event that
 * broke it, and a property checked after the run fails on the state the last events left.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): a
 * fault seen once in ten thousand events must be visible in the picture of its run.
 *
 * <p>Events are numbered as in the whole run, from 1, counting the events a bounded trace
 * ({@link Trace#keepLast}) no longer keeps, so "events 10,413–10,612 of 10,612" means the last
 * 200 of the run.
 */
public enum Window {
    /** The first events of the run. */
    START,
    /** The last events of the run, ending where it stopped (a failure). */
    END;

    /**
     * The sentence a diagram shows when it draws only part of the run; empty when it draws all of
     * it. {@code first} and {@code last} are the run-wide numbers (from 1) of the first and the last
     * event drawn, {@code total} the number of events the run recorded, {@code forgotten} how many
     * of the first ones a bounded trace no longer keeps.
     */
    public String describe(long first, long last, long total, long forgotten) {
        if (first <= 1 && last >= total) {
            return "";
        }
        String a = String.format(Locale.ROOT, "%,d", first);
        String b = String.format(Locale.ROOT, "%,d", last);
        String n = String.format(Locale.ROOT, "%,d", total);
        String head = t("Shown: events " + a + "–" + b + " of " + n, "표시한 부분: 전체 이벤트 " + n + "개 중 " + a + "–" + b + "번");
        // what the text trace still holds of the part not drawn: a bounded trace forgot its oldest events
        String before = first - 1 <= forgotten
                ? t("; the " + String.format(Locale.ROOT, "%,d", first - 1) + " before were not kept (Trace.keepLast).",
                        ". 그 앞의 " + String.format(Locale.ROOT, "%,d", first - 1) + "개는 보관하지 않았다 (Trace.keepLast).")
                : t("; the earlier ones are in the text trace.", ". 그 앞의 이벤트는 텍스트 트레이스에 있다.");
        String notKept = t(" The first " + String.format(Locale.ROOT, "%,d", forgotten) + " were not kept (Trace.keepLast).",
                " 처음 " + String.format(Locale.ROOT, "%,d", forgotten) + "개는 보관하지 않았다 (Trace.keepLast).");
        if (this == END) {
            // the text trace holds the earlier ones only from where a bounded trace starts: say where that is
            return head + t(", the end of the run, up to where it stopped", ", 실행이 멈춘 곳까지의 끝부분이다") + (first > 1 ? before : ".")
                    + (forgotten > 0 && first - 1 > forgotten ? notKept : "");
        }
        String part = forgotten == 0 ? t(", the start of the run", ", 실행의 앞부분이다") : t(", the first the trace kept", ", 트레이스가 보관한 앞부분이다");
        return head + part + (last < total ? t("; the later ones are in the text trace.", ". 그 뒤의 이벤트는 텍스트 트레이스에 있다.") : ".")
                + (forgotten > 0 ? notKept : "");
    }

    /** The run-wide number (from 1) of {@code trace.events().get(index)}. */
    static long number(Trace trace, int index) {
        return trace.forgotten() + index + 1;
    }

    /** How many events the run recorded, the forgotten ones included. */
    static long total(Trace trace) {
        return trace.forgotten() + trace.size();
    }
}
