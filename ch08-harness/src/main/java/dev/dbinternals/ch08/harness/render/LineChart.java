package dev.dbinternals.ch08.harness.render;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart written as a self-contained SVG by plain Java: no plotting library, no external
 * program, so every demo can draw its figure anywhere the JDK runs. It escapes text with the same
 * escaper as {@link SpaceTime}'s diagrams. Not thread-safe.
 *
 * <pre>{@code
 * new LineChart("Calls vs clients", "clients", "calls")
 *     .series("no jitter", xs, ys)
 *     .write(dir.resolve("calls.svg"));
 * }</pre>
 */
public final class LineChart {

    private static final String[] COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"};
    // overlapping lines stay tellable apart by their dash pattern, not only by colour
    private static final String[] DASHES = {"", " stroke-dasharray=\"6 3\"", " stroke-dasharray=\"2 3\"",
        " stroke-dasharray=\"10 4 2 4\"", " stroke-dasharray=\"1 6\"", " stroke-dasharray=\"12 6\"", ""};
    private static final int W = 860;
    private static final int H = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 250;
    private static final int TOP = 40;
    private static final int BOTTOM = 55;

    private record Series(String name, double[] x, double[] y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logY;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a line; {@code x} and {@code y} have the same length. */
    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' needs as many x as y values, at least one; got "
                    + x.length + " and " + y.length);
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** A logarithmic y axis (values must be positive), for quantities spanning orders of magnitude. */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    public String svg() {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = logY ? Double.MAX_VALUE : 0;
        double maxY = -Double.MAX_VALUE;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                minX = Math.min(minX, s.x[i]);
                maxX = Math.max(maxX, s.x[i]);
                double y = ty(s.y[i]);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY <= minY) {
            maxY = minY + 1;
        }
        if (logY) {
            minY = Math.floor(minY);
            maxY = Math.ceil(maxY);
        } else {
            maxY = niceCeil(maxY);
        }
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" font-family=\"").append(SpaceTime.FONTS.replace("\"", "'")).append("\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(text(W / 2.0 - RIGHT / 2.0, 22, title, "middle", 15));
        // axes and grid, at round values: decades on a log axis, 1/2/5 steps otherwise
        for (double v : ticks(minY, maxY, logY)) {
            double y = TOP + ph - ph * (v - minY) / (maxY - minY);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + pw, y));
            sb.append(text(LEFT - 6, y + 4, fmt(logY ? Math.pow(10, v) : v), "end", 11));
        }
        for (double xv : ticks(minX, maxX, false)) {
            double x = LEFT + pw * (xv - minX) / (maxX - minX);
            sb.append(text(x, TOP + ph + 16, fmt(xv), "middle", 11));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT, TOP, pw, ph));
        sb.append(text(LEFT + pw / 2.0, H - 12, xLabel, "middle", 12));
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                + "transform=\"rotate(-90 16 %.1f)\">%s</text>%n", TOP + ph / 2.0, TOP + ph / 2.0,
                esc(yLabel + (logY ? t(" (log scale)", " (로그 눈금)") : ""))));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String color = COLORS[k % COLORS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.x.length; i++) {
                double x = LEFT + pw * (s.x[i] - minX) / (maxX - minX);
                double y = TOP + ph - ph * (ty(s.y[i]) - minY) / (maxY - minY);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                if (s.x.length <= 40) {
                    sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, color));
                }
            }
            sb.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append('"')
                    .append(DASHES[k % DASHES.length]).append(" points=\"")
                    .append(pts.toString().trim()).append("\"/>\n");
            double ly = TOP + 10 + 20 * k;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"%s/>%n",
                    LEFT + pw + 12, ly, LEFT + pw + 32, ly, color, DASHES[k % DASHES.length]));
            sb.append(text(LEFT + pw + 38, ly + 4, s.name, "start", 12));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private double ty(double y) {
        if (!logY) {
            return y;
        }
        return Math.log10(Math.max(y, 1e-9));
    }

    /** Writes the SVG to {@code file} (folders created) and returns the path. */
    public Path write(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, svg(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(t("cannot write the chart " + file, "차트를 쓸 수 없습니다: " + file), e);
        }
    }

    /** Round tick values in [lo, hi]: every decade on a log axis, steps of 1, 2 or 5 times a power of ten otherwise. */
    static double[] ticks(double lo, double hi, boolean log) {
        if (log) {
            java.util.List<Double> t = new java.util.ArrayList<>();
            for (double d = Math.ceil(lo); d <= hi + 1e-9; d++) {
                t.add(d);
            }
            return t.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double raw = (hi - lo) / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = p;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                step = m * p;
                break;
            }
        }
        java.util.List<Double> t = new java.util.ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, esc(s));
    }

    private static String esc(String s) {
        return SpaceTime.esc(s);
    }
}
