package dev.dbinternals.ch08.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.PingPong;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingContextTest {

    /** A context that records each call and answers with a value made for that call. */
    private static final class Recorder {
        final List<String> calls = new ArrayList<>();
        final List<Object[]> args = new ArrayList<>();
        final Context context = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, a) -> {
                    calls.add(method.getName());
                    args.add(a == null ? new Object[0] : a);
                    return answerFor(method);
                });
    }

    private static final Address B = Address.of("B");
    private static final TimerId TIMER = new TimerId(42);

    private static Object answerFor(Method m) {
        return switch (m.getName()) {
            case "self" -> B;
            case "nodes" -> List.of(B);
            case "setTimer" -> TIMER;
            default -> null; // clock, random, storage: null is enough to see it came through
        };
    }

    private static Object[] argumentsFor(Method m) {
        Object[] a = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < a.length; i++) {
            a[i] = types[i] == Address.class ? B
                    : types[i] == byte[].class ? new byte[] {1, 2}
                    : types[i] == Duration.class ? Duration.ofMillis(3)
                    : types[i] == TimerId.class ? TIMER
                    : "text " + i;
        }
        return a;
    }

    @Test
    void shouldForwardEveryMethodOfContextWithItsArgumentsAndResult() throws Exception {
        for (Method m : Context.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Recorder inner = new Recorder();
            Object[] a = argumentsFor(m);

            Object result = m.invoke(new ForwardingContext(inner.context), a);

            assertThat(inner.calls).as("%s reaches the wrapped context once", m.getName()).containsExactly(m.getName());
            assertThat(inner.args.get(0)).as("%s's arguments", m.getName()).containsExactly(a);
            assertThat(result).as("%s's result", m.getName()).isEqualTo(answerFor(m));
        }
    }

    @Test
    void shouldDeclareEveryMethodOfContextItselfSoNoDefaultIsKeptByMistake() throws Exception {
        for (Method m : Context.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            assertThat(ForwardingContext.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass())
                    .as("ForwardingContext overrides %s (a default method left alone would not forward)", m.getName())
                    .isEqualTo(ForwardingContext.class);
        }
    }

    /** A node that wraps another and drops its first {@code n} sends: the use the class is for. */
    private static final class DropFirst implements Node {
        private final Node inner;
        private int toDrop;

        DropFirst(Node inner, int toDrop) {
            this.inner = inner;
            this.toDrop = toDrop;
        }

        private Context wrap(Context ctx) {
            return new ForwardingContext(ctx) {
                @Override
                public void send(Address to, byte[] message) {
                    if (toDrop > 0) {
                        toDrop--;
                        note("dropped a send on purpose");
                        return;
                    }
                    super.send(to, message);
                }
            };
        }

        @Override
        public void onStart(Context ctx) {
            inner.onStart(wrap(ctx));
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            inner.onMessage(wrap(ctx), from, message);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            inner.onTimer(wrap(ctx), tag);
        }
    }

    @Test
    void shouldLetAWrappingNodeChangeOneThingAndKeepTheRest() {
        // given a pinger whose first two pings are dropped by its wrapper, on a network without faults
        Simulation sim = new Simulation(1);
        Address b = Address.of("B");
        PingPong.Pinger pinger = new PingPong.Pinger(b, 3, Duration.ofMillis(5));
        Address a = sim.addNode("A", () -> new DropFirst(pinger, 2));
        sim.addNode(b, PingPong.Ponger::new);

        // when it runs until every ping is answered
        boolean done = sim.runUntil(pinger::done, Duration.ofSeconds(10));

        // then the pinger's timers (forwarded) retransmitted what the wrapper dropped, and its notes reached the trace
        assertThat(done).as("all pings answered: timers and sends were forwarded").isTrue();
        assertThat(sim.trace().ofKind(TraceEvent.Kind.NOTE))
                .filteredOn(e -> e.node().equals(a) && e.detail().contains("dropped a send on purpose")).hasSize(2);
    }
}
