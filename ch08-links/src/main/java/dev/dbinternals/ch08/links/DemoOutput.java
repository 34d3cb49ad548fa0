package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
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

/** Writes a demo's diagrams under its output folder and prints where. */
final class DemoOutput {

    private DemoOutput() {
    }

    /** Timers are noise in these diagrams; everything else is kept. */
    static final Predicate<TraceEvent> NO_TIMERS = e -> e.kind() != TraceEvent.Kind.TIMER_SET
            && e.kind() != TraceEvent.Kind.TIMER_FIRE && e.kind() != TraceEvent.Kind.TIMER_CANCEL;

    /** Writes {@code name}.mmd (Mermaid, in a Markdown code fence ready for GitHub) and {@code name}.html (space-time SVG). */
    static void diagrams(DemoArgs args, String name, String title, Trace trace, Predicate<TraceEvent> filter) {
        String mermaid = Mermaid.sequenceDiagram(trace, filter);
        write(args, name + ".md", "# " + title + "\n\n```mermaid\n" + mermaid + "```\n");
        write(args, name + ".html", SpaceTime.html(trace, filter, title));
    }

    static void write(DemoArgs args, String file, String content) {
        try {
            Path dir = args.out();
            Files.createDirectories(dir);
            Path p = dir.resolve(file);
            Files.writeString(p, content, StandardCharsets.UTF_8);
            System.out.println(t("  wrote ", "  저장: ") + p);
        } catch (IOException e) {
            throw new UncheckedIOException(t("cannot write " + file + " under " + args.out(), args.out() + " 아래에 " + file + " 을(를) 쓸 수 없습니다"), e);
        }
    }

    static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
