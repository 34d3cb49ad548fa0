package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.render.Mermaid;
import dev.dbinternals.ch08.harness.render.SpaceTime;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Writes a trace's pictures for a demo: Mermaid ({@code .mmd} and a {@code .md} that GitHub
 * renders), the space-time diagram as HTML and SVG, the text log and JSON lines, and prints where they went.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): see what happened.
 * Stateless and thread-safe.
 */
public final class Diagrams {

    private Diagrams() {
    }

    /** Writes {@code <dir>/<name>.{md,mmd,html,svg,txt,jsonl}} and prints the paths. */
    public static void write(Path dir, String name, String title, Trace trace, Predicate<TraceEvent> filter) {
        try {
            Files.createDirectories(dir);
            String mermaid = Mermaid.sequenceDiagram(trace, filter);
            Path mmd = dir.resolve(name + ".mmd");
            Files.writeString(mmd, mermaid, StandardCharsets.UTF_8);
            Path md = dir.resolve(name + ".md");
            Files.writeString(md, "# " + title + "\n\n```mermaid\n" + mermaid + "```\n", StandardCharsets.UTF_8);
            Path html = dir.resolve(name + ".html");
            Files.writeString(html, SpaceTime.html(trace, filter, title), StandardCharsets.UTF_8);
            Path svg = dir.resolve(name + ".svg"); // the same picture as a plain image (GitHub shows it inline)
            Files.writeString(svg, SpaceTime.svg(trace, filter) + "\n", StandardCharsets.UTF_8);
            Path txt = dir.resolve(name + ".txt");
            Files.writeString(txt, trace.toText(), StandardCharsets.UTF_8);
            Path jsonl = dir.resolve(name + ".jsonl");
            Files.writeString(jsonl, trace.toJsonLines(), StandardCharsets.UTF_8);
            System.out.println("wrote " + html + "  (space-time diagram: open it in a browser; also as " + svg.getFileName() + ")");
            System.out.println("wrote " + md + "  (Mermaid sequence diagram; GitHub renders it)");
            System.out.println("wrote " + txt + " and " + jsonl.getFileName() + "  (the full trace: text and JSON lines)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the diagrams under " + dir, e);
        }
    }
}
