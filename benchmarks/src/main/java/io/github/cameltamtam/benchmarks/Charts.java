/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the charts of {@code docs/performance.md} as small, self-contained SVG files from one run's numbers: no
 * library, no fonts beyond the viewer's sans-serif, fixed size, so that a page shows them as they are committed.
 */
final class Charts {

    /** One bar: a label, a value, and a note drawn after the bar (e.g. the 429s). */
    record Bar(String label, double value, String note) {
    }

    /** One group of bars under a common label (e.g. a replica count). */
    record Group(String label, List<Bar> bars) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"};
    private static final int WIDTH = 760;

    private Charts() {
    }

    /** Horizontal bars against a vertical line at {@code ceiling}. */
    static String bars(String title, String unit, List<Bar> bars, double ceiling) {
        int left = 250;
        int right = 120;
        int rowHeight = 26;
        int top = 46;
        int height = top + bars.size() * rowHeight + 40;
        double step = niceStep(Math.max(ceiling, bars.stream().mapToDouble(Bar::value).max().orElse(ceiling)), 5);
        double max = Math.ceil(Math.max(ceiling, bars.stream().mapToDouble(Bar::value).max().orElse(ceiling)) * 1.02
                / step) * step;
        double scale = (WIDTH - left - right) / max;
        StringBuilder svg = open(height, title);
        axis(svg, left, top, height - 40, scale, max, step, unit);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = top + i * rowHeight;
            svg.append(text(left - 8, y + 17, "end", 12, bar.label()));
            svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>%n", left, y + 3,
                    bar.value() * scale, COLOURS[0]));
            svg.append(text((int) (left + bar.value() * scale + 6), y + 17, "start", 11,
                    f("%.0f", bar.value()) + (bar.note().isEmpty() ? "" : " · " + bar.note())));
        }
        ceilingLine(svg, left + ceiling * scale, top - 6, height - 40, f("ceiling %.0f", ceiling));
        return close(svg);
    }

    /** A line of {@code values} (one a second) against a horizontal line at {@code ceiling}. */
    static String timeline(String title, String unit, double[] values, double ceiling) {
        int left = 70;
        int right = 30;
        int top = 46;
        int bottom = 50;
        int height = 320;
        double peak = Math.max(ceiling, java.util.Arrays.stream(values).max().orElse(ceiling)) * 1.05;
        double step = niceStep(peak, 4);
        double max = Math.ceil(peak / step) * step;
        double plotHeight = height - top - bottom;
        double xStep = (WIDTH - left - right) / (double) Math.max(1, values.length - 1);
        StringBuilder svg = open(height, title);
        for (double v = 0; v <= max + step / 2; v += step) {
            double y = top + plotHeight - v / max * plotHeight;
            svg.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y,
                    WIDTH - right, y));
            svg.append(text(left - 6, (int) y + 4, "end", 11, f("%.0f", v)));
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            points.append(f("%.1f,%.1f ", left + i * xStep, top + plotHeight - values[i] / max * plotHeight));
        }
        svg.append(f("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", COLOURS[0],
                points.toString().strip()));
        for (int i = 0; i < values.length; i++) {
            svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n", left + i * xStep,
                    top + plotHeight - values[i] / max * plotHeight, COLOURS[0]));
        }
        double ceilingY = top + plotHeight - ceiling / max * plotHeight;
        svg.append(
                f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"6,4\"/>%n",
                        left, ceilingY, WIDTH - right, ceilingY));
        svg.append(text(WIDTH - right, (int) ceilingY - 6, "end", 11, f("ceiling %.0f", ceiling)));
        int tick = Math.max(1, values.length / 10);
        for (int i = 0; i < values.length; i += tick) {
            svg.append(text((int) (left + i * xStep), height - bottom + 16, "middle", 11, i + " s"));
        }
        svg.append(text(left, top - 10, "start", 11, unit + " accepted by the server in each second of the import "
                + "(the last second is partial)"));
        return close(svg);
    }

    /** Groups of vertical bars (one colour per series) with a legend and a horizontal line at {@code ceiling}. */
    static String groups(String title, String unit, List<Group> groups, double ceiling) {
        int left = 70;
        int top = 60;
        int bottom = 50;
        int height = 340;
        List<String> series = new ArrayList<>();
        groups.forEach(g -> g.bars().forEach(b -> {
            if (!series.contains(b.label())) {
                series.add(b.label());
            }
        }));
        double peak = ceiling * 1.05;
        for (Group g : groups) {
            for (Bar b : g.bars()) {
                peak = Math.max(peak, b.value() * 1.05);
            }
        }
        double step = niceStep(peak, 4);
        double max = Math.ceil(peak / step) * step;
        double plotHeight = height - top - bottom;
        int groupWidth = (WIDTH - left - 20) / Math.max(1, groups.size());
        int barWidth = Math.max(8, (groupWidth - 30) / Math.max(1, series.size()));
        StringBuilder svg = open(height, title);
        for (double v = 0; v <= max + step / 2; v += step) {
            double y = top + plotHeight - v / max * plotHeight;
            svg.append(
                    f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, WIDTH - 20, y));
            svg.append(text(left - 6, (int) y + 4, "end", 11, f("%.0f", v)));
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            int x0 = left + gi * groupWidth + 15;
            for (Bar b : g.bars()) {
                int si = series.indexOf(b.label());
                double h = b.value() / max * plotHeight;
                int x = x0 + si * barWidth;
                svg.append(f("<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>%n", x,
                        top + plotHeight - h, barWidth - 4, h, COLOURS[si % COLOURS.length]));
                svg.append(text(x + (barWidth - 4) / 2, (int) (top + plotHeight - h) - 4, "middle", 10, b.note()));
            }
            svg.append(text(x0 + series.size() * barWidth / 2, height - bottom + 18, "middle", 12, g.label()));
        }
        double ceilingY = top + plotHeight - ceiling / max * plotHeight;
        svg.append(
                f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"6,4\"/>%n",
                        left, ceilingY, WIDTH - 20, ceilingY));
        svg.append(text(WIDTH - 20, (int) ceilingY - 6, "end", 11, f("ceiling %.0f", ceiling)));
        int lx = left;
        for (int si = 0; si < series.size(); si++) {
            svg.append(f("<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", lx,
                    COLOURS[si % COLOURS.length]));
            svg.append(text(lx + 16, 41, "start", 12, series.get(si)));
            lx += 18 + 8 * series.get(si).length();
        }
        svg.append(text(left, height - 8, "start", 11, unit + "; the label above each bar: 429s answered"));
        return close(svg);
    }

    /** IDs per 1-second bin, from {@code start}: {@code arrivals[i]} (nanos) carried {@code ids[i]} IDs. */
    static double[] perSecond(long start, long[] arrivals, int[] ids) {
        long last = start;
        for (long a : arrivals) {
            last = Math.max(last, a);
        }
        double[] bins = new double[(int) ((last - start) / 1_000_000_000L) + 1];
        for (int i = 0; i < arrivals.length; i++) {
            if (arrivals[i] >= start) {
                bins[(int) ((arrivals[i] - start) / 1_000_000_000L)] += ids[i];
            }
        }
        return bins;
    }

    /** A round grid step (1, 2 or 5 × a power of ten) giving about {@code lines} lines up to {@code max}. */
    static double niceStep(double max, int lines) {
        double raw = Math.max(max, 1e-9) / lines;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    private static StringBuilder open(int height, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\">%n", WIDTH, height, WIDTH, height));
        svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(text(10, 20, "start", 14, title));
        return svg;
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>\n").toString();
    }

    private static void axis(StringBuilder svg, int left, int top, int bottom, double scale, double max, double step,
            String unit) {
        for (double v = 0; v <= max + step / 2; v += step) {
            double x = left + v * scale;
            svg.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, top, x, bottom));
            svg.append(text((int) x, bottom + 16, "middle", 11, f("%.0f", v)));
        }
        svg.append(text(left, bottom + 34, "start", 11, unit));
    }

    private static void ceilingLine(StringBuilder svg, double x, int top, int bottom, String label) {
        svg.append(
                f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" stroke-dasharray=\"6,4\"/>%n",
                        x, top, x, bottom));
        svg.append(text((int) x, top - 2, "middle", 11, label));
    }

    private static String text(int x, int y, String anchor, int size, String content) {
        return f("<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n", x, y, anchor, size,
                content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
