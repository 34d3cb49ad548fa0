package dev.dbinternals.ch08.harness.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbinternals.ch08.harness.lang.Lang;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Korean diagram shows Hangul, not boxes: headless Chromium takes a screenshot of the space-time
 * viewer rendered with {@code --lang ko}, and of the same page with every Hangul syllable replaced
 * by a private-use character (which no font draws: the "tofu" box). If the page's font list found
 * no Hangul font, both screenshots would show the same boxes; they must differ. The screenshots
 * stay in {@code target/hangul-screenshot/} for a person to look at.
 *
 * <p>Needs a Chromium (see {@link SpaceTimeBrowserTest}); skipped without one unless
 * {@code -Dch08.requireBrowser=true}; CI fails when its report shows a skipped test (CI installs
 * {@code fonts-noto-cjk}).
 *
 * <p>Book: every diagram of Chapter 8, for readers of 『데이터베이스 인터널스』.
 */
@Tag("slow") // starts a browser: the newest-JDK build in CI leaves it to the main run
class HangulScreenshotTest {

    private static final Path OUT = Path.of("target", "hangul-screenshot");
    private static String chromium;

    @BeforeAll
    static void findBrowser() throws IOException {
        chromium = SpaceTimeBrowserTest.locate();
        Files.createDirectories(OUT);
        if (chromium == null) {
            if (Boolean.getBoolean("ch08.requireBrowser")) {
                fail("no Chromium found (-Dch08.requireBrowser=true: a missing browser is a failure)");
            }
            assumeTrue(false, "no Chromium or Chrome binary found: install one to run the Hangul screenshot test");
        }
    }

    @Test
    void shouldDrawHangulInTheKoreanDiagramNotBoxes() throws Exception {
        String language = System.getProperty(Lang.PROPERTY);
        String html;
        try {
            Lang.use(Lang.KO);
            Simulation sim = SpaceTimeBrowserTest.partitions();
            html = SpaceTime.html(sim.trace(), (TraceEvent e) -> true, "한글 다이어그램: 파티션과 부분 장애 (가나다라마바사)");
        } finally {
            if (language == null) {
                System.clearProperty(Lang.PROPERTY);
            } else {
                System.setProperty(Lang.PROPERTY, language);
            }
        }
        assertThat(html).as("the page names a font list with Hangul fonts").contains("Noto Sans CJK KR").contains("Malgun Gothic");
        String tofu = html.codePoints()
                .map(c -> c >= 0xAC00 && c <= 0xD7A3 ? 0xE000 + (c % 64) : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(tofu).isNotEqualTo(html);

        BufferedImage korean = screenshot("korean", html);
        BufferedImage boxes = screenshot("boxes", tofu);
        assertThat(differingPixels(korean, boxes))
                .as("pixels that differ between the Korean page and the same page with boxes instead of Hangul"
                        + " (0 means no Hangul font was found: install fonts-noto-cjk); see %s", OUT.toAbsolutePath())
                .isGreaterThan(200);
    }

    private static BufferedImage screenshot(String name, String html) throws Exception {
        Path page = OUT.resolve(name + ".html").toAbsolutePath();
        Path png = OUT.resolve(name + ".png").toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory("ch08-chromium");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=1200,700", "--virtual-time-budget=5000",
                "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(OUT.resolve(name + ".log").toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("Chromium did not finish the screenshot of %s within 120 s", page);
            }
        } finally {
            try (var s = Files.walk(profile)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
        assertThat(png).as("Chromium's screenshot (log in %s)", OUT.resolve(name + ".log")).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a readable PNG at %s", png).isNotNull();
        return image;
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
