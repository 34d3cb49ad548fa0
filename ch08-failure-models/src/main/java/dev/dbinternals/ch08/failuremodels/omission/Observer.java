package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Ping;
import dev.dbinternals.ch08.failuremodels.Messages.Pong;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pings one process every {@code period} and writes down every answer: all another process
 * can ever know about it.
 *
 * <p>Book: Chapter 8, "Omission Faults" (누락). What it can conclude from its answers: silence
 * (crash, partition, loss or pause: it cannot tell which), a counter that went backwards
 * (the process lost state: not an omission), or a new incarnation (the process restarted and
 * says so). Not thread-safe.
 */
public final class Observer implements Node {

    private final Address watched;
    private final Duration period;
    private final List<Pong> answers = new ArrayList<>();
    private long n;

    public Observer(Address watched, Duration period) {
        this.watched = watched;
        this.period = period;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(period, "ping");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        ctx.send(watched, Messages.encode(new Ping(++n)));
        ctx.setTimer(period, "ping");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (Messages.decode(bytes) instanceof Pong p) {
            if (!answers.isEmpty()) {
                Pong last = answers.get(answers.size() - 1);
                if (p.incarnation() > last.incarnation()) {
                    ctx.note(from + " restarted (incarnation " + last.incarnation() + " -> " + p.incarnation() + ")");
                } else if (p.answered() <= last.answered()) {
                    ctx.note(from + " went backwards (" + last.answered() + " -> " + p.answered() + "): it lost state");
                }
            }
            answers.add(p);
        }
    }

    public List<Pong> answers() {
        return Collections.unmodifiableList(answers);
    }

    /** Answers whose counter did not grow within the same incarnation: the process forgot what it had told us. */
    public long regressions() {
        long r = 0;
        for (int i = 1; i < answers.size(); i++) {
            Pong a = answers.get(i - 1);
            Pong b = answers.get(i);
            if (b.incarnation() == a.incarnation() && b.answered() <= a.answered()) {
                r++;
            }
        }
        return r;
    }

    /** How many times the incarnation grew: restarts the process told us about. */
    public long restartsSeen() {
        long r = 0;
        for (int i = 1; i < answers.size(); i++) {
            if (answers.get(i).incarnation() > answers.get(i - 1).incarnation()) {
                r++;
            }
        }
        return r;
    }
}
