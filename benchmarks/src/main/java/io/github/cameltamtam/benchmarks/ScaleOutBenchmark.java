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

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.ForkedJvm;
import io.github.cameltamtam.testkit.PostgresServer;

import static io.github.cameltamtam.benchmarks.BenchmarkMain.API_RATE;
import static io.github.cameltamtam.benchmarks.BenchmarkMain.CEILING;
import static io.github.cameltamtam.benchmarks.BenchmarkMain.f;

/**
 * Scale-out: N replicas, each a JVM of its own ({@link ScaleOutReplica}), add their share of the IDs at the same time
 * with one API key, against a simulator that enforces the API's 10 requests/s per key (60 ms latency). Measured per
 * pacing mode: the combined IDs/s (all IDs over the time from the first replica's start to the last one's end) against
 * the 500 IDs/s ceiling, and the 429 answers the simulator gave.
 */
final class ScaleOutBenchmark {

    static final Duration LATENCY = Duration.ofMillis(60);

    /** How the replicas share the key's rate limit. */
    enum Mode {
        /** Each replica paces on its own at 10/N requests/s: the static split. */
        STATIC_SPLIT("local, static split", "`requestsPerSecond` = 10 / N in each replica"),
        /** Each replica paces at the full 10/s and relies on adaptive pacing after 429s (the default). */
        ADAPTIVE("adaptive only", "each replica at 10/s (defaults); 429s slow it down"),
        /** One Bucket4j bucket per key in PostgreSQL for all replicas. */
        SHARED("shared (PostgreSQL)", "`pacerProxyManager` = Bucket4j PostgreSQL `ProxyManager`, one bucket for all");

        final String label;
        final String how;

        Mode(String label, String how) {
            this.label = label;
            this.how = how;
        }
    }

    /** One run: {@code replicas} JVMs in one mode. */
    record Run(Mode mode, int replicas, int ids, double seconds, long addedIds, long failedExchanges, long failedIds,
            long rateLimited, long throttledReported, long requests, String problem) {

        double idsPerSecond() {
            return ids / seconds;
        }

        double ofCeiling() {
            return idsPerSecond() / CEILING;
        }

        @Override
        public String toString() {
            return f(
                    "%s × %d: %.1f IDs/s (%.3f of ceiling), %d × 429, %d requests, %d failed exchanges, %d failed IDs%s",
                    mode.label, replicas, idsPerSecond(), ofCeiling(), rateLimited, requests, failedExchanges,
                    failedIds,
                    problem.isEmpty() ? "" : ", " + problem);
        }
    }

    private ScaleOutBenchmark() {
    }

    /** Runs every mode for every replica count; {@code ids} in total per run, split evenly. */
    static List<Run> run(List<Integer> replicaCounts, List<Mode> modes, int ids, BenchmarkMain.Progress progress)
            throws Exception {
        List<Run> runs = new ArrayList<>();
        try (PostgresServer postgres = modes.contains(Mode.SHARED) ? PostgresServer.start() : null) {
            for (int replicas : replicaCounts) {
                for (Mode mode : modes) {
                    progress.say("4/4 scale-out: " + mode.label + ", " + replicas + " replica(s), " + ids + " IDs");
                    Run run = runOnce(mode, replicas, ids, postgres);
                    progress.say("    " + run);
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    private static Run runOnce(Mode mode, int replicas, int ids, PostgresServer postgres) throws Exception {
        if (mode == Mode.SHARED) {
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute(ScaleOutReplica.SharedBucket.TABLE_DDL);
                s.execute("DELETE FROM bucket"); // a fresh bucket per run
            }
        }
        List<ForkedJvm> jvms = new ArrayList<>();
        try (TamtamSimulator simulator = TamtamSimulator.builder().rateLimit(API_RATE).latency(LATENCY)
                .demoCredits(Integer.MAX_VALUE).start();
                ServerSocket barrier = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            double rate = mode == Mode.STATIC_SPLIT ? (double) API_RATE / replicas : API_RATE;
            int share = ids / replicas;
            for (int r = 0; r < replicas; r++) {
                List<String> args =
                        new ArrayList<>(List.of(simulator.baseUrl().toString(), TamtamSimulator.DEMO_API_KEY,
                                TamtamSimulator.DEMO_USER_EMAIL, String.valueOf(5_000_000_000L + (long) r * share),
                                String.valueOf(share), String.valueOf(barrier.getLocalPort()), String.valueOf(rate)));
                if (mode == Mode.SHARED) {
                    args.addAll(List.of(postgres.jdbcUrl(), postgres.user(), postgres.password()));
                }
                jvms.add(ForkedJvm.of(ScaleOutReplica.class).name("replica-" + (r + 1)).jvmOptions("-Xmx256m")
                        .args(args).start());
            }
            // every replica connects once its CamelContext runs; then all go at once
            barrier.setSoTimeout(300_000);
            List<Socket> waiting = new ArrayList<>();
            try {
                for (int r = 0; r < replicas; r++) {
                    waiting.add(barrier.accept());
                }
                for (Socket socket : waiting) {
                    OutputStream out = socket.getOutputStream();
                    out.write(1);
                    out.flush();
                }
            } finally {
                for (Socket socket : waiting) {
                    socket.close();
                }
            }
            long minStart = Long.MAX_VALUE;
            long maxEnd = Long.MIN_VALUE;
            long added = 0;
            long failedExchanges = 0;
            long failedIds = 0;
            long throttled = 0;
            long requests = 0;
            StringBuilder problem = new StringBuilder();
            for (ForkedJvm jvm : jvms) {
                ForkedJvm.Outcome outcome = jvm.await(Duration.ofMinutes(10));
                List<Map<String, String>> results = outcome.results();
                if (outcome.exitCode() != 0 || results.isEmpty()) {
                    problem.append(jvm).append(" exit ").append(outcome.exitCode()).append(": ")
                            .append(outcome.tail().replace('\n', ' ')).append("; ");
                    failedExchanges++;
                    continue;
                }
                Map<String, String> result = results.get(0);
                minStart = Math.min(minStart, Long.parseLong(result.get("startMs")));
                maxEnd = Math.max(maxEnd, Long.parseLong(result.get("endMs")));
                added += Long.parseLong(result.get("added"));
                failedExchanges += Boolean.parseBoolean(result.get("failed")) ? 1 : 0;
                failedIds += Long.parseLong(result.get("failedIds"));
                throttled += Long.parseLong(result.get("throttled"));
                requests += Long.parseLong(result.get("requests"));
            }
            double seconds = maxEnd > minStart ? (maxEnd - minStart) / 1000.0 : Double.NaN;
            return new Run(mode, replicas, share * replicas, seconds, added, failedExchanges, failedIds,
                    simulator.stats().rateLimited(), throttled, requests, problem.toString());
        } finally {
            jvms.forEach(ForkedJvm::close);
        }
    }

    /** The Markdown section of {@code docs/performance.md}. */
    static String markdown(List<Run> runs, int ids, double loadBefore, double loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("## 4. Scale-out: replicas sharing one API key\n\n")
                .append("N replicas, each a JVM of its own with its own CamelContext and `tamtam` component (")
                .append("`ScaleOutReplica`), add ").append(f("%,d", ids)).append(" new IDs in total (an equal share ")
                .append("each, one exchange per replica, all started together) with **one API key**, against the ")
                .append("simulator enforcing the API's ").append(API_RATE).append(" requests/s per key, ")
                .append(LATENCY.toMillis()).append(" ms latency. Combined IDs/s = all IDs / (last replica's end − ")
                .append("first replica's start); the ceiling is ").append(f("%.0f", CEILING))
                .append(" IDs/s (10 requests/s × 50 IDs). 429s are those the simulator answered. The shared mode ")
                .append("uses Bucket4j's PostgreSQL `ProxyManager` on a real PostgreSQL server on loopback ")
                .append("(`tamtam-testkit`'s `PostgresServer`).\n\n")
                .append("| Mode | How | Replicas | Combined IDs/s | of 500 | 429s | Requests | Failed exchanges / IDs |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            md.append("| ").append(run.mode().label).append(" | ").append(run.mode().how).append(" | ")
                    .append(run.replicas()).append(" | ").append(f("%.1f", run.idsPerSecond())).append(" | ")
                    .append(f("%.3f", run.ofCeiling())).append(" | ").append(run.rateLimited()).append(" | ")
                    .append(run.requests()).append(" | ").append(run.failedExchanges()).append(" / ")
                    .append(run.failedIds()).append(run.problem().isEmpty() ? "" : " (" + run.problem() + ")")
                    .append(" |\n");
        }
        md.append("\nGoals at 3 and 6 replicas: shared ≥ 0.93 × 500 IDs/s with 0 × 429; adaptive only: every ")
                .append("exchange completes, ≥ 0.8 × 500 IDs/s.\n\n")
                .append("| Goal | Replicas | Measured | Met |\n|---|---|---|---|\n");
        for (Run run : runs) {
            if (run.replicas() < 3) {
                continue;
            }
            if (run.mode() == Mode.SHARED) {
                boolean met = run.ofCeiling() >= 0.93 && run.rateLimited() == 0 && run.failedExchanges() == 0;
                md.append("| shared ≥ 0.93, 0 × 429 | ").append(run.replicas()).append(" | ")
                        .append(f("%.3f, %d × 429", run.ofCeiling(), run.rateLimited())).append(" | ")
                        .append(met ? "yes" : "**no**").append(" |\n");
            } else if (run.mode() == Mode.ADAPTIVE) {
                boolean met = run.ofCeiling() >= 0.8 && run.failedExchanges() == 0 && run.failedIds() == 0;
                md.append("| adaptive ≥ 0.8, all complete | ").append(run.replicas()).append(" | ")
                        .append(f("%.3f, %d failed", run.ofCeiling(), run.failedExchanges())).append(" | ")
                        .append(met ? "yes" : "**no**").append(" |\n");
            }
        }
        md.append("\nLoad average (1 min) before / after this scenario: ")
                .append(f("%.1f / %.1f", loadBefore, loadAfter))
                .append(". The replicas, the simulator and PostgreSQL share the machine's CPUs: on a loaded machine ")
                .append("scheduling delays shift requests into the same 1-second window at the server, and a shared ")
                .append("bucket's slots wait for the database's round trips (see [scale-out.md](scale-out.md)). The ")
                .append("1-replica rows are this run's baseline for the machine's state.\n\n");
        return md.toString();
    }
}
