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

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Scenario 2, run in a child JVM of its own: process CPU time per 1 000 IDs posted to a simulator running in another
 * JVM (no rate limit, no latency, loopback), for camel-tamtam and for raw JDK {@link HttpClient} loops posting the same
 * batches of 50. The clients take turns, round after round, each round with fresh IDs (so every ID is newly added:
 * the same work for the simulator each time); the simulator's own CPU in each round is read from its process.
 * <p>
 * Warm-up: at least {@code warmupRounds} turns of every client, and more (up to {@value #MAX_WARMUP_TURNS}) until a
 * whole turn compiles almost nothing (JIT compilation time of the turn at most 20 ms): what is measured is the steady
 * state. The JIT time that still falls into a measured round is reported with it.
 * <p>
 * Arguments: {@code baseUrl simulatorPid warmupRounds rounds idsPerRound [maxWarmupTurns]}. Prints one
 * {@code RESULT client=... round=... ids=... cpuNanos=... jitNanos=... sysNanos=... simCpuNanos=... wallNanos=...} line per measured
 * round.
 */
public final class CpuBenchmark {

    public interface Client extends AutoCloseable {
        String name();

        /** Posts all IDs; returns how many the API reported newly added. */
        long post(List<String> ids) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Most warm-up turns (each client once) before measuring anyway, unless given. */
    static final int MAX_WARMUP_TURNS = 40;

    private CpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        long simPid = Long.parseLong(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int idsPerRound = Integer.parseInt(args[4]);
        int maxWarmup = args.length > 5 ? Integer.parseInt(args[5]) : MAX_WARMUP_TURNS;
        ProcessHandle simulator = ProcessHandle.of(simPid).orElseThrow(() -> new IllegalStateException("no simulator"));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        List<Client> clients = List.of(new CamelTamtamClient(baseUrl, false), new RawSyncClient(baseUrl),
                new RawAsyncClient(baseUrl, 10), new CamelTamtamClient(baseUrl, true));
        long next = 2_000_000_000L;
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        try {
            // warm up until a whole turn of every client compiles (almost) nothing more, at least `warmup` turns
            int turns = 0;
            long compiling;
            do {
                long before = jit.getTotalCompilationTime();
                for (Client client : clients) {
                    List<String> ids = Camels.ids(next, idsPerRound);
                    next += idsPerRound;
                    check(client, ids, client.post(ids));
                }
                compiling = jit.getTotalCompilationTime() - before;
                turns++;
            } while (turns < warmup || (compiling > 20 && turns < maxWarmup));
            System.out.println("WARMUP turns=" + turns + " lastTurnCompileMs=" + compiling);

            for (int round = 0; round < rounds; round++) {
                for (Client client : clients) {
                    List<String> ids = Camels.ids(next, idsPerRound);
                    next += idsPerRound;
                    System.gc(); // garbage of the previous client is not charged to this one
                    long simBefore = cpuNanos(simulator);
                    long sysBefore = systemCpuNanos();
                    long jitBefore = jit.getTotalCompilationTime();
                    long cpuBefore = os.getProcessCpuTime();
                    long wallBefore = System.nanoTime();
                    long added = client.post(ids);
                    long wall = System.nanoTime() - wallBefore;
                    long cpu = os.getProcessCpuTime() - cpuBefore;
                    long jitNanos = (jit.getTotalCompilationTime() - jitBefore) * 1_000_000L;
                    long sys = systemCpuNanos() - sysBefore;
                    long simCpu = cpuNanos(simulator) - simBefore;
                    check(client, ids, added);
                    System.out.println("RESULT client=" + client.name().replace(' ', '_') + " round=" + round
                            + " ids=" + ids.size() + " cpuNanos=" + cpu + " jitNanos=" + jitNanos
                            + " sysNanos=" + sys + " simCpuNanos=" + simCpu + " wallNanos=" + wall);
                }
            }
        } finally {
            for (Client client : clients) {
                client.close();
            }
        }
        System.out.flush();
    }

    private static void check(Client client, List<String> ids, long added) {
        if (added != ids.size()) {
            throw new IllegalStateException(client.name() + " added " + added + " of " + ids.size());
        }
    }

    /** CPU time this process spent in the kernel (Linux {@code /proc/self/stat}, clock ticks of 10 ms), or 0. */
    private static long systemCpuNanos() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
            return Long.parseLong(fields[12]) * 10_000_000L; // stime, field 15 of the whole line
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /**
     * The component, through a route, with the pacer opened wide and its default concurrency (10 requests in flight),
     * or one request at a time.
     */
    static final class CamelTamtamClient implements Client {
        private final CamelContext context;
        private final ProducerTemplate template;
        private final boolean oneAtATime;

        CamelTamtamClient(String baseUrl, boolean oneAtATime) throws Exception {
            this.oneAtATime = oneAtATime;
            context = Camels.tamtam(baseUrl, 100_000);
            template = context.createProducerTemplate();
        }

        @Override
        public String name() {
            return oneAtATime ? "camel-tamtam, maxConcurrentRequests=1" : "camel-tamtam";
        }

        @Override
        public long post(List<String> ids) {
            KeyAccountsResult result =
                    template.requestBody(oneAtATime ? "direct:tamtam-one-at-a-time" : "direct:tamtam",
                            ids, KeyAccountsResult.class);
            return result.getNewlyAddedCompanyLinkedinIds().size();
        }

        @Override
        public void close() throws Exception {
            context.close();
        }
    }

    /** What a hand-written JDK client does: Jackson in and out, one {@code send} after the other. */
    static class RawSyncClient implements Client {
        static final ObjectMapper MAPPER = new ObjectMapper();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final URI uri;

        RawSyncClient(String baseUrl) {
            uri = URI.create(baseUrl + "/v2/key-accounts");
        }

        @Override
        public String name() {
            return "raw JDK HttpClient, sequential";
        }

        HttpRequest request(List<String> batch) throws Exception {
            byte[] body =
                    MAPPER.writeValueAsBytes(Map.of("company_linkedin_ids", batch, "user_email", Camels.USER_EMAIL));
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", Camels.API_KEY)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        static long added(HttpResponse<byte[]> response) throws Exception {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("answered " + response.statusCode());
            }
            JsonNode answer = MAPPER.readTree(response.body());
            return answer.path("newly_added_company_linkedin_ids").size();
        }

        static List<List<String>> batches(List<String> ids) {
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += 50) {
                batches.add(ids.subList(i, Math.min(ids.size(), i + 50)));
            }
            return batches;
        }

        @Override
        public long post(List<String> ids) throws Exception {
            long added = 0;
            for (List<String> batch : batches(ids)) {
                added += added(http.send(request(batch), HttpResponse.BodyHandlers.ofByteArray()));
            }
            return added;
        }
    }

    /** The same, with {@code sendAsync} and up to {@code concurrency} requests in flight, like camel-tamtam. */
    static final class RawAsyncClient extends RawSyncClient {
        private final int concurrency;

        RawAsyncClient(String baseUrl, int concurrency) {
            super(baseUrl);
            this.concurrency = concurrency;
        }

        @Override
        public String name() {
            return "raw JDK HttpClient, " + concurrency + " in flight";
        }

        @Override
        public long post(List<String> ids) throws Exception {
            Semaphore slots = new Semaphore(concurrency);
            List<CompletableFuture<Long>> answers = new ArrayList<>();
            for (List<String> batch : batches(ids)) {
                slots.acquire();
                answers.add(http.sendAsync(request(batch), HttpResponse.BodyHandlers.ofByteArray())
                        .thenApply(response -> {
                            try {
                                return added(response);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .whenComplete((n, e) -> slots.release()));
            }
            long added = 0;
            for (CompletableFuture<Long> answer : answers) {
                added += answer.get();
            }
            return added;
        }
    }
}
