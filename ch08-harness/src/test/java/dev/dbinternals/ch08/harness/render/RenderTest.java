package dev.dbinternals.ch08.harness.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.PingPong;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderTest {

    static Simulation eventful() {
        Simulation sim = new Simulation(3);
        Address b = Address.of("B");
        Address a = sim.addNode("A", () -> new PingPong.Pinger(b, 40, Duration.ofMillis(4)));
        sim.addNode(b, PingPong.Ponger::new);
        sim.network().setDefaults(LinkFaults.none().withLoss(0.2).withDuplication(0.2).withCorruption(0.2)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(2))));
        sim.at(Duration.ofMillis(30), () -> sim.crash(b));
        sim.at(Duration.ofMillis(40), () -> sim.restart(b));
        sim.at(Duration.ofMillis(50), () -> sim.pause(a, Duration.ofMillis(5)));
        sim.runFor(Duration.ofMillis(120));
        return sim;
    }

    @Test
    void shouldDrawDropsDuplicatesCorruptionsAndCrashesDifferentlyInMermaid() {
        Simulation sim = eventful();
        String m = Mermaid.sequenceDiagram(sim.trace());

        assertThat(m).startsWith("sequenceDiagram\n").contains("participant P0 as A");
        // message ids read "#17" (Mermaid's entity #35; is '#'), as in the text trace, never "m17"
        assertThat(m).containsPattern("P\\d->>P\\d: #35;\\d+ ");      // delivered
        assertThat(m).containsPattern("P\\d-xP\\d: #35;\\d+ LOST \\(LOSS\\)"); // dropped
        assertThat(m).doesNotContainPattern(": m\\d+ ");
        assertThat(m).contains("DUPLICATE").contains("CORRUPTED");
        assertThat(m).contains("Note over P1: CRASH").contains("RESTART").contains("PAUSE");
        assertThat(m.replaceAll("#\\d+;", "")).as("every # and ; is part of an entity").doesNotContain(";").doesNotContain("#");
    }

    @Test
    void shouldKeepHostilePayloadsNamesAndNotesInsideTheirMermaidLabels() {
        String nasty = "a;b: c#d %%e\n--> f<br>{x}\"q' & \\ end";
        Simulation sim = new Simulation(1);
        Address b = Address.of("B;x:y");
        sim.addNode("A#1", () -> new PingPong.Pinger(b, 1, Duration.ofMillis(4)));
        sim.addNode(b, PingPong.Ponger::new);
        sim.trace().setPayloadFormat(p -> nasty);
        sim.network().dropNext(Address.of("A#1"), b);
        sim.runFor(Duration.ofMillis(20));
        sim.note(b, "line one\nline two; -->> still a note");

        String m = Mermaid.sequenceDiagram(sim.trace());
        List<String> lines = m.lines().toList();

        assertThat(lines.get(0)).isEqualTo("sequenceDiagram");
        assertThat(lines.subList(1, lines.size())).as("one statement a line, each a participant, an arrow or a note")
                .allMatch(l -> l.matches("    (participant P\\d as |P\\d(->>|-->>|--\\)|-x)P\\d: |Note over P\\d(,P\\d)?: ).*"));
        for (String l : lines.subList(1, lines.size())) {
            String label = l.substring(l.indexOf(l.startsWith("    participant") ? " as " : ": ") + 2);
            assertThat(label.replaceAll("#\\d+;", "")).as("no raw syntax left in %s", l)
                    .doesNotContain(";", "#", ":", "%", "<", ">", "{", "}", "\"", "'", "&", "\\", "--");
        }
        assertThat(m).contains("LOST (LOSS, scripted)");
        assertThat(decode(m)).as("the reader sees the text as it was")
                .contains("participant P0 as A#1").contains("participant P1 as B;x:y")
                .contains(": #1 LOST (LOSS, scripted) a;b: c#d %%e\\n--> f<br>{x}\"q' & \\ end @")
                .contains("line one\\nline two; -->> still a note");
    }

    /** What Mermaid shows for its numeric entities. */
    private static String decode(String mermaid) {
        return java.util.regex.Pattern.compile("#(\\d+);").matcher(mermaid)
                .replaceAll(r -> java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(r.group(1)))));
    }

    @Test
    void shouldWriteASelfContainedSpaceTimeDiagram() {
        Simulation sim = eventful();
        String html = SpaceTime.html(sim.trace());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("</svg>").endsWith("</html>\n");
        // self-contained: its two scripts (the run's data, the viewer) are inline; nothing is loaded from anywhere
        assertThat(html.split("<script", -1)).hasSize(3);
        assertThat(html).contains("<script type=\"application/json\" id=\"st-data\">");
        assertThat(html).doesNotContain("src=").doesNotContain("href=").doesNotContain("@import").doesNotContain("url(h");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
        assertThat(html).contains("DROPPED").contains("DUPLICATE").contains("CORRUPTED").contains("CRASH");
    }

    @Test
    void shouldFilterTheTextLogByNodeAndKindAndExportJsonLines() {
        Simulation sim = eventful();
        Trace t = sim.trace();
        String drops = t.toText(Trace.byKind(Kind.DROP));
        assertThat(drops.lines()).isNotEmpty().allMatch(l -> l.contains("DROP"));
        String atB = t.toText(e -> Address.of("B").equals(e.node()));
        assertThat(atB.lines()).allMatch(l -> l.substring(14, 20).trim().equals("B"));
        assertThat(t.toJsonLines().lines()).hasSize(t.size()).allMatch(l -> l.startsWith("{\"t\":") && l.endsWith("}"));
    }
}
