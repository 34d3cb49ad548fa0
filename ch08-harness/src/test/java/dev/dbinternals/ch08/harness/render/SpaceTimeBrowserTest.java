package dev.dbinternals.ch08.harness.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.demo.Heartbeat;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens space-time diagrams in a real browser (headless Chromium) and checks what a reader
 * sees: no two labels overlap, no label covers a crash, restart, drop or partition mark, the
 * drawing uses the window's width, node names stay in view while scrolling, filtering by node
 * and by kind hides exactly those events, stepping moves the chosen event forward and back,
 * clicking a message shows its content, and a node's notes appear at their step.
 *
 * <p>The page checks itself when opened with {@code #selftest} (see {@link SpaceTime#html})
 * and writes the results into its DOM, which {@code chromium --dump-dom} prints: no driver,
 * no download. The runs are built here with the shapes the chapter modules' diagrams have
 * (dense request/response traffic between many nodes, a crash at the same instant as
 * deliveries, partitions, drops, duplicates and corruption, long and hostile labels).
 *
 * <p>Without a Chromium binary the tests are skipped with a message; with
 * {@code -Dch08.requireBrowser=true} a missing browser fails them instead (CI runs them in its
 * main {@code mvn -B test} and fails when their report shows a skipped test).
 * {@code -Dch08.chromium=/path/to/chrome} names the binary. The pages are kept under
 * {@code target/spacetime-browser/}.
 */
@Tag("slow") // starts a browser: the newest-JDK build in CI leaves it to the main run
class SpaceTimeBrowserTest {

    private static final Path OUT = Path.of("target", "spacetime-browser");
    private static final List<String> ALWAYS = List.of("labels", "marks", "every-event-labelled", "width", "fonts",
            "sticky-names", "filter-node", "filter-node-restore", "filter-kind", "step", "click-message");
    private static String chromium;

    @BeforeAll
    static void findBrowser() throws IOException {
        chromium = locate();
        Files.createDirectories(OUT);
    }

    static String locate() {
        String named = System.getProperty("ch08.chromium");
        if (named != null && !named.isBlank()) {
            return Files.isExecutable(Path.of(named)) ? named : null;
        }
        List<String> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String exe : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")) {
                candidates.add(dir + File.separator + exe);
            }
        }
        candidates.add("/Applications/Chromium.app/Contents/MacOS/Chromium");
        candidates.add("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
        for (String c : candidates) {
            if (!c.isEmpty() && Files.isExecutable(Path.of(c)) && !Files.isDirectory(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    private static void needBrowser() {
        if (chromium != null) {
            return;
        }
        String named = System.getProperty("ch08.chromium");
        String why = (named != null && !named.isBlank() ? "-Dch08.chromium=" + named + " is not an executable file"
                : "no Chromium or Chrome binary found on PATH (looked for chromium, chromium-browser, google-chrome)")
                + ": install one (Debian: apt-get install chromium) or name it with -Dch08.chromium=/path to run the browser test";
        if (Boolean.getBoolean("ch08.requireBrowser")) {
            fail(why + " (-Dch08.requireBrowser=true: a missing browser is a failure)");
        }
        Assumptions.assumeTrue(false, why);
    }

    // ------------------------------------------------------------------ the runs

    /** Clients asking a server for a counter, retrying after a timeout, over a lossy link: like remote-counter. */
    static Simulation dense() {
        Simulation sim = new Simulation(7);
        Address server = Address.of("server");
        sim.addNode(server, () -> new Node() {
            int value;

            @Override
            public void onMessage(Context ctx, Address from, byte[] m) {
                String req = new String(m, StandardCharsets.UTF_8);
                if (req.startsWith("Put")) {
                    value++;
                }
                ctx.send(from, ("Value[request=" + req + ", value=" + value + "]").getBytes(StandardCharsets.UTF_8));
            }
        });
        for (int c = 0; c < 4; c++) {
            int me = c;
            sim.addNode("client" + c, () -> new Node() {
                int n;

                @Override
                public void onStart(Context ctx) {
                    ask(ctx);
                }

                void ask(Context ctx) {
                    ctx.send(server, ((n % 2 == 0 ? "Get" : "Put") + "[id=" + (me * 1000 + n) + "]").getBytes(StandardCharsets.UTF_8));
                    ctx.setTimer(Duration.ofMillis(30), n);
                }

                @Override
                public void onMessage(Context ctx, Address from, byte[] m) {
                    String reply = new String(m, StandardCharsets.UTF_8);
                    if (reply.contains("id=" + (me * 1000 + n) + "]") && n < 15) {
                        ctx.note("got " + reply.substring(reply.lastIndexOf("value=")));
                        n++;
                        if (n < 15) {
                            ask(ctx);
                        }
                    }
                }

                @Override
                public void onTimer(Context ctx, Object tag) {
                    if (tag.equals(n)) {
                        ctx.note("timeout, retrying request " + (me * 1000 + n));
                        ask(ctx);
                    }
                }
            });
        }
        sim.network().setDefaults(LinkFaults.none().withLoss(0.2).withDuplication(0.05)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(12))));
        sim.runFor(Duration.ofSeconds(2));
        return sim;
    }

    /** The receiver crashes at 2 ms, the instant three messages arrive and it acknowledges: like exactly-once crash-after-persist. */
    static Simulation earlyCrash() {
        Simulation sim = new Simulation(1);
        Address a = Address.of("A");
        Address b = Address.of("B");
        sim.addNode(a, () -> new Node() {
            final Set<Integer> acked = new java.util.TreeSet<>();

            @Override
            public void onStart(Context ctx) {
                for (int i = 1; i <= 4; i++) {
                    ctx.send(b, ("DATA#" + i + "(m" + i + ")").getBytes(StandardCharsets.UTF_8));
                }
                ctx.setTimer(Duration.ofMillis(20), "resend");
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] m) {
                acked.add(Integer.parseInt(new String(m, StandardCharsets.UTF_8).replaceAll("[^0-9]", "")));
            }

            @Override
            public void onTimer(Context ctx, Object tag) {
                for (int i = 1; i <= 4; i++) {
                    if (!acked.contains(i)) {
                        ctx.send(b, ("DATA#" + i + "(m" + i + ")").getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (acked.size() < 4) {
                    ctx.setTimer(Duration.ofMillis(20), "resend");
                }
            }
        });
        java.util.concurrent.atomic.AtomicBoolean crashed = new java.util.concurrent.atomic.AtomicBoolean();
        sim.addNode(b, () -> (ctx, from, m) -> {
            String s = new String(m, StandardCharsets.UTF_8);
            ctx.storage().put(s, m);
            ctx.storage().sync();
            ctx.note("persisted " + s);
            if (s.startsWith("DATA#3") && !crashed.getAndSet(true)) {
                sim.crashAfterHandler(b); // the fail point: after persisting m3, before acknowledging it
                return;
            }
            ctx.send(from, ("ACK" + s.substring(4, 6)).getBytes(StandardCharsets.UTF_8));
        });
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.fixed(Duration.ofMillis(2))));
        sim.at(Duration.ofMillis(52), () -> sim.restart(b));
        sim.runFor(Duration.ofMillis(120));
        return sim;
    }

    /** Heartbeats among three nodes through a one-way partition, then a symmetric one, then the heal: like one-way / failure detectors. */
    static Simulation partitions() {
        Simulation sim = new Simulation(5);
        Address a = Address.of("A");
        Address b = Address.of("B");
        Address c = Address.of("C");
        for (Address x : List.of(a, b, c)) {
            sim.addNode(x, () -> new Heartbeat(Duration.ofMillis(10), Duration.ofMillis(25)));
        }
        sim.network().setDefaults(LinkFaults.none().withLoss(0.05).withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(3))));
        sim.at(Duration.ofMillis(30), () -> sim.network().partitionOneWay(Set.of(a), Set.of(b)));
        sim.at(Duration.ofMillis(80), () -> sim.network().partition(Set.of(c), Set.of(a, b)));
        sim.at(Duration.ofMillis(130), () -> sim.network().heal());
        sim.at(Duration.ofMillis(140), () -> sim.crash(c));
        sim.at(Duration.ofMillis(160), () -> sim.restart(c));
        sim.runFor(Duration.ofMillis(200));
        return sim;
    }

    /** Long, Korean and hostile labels: names and payloads that try to break out of the page. */
    static Simulation hostile() {
        Simulation sim = new Simulation(2);
        Address b = Address.of("노드-B </script><b>");
        sim.addNode("A\"&<i>", () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.send(b, "</script><script>document.title='pwned'</script>".getBytes(StandardCharsets.UTF_8));
                ctx.send(b, ("안녕하세요, 분산 시스템: 네트워크 파티션과 부분 장애 " + "x".repeat(300)).getBytes(StandardCharsets.UTF_8));
                ctx.note("노트: 메시지 두 개를 보냄 \u2028 <!-- & -->");
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] m) {
                ctx.note("받음 " + m.length + " B");
            }
        });
        sim.addNode(b, () -> (ctx, from, m) -> ctx.send(from, m));
        sim.network().corruptNext(b, Address.of("A\"&<i>"));
        sim.runFor(Duration.ofMillis(50));
        return sim;
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void shouldLayOutDenseTrafficBetweenFiveNodesReadably() throws Exception {
        needBrowser();
        Simulation sim = dense();
        assertThat(sim.trace().size()).as("a dense run").isGreaterThan(500);
        Map<String, String> r = selfTest("dense", SpaceTime.html(sim.trace()), true);
        Matcher scrolled = Pattern.compile("scrolled to (\\d+) px").matcher(r.get("sticky-names"));
        assertThat(scrolled.find()).isTrue();
        assertThat(Integer.parseInt(scrolled.group(1))).as("the page is long enough for the sticky header to matter").isGreaterThan(3000);
    }

    @Test
    void shouldKeepACrashAtTheInstantOfDeliveriesVisible() throws Exception {
        needBrowser();
        Simulation sim = earlyCrash();
        assertThat(sim.trace().ofKind(Kind.CRASH)).hasSize(1);
        long crashAt = sim.trace().ofKind(Kind.CRASH).get(0).timeNanos();
        assertThat(sim.trace().filter(e -> e.timeNanos() == crashAt && e.kind() == Kind.DROP)).as("a drop at the crash's instant").isNotEmpty();
        assertThat(sim.trace().filter(e -> e.timeNanos() > crashAt - 100_000 && e.kind() == Kind.DELIVER && e.timeNanos() < crashAt))
                .as("deliveries just before it").hasSizeGreaterThanOrEqualTo(3);
        Map<String, String> r = selfTest("early-crash", SpaceTime.html(sim.trace()), true);
        Matcher marks = Pattern.compile("^(\\d+) crash").matcher(r.get("marks"));
        assertThat(marks.find()).isTrue();
        assertThat(Integer.parseInt(marks.group(1))).as("the crash, the restart and every drop were checked")
                .isGreaterThanOrEqualTo(2 + sim.trace().ofKind(Kind.DROP).size());
    }

    @Test
    void shouldShowPartitionsDropsAndACrashAmongHeartbeats() throws Exception {
        needBrowser();
        Simulation sim = partitions();
        assertThat(sim.trace().ofKind(Kind.PARTITION)).hasSize(2);
        selfTest("partitions", SpaceTime.html(sim.trace()), true);
    }

    @Test
    void shouldDrawDuplicatesCorruptionAndAPause() throws Exception {
        needBrowser();
        selfTest("chaos", SpaceTime.html(RenderTest.eventful().trace()), false);
    }

    @Test
    void shouldKeepLongKoreanAndHostileLabelsApartAndInert() throws Exception {
        needBrowser();
        String html = SpaceTime.html(hostile().trace(), e -> true, "적대적 라벨 </title><script>");
        Map<String, String> r = selfTest("hostile", html, true);
        assertThat(r.get("click-message")).contains("message #");
        Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(r.get("dom"));
        assertThat(title.find()).isTrue();
        assertThat(title.group(1)).as("the payload's script never ran (it would set the title)").doesNotContain("pwned")
                .contains("적대적 라벨 &lt;/title&gt;&lt;script&gt;");
        assertThat(html.split("</script>", -1)).as("no payload or name closes a script element").hasSize(3);
    }

    @Test
    void shouldShowEveryFilteredViewAtTheWindowsWidthOnANarrowerWindowToo() throws Exception {
        needBrowser();
        selfTest("dense-narrow", SpaceTime.html(dense().trace()), true, "1000,700");
    }

    @Test
    void shouldCatchOverlappingLabelsAndACoveredMark() throws Exception {
        needBrowser();
        // the negative control: the self-check must see two labels on top of each other, and a label over a crash mark
        String html = SpaceTime.html(earlyCrash().trace()).replaceFirst("<body>\n",
                "<body>\n<div class=\"lbl\" style=\"position:absolute;top:40px;left:300px\">planted one</div>"
                        + "<div class=\"lbl\" style=\"position:absolute;top:42px;left:310px\">planted two</div>"
                        + "<div class=\"crit\" style=\"position:absolute;top:41px;left:305px;width:20px;height:6px\"></div>\n");
        Map<String, String> r = run("planted", html, "1400,900");
        assertThat(r.get("summary")).doesNotContain("failed=0");
        assertThat(r.get("FAIL labels")).contains("planted one").contains("planted two");
        assertThat(r).containsKey("FAIL marks").containsKey("step").containsKey("click-message");
    }

    @Test
    void shouldDrawThePlainSvgWithoutOverlappingLabels() throws Exception {
        needBrowser();
        Map<String, Simulation> runs = new java.util.LinkedHashMap<>();
        runs.put("dense", dense());
        runs.put("early-crash", earlyCrash());
        runs.put("partitions", partitions());
        runs.put("chaos", RenderTest.eventful());
        // one test page around the plain pictures: measure every text and every red or green mark of each
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        for (Map.Entry<String, Simulation> run : runs.entrySet()) {
            String svg = SpaceTime.svg(run.getValue().trace(), e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_CANCEL);
            assertThat(svg).doesNotContain("<script");
            page.append("<div class=\"run\" data-name=\"").append(run.getKey()).append("\">").append(svg).append("</div>");
        }
        page.append("<pre id=\"r\"></pre><script>var out=[];[].forEach.call(document.querySelectorAll('div.run'),function(d){"
                + "var top=d.getBoundingClientRect().top;"
                + "var t=[].slice.call(d.querySelectorAll('text')).map(function(e){return {s:e.textContent,r:e.getBoundingClientRect()};});"
                + "var m=[].slice.call(d.querySelectorAll('rect[fill=\"#d62728\"],rect[fill=\"#2ca02c\"],path[stroke-width=\"2.5\"]'))"
                + ".map(function(e){return e.getBoundingClientRect();}).filter(function(r){return r.top-top>60;});"
                + "function hit(a,b){return a.left<b.right-0.5&&b.left<a.right-0.5&&a.top<b.bottom-0.5&&b.top<a.bottom-0.5;}"
                + "var bad=[];for(var i=0;i<t.length;i++){for(var j=i+1;j<t.length;j++){if(hit(t[i].r,t[j].r))bad.push(t[i].s+' / '+t[j].s);}"
                + "for(var k=0;k<m.length;k++){if(hit(t[i].r,m[k]))bad.push(t[i].s+' covers a mark');}}"
                + "out.push(d.getAttribute('data-name')+' texts='+t.length+' marks='+m.length+' bad='+bad.length+' '+bad.slice(0,5).join(' | '));});"
                + "document.getElementById('r').textContent=out.join(String.fromCharCode(10));</script></body></html>");
        String dom = dumpDom("plain-svgs", page.toString(), "1400,900");
        for (String name : runs.keySet()) {
            Matcher res = Pattern.compile(name + " texts=(\\d+) marks=(\\d+) bad=(\\d+)([^\n<]*)").matcher(dom);
            assertThat(res.find()).as("the plain picture of %s was measured", name).isTrue();
            assertThat(Integer.parseInt(res.group(1))).as("texts in %s", name).isGreaterThan(20);
            assertThat(Integer.parseInt(res.group(3))).as("overlaps in the plain svg of %s: %s", name, unescape(res.group(4))).isZero();
        }
    }

    // ------------------------------------------------------------------ the browser

    private static Map<String, String> selfTest(String name, String html, boolean notes) throws Exception {
        return selfTest(name, html, notes, "1400,900");
    }

    /** Runs the page's self-check and asserts that every check ran and passed. */
    private static Map<String, String> selfTest(String name, String html, boolean notes, String window) throws Exception {
        Map<String, String> r = run(name, html, window);
        List<String> failed = new ArrayList<>();
        r.forEach((k, v) -> {
            if (k.startsWith("FAIL ")) {
                failed.add(k + ": " + v);
            }
        });
        assertThat(failed).as("self-check failures of %s (page kept at %s)", name, OUT.resolve(name + ".html").toAbsolutePath()).isEmpty();
        assertThat(r.get("summary")).as("summary of %s", name).contains("failed=0");
        for (String check : ALWAYS) {
            assertThat(r).as("check %s ran on %s", check, name).containsKey(check);
        }
        if (notes) {
            assertThat(r).as("check notes ran on %s", name).containsKey("notes");
        }
        return r;
    }

    /** The self-check's lines: "PASS x: msg" under key x, "FAIL x: msg" under "FAIL x"; the summary; the whole DOM. */
    private static Map<String, String> run(String name, String html, String window) throws Exception {
        String dom = dumpDom(name, html, window, "#selftest");
        Matcher pre = Pattern.compile("<pre id=\"st-selftest\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(pre.find()).as("%s: the page wrote its self-check (DOM starts %s)", name, dom.substring(0, Math.min(300, dom.length()))).isTrue();
        Map<String, String> r = new HashMap<>();
        for (String line : unescape(pre.group(1)).split("\n")) {
            Matcher m = Pattern.compile("(PASS|FAIL) ([a-z-]+): (.*)").matcher(line);
            if (m.matches()) {
                r.put(m.group(1).equals("PASS") ? m.group(2) : "FAIL " + m.group(2), m.group(3));
            } else if (line.startsWith("SELFTEST")) {
                r.put("summary", line);
            }
        }
        assertThat(r).as("%s: self-check summary", name).containsKey("summary");
        r.put("dom", dom);
        return r;
    }

    private static String dumpDom(String name, String html, String window) throws Exception {
        return dumpDom(name, html, window, "");
    }

    private static String dumpDom(String name, String html, String window, String fragment) throws Exception {
        Path page = OUT.resolve(name + ".html").toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory("ch08-chromium");
        Path out = OUT.resolve(name + ".dom.html");
        Path err = OUT.resolve(name + ".stderr.txt");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=" + window, "--virtual-time-budget=10000", "--dump-dom", page.toUri() + fragment)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("Chromium did not finish %s within 120 s", page);
            }
            assertThat(p.exitValue()).as("Chromium's exit code for %s (stderr in %s)", page, err).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
