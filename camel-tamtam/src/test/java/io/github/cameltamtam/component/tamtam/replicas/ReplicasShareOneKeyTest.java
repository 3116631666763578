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
package io.github.cameltamtam.component.tamtam.replicas;

import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.ForkedJvm;
import io.github.cameltamtam.testkit.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out with real processes: three replica JVMs ({@link KeyAccountsReplica}, each its own CamelContext) add
 * companies with one API key at once, against the simulator enforcing the API's 10 requests/s per key (60 ms
 * latency). Each replica alone would pace at 10/s, so together they ask for 30/s. With the options left at their
 * defaults (adaptive pacing only) and with a shared Bucket4j bucket on a real PostgreSQL, no exchange may fail and
 * every ID must be added; the 429s the replicas report must be exactly those the server answered. Bounded in time;
 * no timing assertion. The 429 counts measured are printed (see docs/tamtam-component.md, pacing modes).
 */
class ReplicasShareOneKeyTest {

    private static final int REPLICAS = 3;
    private static final int IDS_PER_REPLICA = 750; // 15 requests of 50 each
    private static final Duration BOUND = Duration.ofMinutes(4);
    /** The test class path (surefire puts it in java.class.path), handed to the replicas. */
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    private TamtamSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = TamtamSimulator.builder().latency(Duration.ofMillis(60)).demoCredits(100_000).start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void replicasWithAdaptivePacingOnlyAllCompleteWithEveryIdAdded() throws Exception {
        List<Map<String, String>> results = runReplicas(REPLICAS, CLASS_PATH, List.of());

        assertEveryExchangeCompletedWithEveryIdAdded(REPLICAS, results);
        System.out.println("adaptive only: " + REPLICAS + " replicas, 429s " + simulator.stats().rateLimited());
    }

    @Test
    void replicasSharingABucketOnPostgresqlAllCompleteWithEveryIdAdded() throws Exception {
        PostgresServer.assumeAvailable();
        try (PostgresServer postgres = PostgresServer.start()) {
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                // Bucket4j's documented table for its PostgreSQL ProxyManager, with String keys
                s.execute("CREATE TABLE bucket(id VARCHAR PRIMARY KEY, state BYTEA, expires_at BIGINT)");
            }
            List<Map<String, String>> results = runReplicas(REPLICAS, CLASS_PATH,
                    List.of(postgres.jdbcUrl(), postgres.user(), postgres.password()));

            assertEveryExchangeCompletedWithEveryIdAdded(REPLICAS, results);
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                    var rows = s.executeQuery("SELECT id FROM bucket")) {
                assertTrue(rows.next(), "the replicas' bucket is in PostgreSQL");
                String id = rows.getString(1);
                assertTrue(id.matches("tamtam-[0-9a-f]{64}"), id);
                assertTrue(!id.contains(TamtamSimulator.DEMO_API_KEY), "the bucket key is a hash, never the key");
            }
            System.out.println(
                    "shared bucket on PostgreSQL: " + REPLICAS + " replicas, 429s " + simulator.stats().rateLimited());
        }
    }

    @Test
    void withoutBucket4jOnTheClassPathTheComponentPacesLocally() throws Exception {
        String withoutBucket4j = Arrays.stream(CLASS_PATH.split(File.pathSeparator))
                .filter(entry -> !entry.contains("bucket4j")).collect(Collectors.joining(File.pathSeparator));
        assertTrue(withoutBucket4j.length() < CLASS_PATH.length(), "Bucket4j was on the test class path");

        assertEveryExchangeCompletedWithEveryIdAdded(1, runReplicas(1, withoutBucket4j, List.of()));
    }

    private void assertEveryExchangeCompletedWithEveryIdAdded(int replicas, List<Map<String, String>> results) {
        assertEquals(replicas, results.size(), results::toString);
        int throttled = 0;
        for (Map<String, String> result : results) {
            assertEquals("false", result.get("failed"), result::toString);
            assertEquals(IDS_PER_REPLICA, Integer.parseInt(result.get("added")), result::toString);
            assertEquals("0", result.get("already"), result::toString);
            assertEquals("0", result.get("ignored"), result::toString);
            assertEquals("0", result.get("failedIds"), result::toString);
            throttled += Integer.parseInt(result.get("throttled"));
        }
        assertEquals(replicas * IDS_PER_REPLICA,
                simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());
        // every 429 the server answered is reported by the exchange it slowed down
        assertEquals(simulator.stats().rateLimited(), throttled, results::toString);
    }

    /** Starts the replicas, lets them go together once all wait at the barrier, and collects their RESULT lines. */
    private List<Map<String, String>> runReplicas(int count, String classPath, List<String> sharedStore)
            throws Exception {
        List<ForkedJvm> replicas = new ArrayList<>();
        List<Socket> waiting = new ArrayList<>();
        try (ServerSocket barrier = new ServerSocket(0, count, InetAddress.getLoopbackAddress())) {
            barrier.setSoTimeout((int) BOUND.toMillis());
            for (int r = 0; r < count; r++) {
                List<String> args =
                        new ArrayList<>(List.of(simulator.baseUrl().toString(), TamtamSimulator.DEMO_API_KEY,
                                TamtamSimulator.DEMO_USER_EMAIL, Long.toString(1_000_000L * (r + 1)),
                                Integer.toString(IDS_PER_REPLICA), Integer.toString(barrier.getLocalPort())));
                args.addAll(sharedStore);
                replicas.add(ForkedJvm.of(KeyAccountsReplica.class).name("replica-" + r).jvmOptions("-Xmx256m")
                        .classpath(classPath)
                        .args(args).output(Path.of("target", "replicas", "replica-" + r + ".log")).start());
            }
            for (int r = 0; r < count; r++) {
                waiting.add(barrier.accept());
            }
            for (Socket replica : waiting) {
                OutputStream out = replica.getOutputStream();
                out.write(1);
                out.flush();
            }
            List<Map<String, String>> results = new ArrayList<>();
            for (ForkedJvm replica : replicas) {
                ForkedJvm.Outcome outcome = replica.await(BOUND);
                assertEquals(0, outcome.exitCode(), () -> replica + " ended badly:\n" + outcome.tail());
                results.addAll(outcome.results());
            }
            return results;
        } finally {
            for (Socket socket : waiting) {
                socket.close();
            }
            for (ForkedJvm replica : replicas) {
                replica.close();
            }
        }
    }
}
