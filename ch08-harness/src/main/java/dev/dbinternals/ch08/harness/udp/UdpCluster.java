package dev.dbinternals.ch08.harness.udp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The real runtime: the same {@link Node} classes as in the simulation, over UDP sockets, with
 * the machine's clocks.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류) and "Links"
 * (링크): UDP gives what the fair-loss link models and no more: datagrams can be lost,
 * duplicated and reordered by the network, and its 16-bit checksum misses some corruption (on
 * loopback all of that is rare, which is why the simulation exists). Fair loss itself, a datagram
 * sent again and again eventually arriving, holds only while the network between them works.
 *
 * <p>Each hosted node has one event-loop thread that runs {@code onStart}, every
 * {@code onMessage} and every {@code onTimer}, one at a time, as the simulation does: it waits in
 * a {@link Selector} on the node's non-blocking {@link DatagramChannel} until a datagram arrives
 * or its next timer is due (timers live in a queue on that thread). Datagrams that are not our
 * frames, or come from an unknown sender, are counted in
 * {@link #malformedCount()} and dropped; a handler that throws is counted and logged, and the
 * node keeps running.
 *
 * <p>A cluster may host every node (one JVM, {@link #onLoopback}) or only some of them, with
 * the others' addresses known ({@link Builder#peer}): that is how one node per process runs.
 *
 * <p>Thread-safe: {@link #node}, {@link #inspect} and the counters may be called from any thread.
 */
public final class UdpCluster implements AutoCloseable {

    private final Map<Address, InetSocketAddress> addresses;   // every node, hosted or not
    private final Map<Address, Hosted> hosted;                 // insertion-ordered
    private final List<Address> names;
    private final PrintStream log;
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    private UdpCluster(Builder b) {
        this.log = b.log;
        Map<Address, Hosted> h = new LinkedHashMap<>();
        Map<Address, InetSocketAddress> all = new TreeMap<>(b.peers);
        try {
            for (var e : b.local.entrySet()) {
                InetSocketAddress bind = b.localAddresses.get(e.getKey());
                DatagramChannel channel = DatagramChannel.open();
                h.put(e.getKey(), null); // keeps the declaration order even if binding fails below
                try {
                    channel.bind(bind);
                    channel.configureBlocking(false);
                } catch (IOException ex) {
                    channel.close();
                    throw ex;
                }
                InetSocketAddress actual = new InetSocketAddress(bind.getAddress(),
                        ((InetSocketAddress) channel.getLocalAddress()).getPort());
                all.put(e.getKey(), actual);
                Path file = b.storageDir == null ? null : b.storageDir.resolve(e.getKey().name() + ".store");
                h.put(e.getKey(), new Hosted(e.getKey(), e.getValue(), channel, new FileStorage(file),
                        new SplittableRandom(b.seed ^ (e.getKey().name().hashCode() * 0x9e3779b97f4a7c15L))));
            }
        } catch (IOException ex) {
            h.values().stream().filter(Objects::nonNull).forEach(Hosted::closeChannel);
            throw new UncheckedIOException(t("cannot bind a UDP socket: ", "UDP 소켓을 바인드할 수 없습니다: ") + ex.getMessage(), ex);
        }
        this.addresses = Collections.unmodifiableMap(all);
        this.hosted = Collections.unmodifiableMap(h);
        this.names = List.copyOf(all.keySet());
    }

    /** Every node in this JVM, each on its own 127.0.0.1 port chosen by the OS. */
    public static UdpCluster onLoopback(Map<String, ? extends Supplier<? extends Node>> nodes) {
        Builder b = builder();
        new TreeMap<>(nodes).forEach((name, f) -> b.node(name, "127.0.0.1:0", f));
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Which nodes run here, which run elsewhere, and where each listens. Not thread-safe. */
    public static final class Builder {
        private final Map<Address, Supplier<? extends Node>> local = new LinkedHashMap<>();
        private final Map<Address, InetSocketAddress> localAddresses = new HashMap<>();
        private final Map<Address, InetSocketAddress> peers = new HashMap<>();
        private long seed = 1;
        private Path storageDir;
        private PrintStream log = System.err;

        private Builder() {
        }

        /** A node hosted in this JVM, listening on {@code hostPort} ("127.0.0.1:9001"; port 0 = any free port). */
        public Builder node(String name, String hostPort, Supplier<? extends Node> factory) {
            Address a = Address.of(name);
            if (local.containsKey(a) || peers.containsKey(a)) {
                throw new IllegalArgumentException("node " + name + " is declared twice");
            }
            local.put(a, Objects.requireNonNull(factory, "factory"));
            localAddresses.put(a, parse(hostPort));
            return this;
        }

        /** A node that runs elsewhere (another process or machine) at {@code hostPort}. */
        public Builder peer(String name, String hostPort) {
            Address a = Address.of(name);
            if (local.containsKey(a) || peers.containsKey(a)) {
                throw new IllegalArgumentException("node " + name + " is declared twice");
            }
            InetSocketAddress s = parse(hostPort);
            if (s.getPort() == 0) {
                throw new IllegalArgumentException("a peer needs an explicit port, got " + hostPort);
            }
            peers.put(a, s);
            return this;
        }

        /** Seed for the nodes' {@link Context#random()} (the runtime itself is not deterministic). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Keep each node's durable storage in {@code dir/<name>.store}; default: in memory. */
        public Builder storageDir(Path dir) {
            this.storageDir = dir;
            return this;
        }

        /** Where notes and handler errors are printed (default stderr; null = nowhere). */
        public Builder log(PrintStream out) {
            this.log = out;
            return this;
        }

        public UdpCluster build() {
            if (local.isEmpty()) {
                throw new IllegalStateException("host at least one node");
            }
            return new UdpCluster(this);
        }
    }

    /** Parses "host:port" (IPv4, a name, or [IPv6]:port) with a clear error. */
    public static InetSocketAddress parse(String hostPort) {
        Objects.requireNonNull(hostPort, "hostPort");
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException(t("expected host:port, got '" + hostPort + "'", "host:port 형식이어야 합니다. 받은 값: '" + hostPort + "'"));
        }
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(t("port must be a number in '" + hostPort + "'", "'" + hostPort + "' 의 포트는 숫자여야 합니다"));
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(t("port must be 0..65535 in '" + hostPort + "'", "'" + hostPort + "' 의 포트는 0..65535 여야 합니다"));
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (IOException e) {
            throw new IllegalArgumentException(t("unknown host in '" + hostPort + "': ", "'" + hostPort + "' 의 호스트를 알 수 없습니다: ") + e.getMessage());
        }
    }

    /** Starts every hosted node: its event-loop thread, which first runs {@code onStart}. */
    public UdpCluster start() {
        if (closed) {
            throw new IllegalStateException("this cluster is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the cluster is already started");
        }
        hosted.values().forEach(Hosted::start);
        return this;
    }

    /** Every node of the cluster, hosted or not, by name. */
    public List<Address> nodes() {
        return names;
    }

    /** Where each node listens (ports chosen by the OS are filled in). */
    public Map<Address, InetSocketAddress> addresses() {
        return addresses;
    }

    /** The node's instance, fetched on its loop thread (so what it wrote so far is visible). */
    public <T extends Node> T node(Address a, Class<T> type) {
        return inspect(a, type, n -> n);
    }

    /** Runs {@code f} on the node's loop thread and returns its result: the safe way to read a node's state. */
    public <T extends Node, R> R inspect(Address a, Class<T> type, Function<? super T, R> f) {
        Hosted h = hostedOrThrow(a);
        java.util.concurrent.FutureTask<R> task = new java.util.concurrent.FutureTask<>(() -> f.apply(type.cast(h.instance)));
        h.submit(task);
        try {
            return task.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inspecting " + a, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot inspect " + a + ": " + e, e);
        }
    }

    /** Sends raw bytes to a node's socket as if from outside the cluster (for tests of garbage handling). */
    public void sendRaw(Address to, byte[] datagram) {
        InetSocketAddress target = addresses.get(to);
        if (target == null) {
            throw new IllegalArgumentException("no node named " + to);
        }
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(datagram, datagram.length, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Datagrams dropped because they did not parse or came from an unknown sender, over all hosted nodes. */
    public long malformedCount() {
        return malformed.get();
    }

    /** Messages delivered to the node's {@code onMessage}. */
    public long deliveredCount(Address a) {
        return hostedOrThrow(a).delivered.get();
    }

    /** Frames the node received and threw away unread ({@link Context#discard}, e.g. through {@code Codec.receive}). */
    public long discardedCount(Address a) {
        return hostedOrThrow(a).discarded.get();
    }

    /** Handler invocations that threw (the node keeps running). */
    public long handlerErrors(Address a) {
        return hostedOrThrow(a).errors.get();
    }

    private Hosted hostedOrThrow(Address a) {
        Hosted h = hosted.get(a);
        if (h == null) {
            throw new IllegalArgumentException(a + " is not hosted in this process (hosted: " + hosted.keySet() + ")");
        }
        return h;
    }

    /** Stops every hosted node: closes sockets, stops threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Hosted h : hosted.values()) {
            h.stop();
        }
        for (Hosted h : hosted.values()) {
            try {
                if (h.thread != null) {
                    h.thread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                h.closeChannel();
            }
        }
    }

    private void log(String s) {
        PrintStream out = log;
        if (out != null) {
            out.println(s);
        }
    }

    /**
     * One node hosted here: its channel and its event-loop thread, which does everything for the
     * node: waits in a selector for datagrams, runs due timers from its own timer queue, and runs
     * tasks handed over by other threads. No second thread, so a datagram reaches the node with
     * no hand-off between threads.
     */
    private final class Hosted implements Context, LocalClock {
        final Address self;
        final Supplier<? extends Node> factory;
        final DatagramChannel channel;
        final DurableStorage storage;
        final RandomGenerator random;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong discarded = new AtomicLong();
        final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // timers: touched by the loop thread only
        final java.util.PriorityQueue<long[]> due = new java.util.PriorityQueue<>(
                (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        final Map<Long, Object> timerTags = new HashMap<>(); // id -> tag; looked up, never iterated
        final ByteBuffer buf = ByteBuffer.allocate(Frame.MAX_DATAGRAM + 1);
        long timerIds;
        Selector selector;
        volatile boolean running = true;
        Thread thread;
        Node instance;

        Hosted(Address self, Supplier<? extends Node> factory, DatagramChannel channel, DurableStorage storage,
               RandomGenerator random) throws IOException {
            this.self = self;
            this.factory = factory;
            this.channel = channel;
            this.storage = storage;
            this.random = random;
            this.selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        }

        void start() {
            thread = new Thread(this::loop, "udp-" + self.name());
            thread.setDaemon(true);
            thread.start();
        }

        void submit(Runnable task) {
            tasks.add(task);
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        void closeChannel() {
            try {
                channel.close();
                if (selector != null) {
                    selector.close();
                }
            } catch (IOException e) {
                log(self + t(": close failed: ", ": 닫기 실패: ") + e);
            }
        }

        private void loop() {
            instance = factory.get();
            guarded(t("starting", "시작"), () -> instance.onStart(this));
            try {
                while (running) {
                    long[] next = due.peek();
                    long wait = next == null ? 0 : next[0] - System.nanoTime();
                    if (!tasks.isEmpty() || (next != null && wait <= 0)) {
                        selector.selectNow();
                    } else {
                        // select(ms) has millisecond resolution: round up so a timer is never early
                        selector.select(next == null ? 0 : Math.max(1, (wait + 999_999) / 1_000_000));
                    }
                    selector.selectedKeys().clear();
                    receiveAll();
                    runDueTimers();
                    for (Runnable t; (t = tasks.poll()) != null; ) {
                        t.run();
                    }
                }
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                if (running) {
                    log(self + t(": event loop stopped: ", ": 이벤트 루프가 멈췄다: ") + e);
                }
            }
        }

        private void receiveAll() throws IOException {
            while (true) {
                buf.clear();
                java.net.SocketAddress src = channel.receive(buf);
                if (src == null) {
                    return;
                }
                Frame.Parsed f;
                Address from;
                try {
                    f = Frame.decode(buf.array(), 0, buf.position());
                    from = Address.of(f.sender());
                    if (!addresses.containsKey(from)) {
                        throw new IllegalArgumentException("unknown sender " + from);
                    }
                } catch (IllegalArgumentException e) {
                    malformed.incrementAndGet();
                    continue; // garbage never reaches a node
                }
                delivered.incrementAndGet();
                byte[] payload = f.payload();
                guarded(t("handling a message from " + from, from + "에서 온 메시지 처리"), () -> instance.onMessage(this, from, payload));
            }
        }

        private void runDueTimers() {
            long now = System.nanoTime();
            for (long[] t; (t = due.peek()) != null && t[0] - now <= 0; ) {
                due.poll();
                Object stored = timerTags.remove(t[1]);
                if (stored != null) { // null: cancelled
                    Object tag = stored == NULL_TAG ? null : stored;
                    guarded(t("handling timer " + tag, "타이머 " + tag + " 처리"), () -> instance.onTimer(this, tag));
                }
            }
        }

        private void guarded(String what, Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                log(t(self + " threw while " + what + ": ", self + ": " + what + " 중 예외를 던졌다: ") + e);
            }
        }

        @Override
        public Address self() {
            return self;
        }

        @Override
        public List<Address> nodes() {
            return names;
        }

        @Override
        public void send(Address to, byte[] message) {
            InetSocketAddress target = addresses.get(to);
            if (target == null) {
                throw new IllegalArgumentException("no node named " + to + " (nodes: " + names + ")");
            }
            byte[] frame = Frame.encode(self.name(), message);
            try {
                // non-blocking: if the socket buffer is full the datagram is lost, as on a fair-loss link
                channel.send(ByteBuffer.wrap(frame), target);
            } catch (IOException e) {
                if (channel.isOpen()) {
                    log(t(self + ": send to " + to + " failed: ", self + ": 전송 실패 (" + to + "): ") + e.getMessage());
                }
            }
        }

        @Override
        public TimerId setTimer(Duration delay, Object tag) {
            long id = ++timerIds;
            timerTags.put(id, tag == null ? NULL_TAG : tag);
            due.add(new long[] {System.nanoTime() + Math.max(0, delay.toNanos()), id});
            return new TimerId(id);
        }

        @Override
        public void cancelTimer(TimerId timer) {
            timerTags.remove(timer.id()); // the queue entry stays and is skipped when it comes due
        }

        @Override
        public LocalClock clock() {
            return this;
        }

        @Override
        public long wallMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public DurableStorage storage() {
            return storage;
        }

        @Override
        public void note(String text) {
            log(String.format("%tT.%<tL %s: %s", System.currentTimeMillis(), self, text));
        }

        @Override
        public void discard(String why) {
            discarded.incrementAndGet();
        }
    }

    private static final Object NULL_TAG = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("UdpCluster[");
        addresses.forEach((a, s) -> sb.append(a).append(hosted.containsKey(a) ? "*" : "").append('=')
                .append(s.getAddress().getHostAddress()).append(':').append(s.getPort()).append(' '));
        return sb.toString().trim() + "]";
    }
}
