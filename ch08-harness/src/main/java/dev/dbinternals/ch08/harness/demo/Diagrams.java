package dev.dbinternals.ch08.harness.demo;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.render.Mermaid;
import dev.dbinternals.ch08.harness.render.SpaceTime;
import dev.dbinternals.ch08.harness.render.Window;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Writes a trace's pictures for a demo, in the three forms a reader uses: the space-time diagram
 * as a self-contained HTML viewer (the best view: filter, step, click a message), a Markdown file
 * with the Mermaid sequence diagram (GitHub and most editors render it), and the full trace as
 * text; then prints where they went.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): see what happened.
 * Stateless and thread-safe.
 */
public final class Diagrams {

    private Diagrams() {
    }

    /** Writes {@code <dir>/<name>.{html,md,txt}} and prints the paths; a long run's diagrams show its start. */
    public static void write(Path dir, String name, String title, Trace trace, Predicate<TraceEvent> filter) {
        write(dir, name, title, trace, filter, Window.START);
    }

    /**
     * As {@link #write(Path, String, String, Trace, Predicate)}; of a long run the diagrams draw the
     * part {@code window} names ({@link Window#END}: the events up to where it stopped) and say which.
     */
    public static void write(Path dir, String name, String title, Trace trace, Predicate<TraceEvent> filter, Window window) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve(name + ".html");
            Files.writeString(html, SpaceTime.html(trace, filter, title, window), StandardCharsets.UTF_8);
            Path md = dir.resolve(name + ".md");
            Files.writeString(md, "# " + title + "\n\n```mermaid\n" + Mermaid.sequenceDiagram(trace, filter, window) + "```\n",
                    StandardCharsets.UTF_8);
            Path txt = dir.resolve(name + ".txt");
            Files.writeString(txt, trace.toText(), StandardCharsets.UTF_8);
            System.out.println(t("wrote " + html + "  (space-time diagram: open it in a browser)",
                    "썼다: " + html + "  (시공간 다이어그램: 브라우저로 여세요)"));
            System.out.println(t("wrote " + md + "  (Mermaid sequence diagram; GitHub renders it)",
                    "썼다: " + md + "  (Mermaid 시퀀스 다이어그램; GitHub이 그려 준다)"));
            System.out.println(t("wrote " + txt + "  (the full trace as text)",
                    "썼다: " + txt + "  (전체 트레이스, 텍스트)"));
        } catch (IOException e) {
            throw new UncheckedIOException(t("cannot write the diagrams under " + dir, dir + " 아래에 다이어그램을 쓸 수 없습니다"), e);
        }
    }
}
