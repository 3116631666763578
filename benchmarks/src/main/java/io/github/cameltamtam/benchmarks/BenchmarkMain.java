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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.cameltamtam.testkit.ForkedJvm;

/**
 * Runs every benchmark scenario, side by side in one run, and writes {@code docs/performance.md}:
 * <ol>
 * <li>throughput at the API's rate limit with 250 ms latency: camel-tamtam vs the ceiling and vs a hand-written
 * camel-http route ({@link ThroughputBenchmark}, embedded simulators);</li>
 * <li>CPU time per 1 000 IDs without rate limit or latency: camel-tamtam vs raw JDK HttpClient loops
 * ({@link CpuBenchmark} in a child JVM, the simulator in another);</li>
 * <li>heap for a 10 000 and a 100 000-row CSV through one exchange under {@code -Xmx64m}, and 1 000 000 rows under
 * {@code -Xmx128m} ({@link MemoryBenchmark} in a child JVM per run, the simulator in another; {@link MemorySection});</li>
 * <li>scale-out: 1, 3 and 6 replica JVMs on one key, pacing local (static split), adaptive only and shared through
 * PostgreSQL ({@link ScaleOutBenchmark}).</li>
 * </ol>
 * System properties: {@code perf.output} (the Markdown file; the charts go to {@code images/} beside it),
 * {@code perf.quick=true} (tiny sizes: a smoke run).
 */
public final class BenchmarkMain {

    static final String COMMAND = "mvn -B -q -Pperformance -pl benchmarks -am package -DskipTests";
    static final int API_RATE = 10;
    static final int BATCH = 50;
    static final double CEILING = API_RATE * BATCH;

    /** The sizes of one run. */
    record Settings(int throughputIds, int rateLimit, Duration latency, int cpuWarmup, int cpuMaxWarmup, int cpuRounds,
            int cpuIdsPerRound, List<MemoryCase> memoryCases, Path workDir, ScaleOut scaleOut) {

        static Settings full(Path workDir) {
            return new Settings(20_000, API_RATE, Duration.ofMillis(250), 4, CpuBenchmark.MAX_WARMUP_TURNS, 10, 20_000,
                    List.of(
                            new MemoryCase(10_000, false, "64m"),
                            new MemoryCase(100_000, false, "64m"),
                            new MemoryCase(100_000, true, "64m"),
                            new MemoryCase(100_000, false, "32m"),
                            new MemoryCase(100_000, false, "16m"),
                            new MemoryCase(MemorySection.MILLION, false, MemorySection.MILLION_HEAP)),
                    workDir, ScaleOut.FULL);
        }

        static Settings quick(Path workDir) {
            return new Settings(300, 0, Duration.ZERO, 1, 1, 1, 500, List.of(new MemoryCase(1_000, false, "64m")),
                    workDir, ScaleOut.QUICK);
        }
    }

    /** The scale-out runs: every mode for every replica count, {@code ids} in total per run. */
    record ScaleOut(List<Integer> replicas, List<ScaleOutBenchmark.Mode> modes, int ids) {
        static final ScaleOut FULL = new ScaleOut(List.of(1, 3, 6), List.of(ScaleOutBenchmark.Mode.values()), 12_000);
        static final ScaleOut QUICK = new ScaleOut(List.of(2), List.of(ScaleOutBenchmark.Mode.SHARED), 200);
    }

    /** One memory run: a CSV of {@code rows} rows, narrow (~150 bytes a row) or wide (~1 KiB), under {@code -Xmx}. */
    record MemoryCase(int rows, boolean wide, String heap) {
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(System.getProperty("perf.output", "docs/performance.md")).toAbsolutePath().normalize();
        boolean quick = Boolean.getBoolean("perf.quick");
        Path work = Files.createTempDirectory("camel-tamtam-benchmarks");
        Settings settings = quick ? Settings.quick(work) : Settings.full(work);
        Report.Generated report;
        try {
            Progress progress = msg -> System.out.println("[benchmarks] " + msg);
            report = run(settings, progress);
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
        report.write(output);
        System.out.println("[benchmarks] wrote " + output + " and its charts " + report.charts().keySet());
    }

    interface Progress {
        void say(String message);
    }

    /** Runs all scenarios; returns the Markdown report and its charts. */
    static Report.Generated run(Settings s, Progress progress) throws Exception {
        long started = System.nanoTime();
        Machine machine = Machine.now();

        // 1. throughput
        double load1Before = load();
        progress.say("1/3 throughput: camel-tamtam, " + s.throughputIds() + " IDs at " + s.rateLimit() + " req/s, "
                + s.latency().toMillis() + " ms latency");
        ThroughputBenchmark.Run tamtam = ThroughputBenchmark.camelTamtam(s.throughputIds(), s.rateLimit(), s.latency());
        progress.say("    " + tamtam);
        progress.say("1/3 throughput: camel-http route");
        ThroughputBenchmark.Run http = ThroughputBenchmark.camelHttp(s.throughputIds(), s.rateLimit(), s.latency());
        progress.say("    " + http);
        double load1After = load();

        // 2. CPU
        progress.say("2/3 CPU: " + s.cpuWarmup() + " warm-up + " + s.cpuRounds() + " measured rounds of "
                + s.cpuIdsPerRound() + " IDs per client");
        double load2Before = load();
        List<Map<String, String>> cpu;
        String warmupTurns;
        try (ChildJvm.Simulator sim = new ChildJvm.Simulator()) {
            ForkedJvm.Outcome outcome = ForkedJvm.of(CpuBenchmark.class).jvmOptions("-Xmx512m")
                    .args(sim.baseUrl, String.valueOf(sim.pid()), String.valueOf(s.cpuWarmup()),
                            String.valueOf(s.cpuRounds()), String.valueOf(s.cpuIdsPerRound()),
                            String.valueOf(s.cpuMaxWarmup()))
                    .run(Duration.ofMinutes(30));
            if (outcome.exitCode() != 0) {
                throw new IllegalStateException(
                        "CPU benchmark failed (exit " + outcome.exitCode() + "):\n" + outcome.tail());
            }
            cpu = outcome.results();
            warmupTurns = outcome.lines().stream().filter(l -> l.startsWith("WARMUP turns="))
                    .map(l -> l.substring("WARMUP turns=".length()).split(" ", -1)[0]).findFirst().orElse("?");
            progress.say("    warm-up turns: " + warmupTurns);
        }
        double load2After = load();

        // 3. memory
        double load3Before = load();
        List<MemoryRun> memory = new ArrayList<>();
        long firstId = 3_000_000_000L;
        for (MemoryCase c : s.memoryCases()) {
            Path csv = CsvFiles.write(s.workDir().resolve("companies.csv"), c.rows(), firstId, c.wide());
            long bytes = Files.size(csv);
            progress.say("3/3 memory: " + c.rows() + " rows (" + mib(bytes) + " MiB) under -Xmx" + c.heap());
            try (ChildJvm.Simulator sim = new ChildJvm.Simulator()) {
                ForkedJvm.Outcome outcome = ForkedJvm.of(MemoryBenchmark.class)
                        .jvmOptions("-Xmx" + c.heap(), "-XX:+ExitOnOutOfMemoryError")
                        .args(sim.baseUrl, csv.toString(), String.valueOf(c.rows())).run(Duration.ofMinutes(10));
                List<Map<String, String>> results = outcome.results();
                MemoryRun run = new MemoryRun(c, bytes, outcome.exitCode(), outcome.timedOut(),
                        results.isEmpty() ? Map.of() : results.get(0), outcome.tail());
                progress.say("    " + run.summary());
                memory.add(run);
            }
            Files.deleteIfExists(csv);
        }
        double load3After = load();
        double load4Before = load();
        List<ScaleOutBenchmark.Run> scaleOutRuns = ScaleOutBenchmark.run(s.scaleOut().replicas(), s.scaleOut().modes(),
                s.scaleOut().ids(), progress);
        String scaleOut = ScaleOutBenchmark.markdown(scaleOutRuns, s.scaleOut().ids(), load4Before, load());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return Report.generate(s, machine, took, tamtam, http, cpu, warmupTurns, memory, scaleOutRuns, scaleOut,
                new double[] {load1Before, load1After, load2Before, load2After, load3Before, load3After});
    }

    /** One memory run and what its child printed. */
    record MemoryRun(MemoryCase memoryCase, long fileBytes, int exitCode, boolean timedOut, Map<String, String> result,
            String tail) {

        int rows() {
            return memoryCase.rows();
        }

        String heap() {
            return memoryCase.heap();
        }

        boolean wide() {
            return memoryCase.wide();
        }

        boolean ok() {
            return exitCode == 0 && "true".equals(result.get("ok"));
        }

        long value(String key) {
            String v = result.get(key);
            return v == null ? -1 : Long.parseLong(v);
        }

        String summary() {
            return ok() ? "ok, " + result : "FAILED (exit " + exitCode + (timedOut ? ", timed out" : "") + "): "
                    + (result.isEmpty() ? tail.replace('\n', ' ') : result.toString());
        }
    }

    /** The machine the run is on. */
    record Machine(int cpus, String cpuModel, long memoryBytes, String java, String vm, String os) {

        static Machine now() {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            String model = "unknown";
            try {
                model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .findFirst().orElse("unknown");
            } catch (IOException | RuntimeException ignored) {
                // not Linux
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), model, os.getTotalMemorySize(),
                    System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"));
        }
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Per-client statistics of the CPU rounds. */
    record CpuStats(String client, int rounds, double medianCpuMs, double minCpuMs, double maxCpuMs, double medianSysMs,
            double medianJitMs, double medianCpuWithoutJitMs, double medianSimMs, double medianWallMs) {

        static List<CpuStats> of(List<Map<String, String>> results) {
            Map<String, List<Map<String, String>>> byClient = results.stream()
                    .collect(Collectors.groupingBy(r -> r.get("client"), LinkedHashMap::new, Collectors.toList()));
            List<CpuStats> stats = new ArrayList<>();
            byClient.forEach((client, rounds) -> stats.add(new CpuStats(client.replace('_', ' '), rounds.size(),
                    median(perThousand(rounds, "cpuNanos")), min(perThousand(rounds, "cpuNanos")),
                    max(perThousand(rounds, "cpuNanos")), median(perThousand(rounds, "sysNanos")),
                    median(perThousand(rounds, "jitNanos")), median(withoutJit(rounds)),
                    median(perThousand(rounds, "simCpuNanos")),
                    median(perThousand(rounds, "wallNanos")))));
            return stats;
        }

        private static List<Double> withoutJit(List<Map<String, String>> rounds) {
            return rounds.stream()
                    .map(r -> (Long.parseLong(r.get("cpuNanos")) - Long.parseLong(r.get("jitNanos"))) / 1e6
                            / (Long.parseLong(r.get("ids")) / 1000.0))
                    .toList();
        }

        private static List<Double> perThousand(List<Map<String, String>> rounds, String key) {
            return rounds.stream().map(r -> Long.parseLong(r.get(key)) / 1e6 / (Long.parseLong(r.get("ids")) / 1000.0))
                    .toList();
        }

        static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2)
                    : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        static double min(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        static double max(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    /** The commit the run measured ({@code git rev-parse --short HEAD}, "-dirty" with uncommitted changes). */
    static String commit() {
        try {
            String head = git("rev-parse", "--short", "HEAD");
            return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git " + args[0] + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            git.destroy();
        }
    }

    static String now() {
        return ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    }
}
