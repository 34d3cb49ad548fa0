package dev.dbinternals.ch08.harness.fallacies;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.DropReason;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fallacy 5, "Topology doesn't change": during the run server S2 is decommissioned and S4
 * joins. A client with a static list of servers keeps sending S2's share of the keys to S2,
 * which is gone, and never uses S4. A client that treats membership as a versioned view (an
 * epoch number), and refreshes it from the membership service when a reply shows a newer epoch
 * or a request times out, routes every key to a live server.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류), and "State
 * Consistency" (상태 일관성): nodes that assume the same view of the cluster without enforcing it
 * read and write in the wrong place (the book's example is Cassandra's divergent view of the
 * ring; {@code ch08-concurrency}'s {@code EpochGuard} shows that one).
 *
 * <p>The world: a membership service D holds the view {epoch, members} and pushes every new
 * view to the members; servers stamp each reply with the epoch they know. Keys go to
 * {@code members[key mod size]}. What it shows, counted from the run: requests answered, frames
 * sent to the departed server, requests served by the newcomer. Stateless and thread-safe.
 */
public final class F5TopologyDoesNotChange implements Fallacy {

    record Request(int key) {
    }

    record Reply(int key, String server, long epoch) {
    }

    record Join(String server) {
    }

    record Leave(String server) {
    }

    record GetView(long known) {
    }

    record View(long epoch, List<String> members) {
    }

    static final Codec CODEC = Codec.builder().register(1, Request.class).register(2, Reply.class)
            .register(3, Join.class).register(4, Leave.class).register(5, GetView.class).register(6, View.class).build();
    static final Address DIRECTORY = Address.of("D");
    static final List<String> INITIAL = List.of("S1", "S2", "S3");
    static final Duration EVERY = Duration.ofMillis(2);
    static final Duration TIMEOUT = Duration.ofMillis(10);

    /** What one run counted. */
    public record Result(int requests, int answered, long framesToDeparted, int servedByNewcomer, int viewRefreshes) {
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String fallacy() {
        return t("Topology doesn't change", "토폴로지는 바뀌지 않는다");
    }

    /** The membership service: the one place the view changes, each change a new epoch. */
    static final class Directory implements Node {
        long epoch = 1;
        final TreeSet<String> members = new TreeSet<>(INITIAL);

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            Object m = CODEC.decode(message);
            if (m instanceof Join j && members.add(j.server())) {
                publish(ctx);
            } else if (m instanceof Leave l && members.remove(l.server())) {
                publish(ctx);
            } else if (m instanceof GetView) {
                ctx.send(from, CODEC.encode(view()));
            }
        }

        private View view() {
            return new View(epoch, List.copyOf(members));
        }

        private void publish(Context ctx) {
            epoch++;
            for (String s : members) {
                ctx.send(Address.of(s), CODEC.encode(view()));
            }
        }
    }

    /** A server: answers every request, stamped with the epoch it knows; may announce joining or leave at a set time. */
    static final class Server implements Node {
        final boolean announceJoin;
        final Duration leaveAt;
        long epoch = 1;

        Server(boolean announceJoin, Duration leaveAt) {
            this.announceJoin = announceJoin;
            this.leaveAt = leaveAt;
        }

        @Override
        public void onStart(Context ctx) {
            if (announceJoin) {
                ctx.send(DIRECTORY, CODEC.encode(new Join(ctx.self().name())));
            }
            if (leaveAt != null) {
                ctx.setTimer(leaveAt, "leave");
            }
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            ctx.send(DIRECTORY, CODEC.encode(new Leave(ctx.self().name()))); // decommissioned: it shuts down next
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            Object m = CODEC.decode(message);
            if (m instanceof View v) {
                epoch = Math.max(epoch, v.epoch());
            } else if (m instanceof Request r) {
                ctx.send(from, CODEC.encode(new Reply(r.key(), ctx.self().name(), epoch)));
            }
        }
    }

    /** Issues keys 1..n, one every {@link #EVERY}; retries a key after {@link #TIMEOUT} without its reply. */
    static final class Client implements Node {
        final boolean versioned;
        final int n;
        long epoch = 1;
        List<String> members = INITIAL; // both clients start from the same configuration
        final Map<Integer, String> answeredBy = new TreeMap<>();
        final TreeSet<Integer> pending = new TreeSet<>();
        int next = 1;
        int refreshes;

        Client(boolean versioned, int n) {
            this.versioned = versioned;
            this.n = n;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(EVERY, "issue");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            if (tag.equals("issue")) {
                pending.add(next);
                send(ctx, next);
                ctx.setTimer(TIMEOUT, next);
                if (++next <= n) {
                    ctx.setTimer(EVERY, "issue");
                }
                return;
            }
            int key = (Integer) tag;
            if (pending.contains(key)) {
                if (versioned) {
                    refresh(ctx); // silence may mean the view moved on
                }
                send(ctx, key); // the naive client resends to the same owner: its list never changes
                ctx.setTimer(TIMEOUT, key);
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            Object m = CODEC.decode(message);
            if (m instanceof Reply r) {
                if (pending.remove(r.key())) {
                    answeredBy.put(r.key(), r.server());
                }
                if (versioned && r.epoch() > epoch) {
                    refresh(ctx); // the server knows a newer view than ours
                }
            } else if (m instanceof View v && v.epoch() > epoch) {
                epoch = v.epoch();
                members = v.members();
                for (int key : pending) {
                    send(ctx, key); // re-route what is outstanding under the new view
                }
            }
        }

        private void refresh(Context ctx) {
            refreshes++;
            ctx.send(DIRECTORY, CODEC.encode(new GetView(epoch)));
        }

        private void send(Context ctx, int key) {
            ctx.send(Address.of(members.get(key % members.size())), CODEC.encode(new Request(key)));
        }
    }

    public static Result naive(long seed, int n) {
        return run(seed, n, false);
    }

    public static Result fix(long seed, int n) {
        return run(seed, n, true);
    }

    private static Result run(long seed, int n, boolean versioned) {
        Simulation sim = new Simulation(seed);
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(2))));
        Duration span = EVERY.multipliedBy(n);
        Duration leave = span.dividedBy(3);
        Duration join = span.multipliedBy(2).dividedBy(3);
        sim.addNode(DIRECTORY, Directory::new);
        sim.addNode("S1", () -> new Server(false, null));
        Address s2 = sim.addNode("S2", () -> new Server(false, leave));
        sim.addNode("S3", () -> new Server(false, null));
        Address c = sim.addNode("C", () -> new Client(versioned, n));
        long[] stoppedAt = {Long.MAX_VALUE};
        sim.at(leave.plusMillis(1), () -> { // S2 told D it leaves; a millisecond later it is shut down for good
            sim.crash(s2);
            stoppedAt[0] = sim.nowNanos();
        });
        sim.at(join, () -> sim.addNode("S4", () -> new Server(true, null)));
        Client client = sim.node(c, Client.class);
        sim.runUntil(() -> client.answeredBy.size() == n, span.plusMillis(200));
        long toDeparted = sim.trace().filter(e -> e.kind() == TraceEvent.Kind.DROP
                && e.dropReason() == DropReason.RECEIVER_CRASHED && e.peer().equals(s2)).size();
        int byNewcomer = (int) client.answeredBy.values().stream().filter("S4"::equals).count();
        return new Result(n, client.answeredBy.size(), toDeparted, byNewcomer, client.refreshes);
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        int n = quick ? 60 : 300;
        Result naive = naive(seed, n);
        Result fix = fix(seed, n);
        return new Outcome(
                List.of(String.format(t("C sends %d keys, one every %d ms, to members[key mod size], starting from S1, S2, S3;",
                                "C가 키 %d개를 %d ms마다 하나씩 members[key mod size]에게 보낸다. 시작은 S1, S2, S3;"),
                                n, EVERY.toMillis()),
                        t("a third of the way in S2 leaves (and shuts down); two thirds in S4 joins. D keeps the versioned view.",
                                "3분의 1 지점에서 S2가 떠나고 (종료하고), 3분의 2 지점에서 S4가 합류한다. D가 버전이 붙은 뷰를 관리한다.")),
                List.of(String.format(t("static peer list: %d of %d answered; %d frame(s) went to the departed S2; S4 served %d.",
                        "고정된 피어 목록: %2$d개 중 %1$d개가 응답받았다; 프레임 %3$d개가 떠난 S2로 갔다; S4가 처리한 것 %4$d개."),
                        naive.answered(), n, naive.framesToDeparted(), naive.servedByNewcomer())),
                List.of(String.format(t("versioned view (epoch), refreshed %d times: %d of %d answered; %d frame(s) went to the departed S2; S4 served %d.",
                        "버전이 붙은 뷰 (에포크), %1$d번 갱신: %3$d개 중 %2$d개가 응답받았다; 프레임 %4$d개가 떠난 S2로 갔다; S4가 처리한 것 %5$d개."),
                        fix.viewRefreshes(), fix.answered(), n, fix.framesToDeparted(), fix.servedByNewcomer())),
                naive.answered() < n,
                fix.answered() == n && fix.servedByNewcomer() > 0,
                t("static peer list from the config file", "설정 파일의 고정된 피어 목록"),
                t("versioned membership (epoch), refreshed on a newer epoch or a timeout", "버전이 붙은 멤버십 (에포크), 더 새 에포크나 타임아웃에 갱신"));
    }
}
