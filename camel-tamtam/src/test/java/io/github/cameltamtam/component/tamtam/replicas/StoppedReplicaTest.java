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

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.ForkedJvm;
import io.github.cameltamtam.testkit.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica that stops or dies leaves no debt in the shared bucket: a replica JVM with 100 exchanges waiting on a
 * shared PostgreSQL bucket ({@link BusyReplica}) is stopped ({@code SIGTERM}) or killed ({@code SIGKILL}); a fresh
 * replica on the same key and store then adds one ID. A replica reserves at most one second of slots ahead, so a kill
 * leaves at most that in the bucket, and a stop gives it back (before: 75 slots, 7.7 s of debt, 20 requests into 100
 * exchanges; 15.2 s measured by the fault probe); the fresh replica's ID goes within its own round trips.
 */
class StoppedReplicaTest {

    private static final Duration BOUND = Duration.ofMinutes(2);

    private TamtamSimulator simulator;
    private PostgresServer postgres;

    @BeforeEach
    void start() throws Exception {
        PostgresServer.assumeAvailable();
        simulator = TamtamSimulator.builder().latency(Duration.ofMillis(60)).demoCredits(1_000_000).start();
        postgres = PostgresServer.start();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bucket(id VARCHAR PRIMARY KEY, state BYTEA, expires_at BIGINT)");
        }
    }

    @AfterEach
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aStoppedReplicaGivesItsReservedSlotsBack() throws Exception {
        try (ForkedJvm busy = busyReplica()) {
            busy.close(); // SIGTERM: the replica's CamelContext stops
        }
        long tokens = tokens();
        assertTrue(tokens >= -2, () -> "the bucket is " + -tokens + " slots in debt after the replica stopped");
        long millis = oneIdFromAFreshReplica();
        assertTrue(millis < 2_000, () -> "a fresh replica waited " + millis + " ms for one ID after a stop");
    }

    @Test
    void aKilledReplicaCostsTheOthersAtMostAboutOneSecond() throws Exception {
        try (ForkedJvm busy = busyReplica()) {
            busy.kill(); // SIGKILL: nothing given back
        }
        long tokens = tokens();
        // at most one second's worth of slots (10 at 10 requests/s) reserved ahead, and the one being taken
        assertTrue(tokens >= -11, () -> "the bucket is " + -tokens + " slots in debt after the replica was killed");
        long millis = oneIdFromAFreshReplica();
        assertTrue(millis < 2_500, () -> "a fresh replica waited " + millis + " ms for one ID after a kill");
    }

    private ForkedJvm busyReplica() throws Exception {
        ForkedJvm busy = ForkedJvm.of(BusyReplica.class).name("busy-replica").jvmOptions("-Xmx256m")
                .args(simulator.baseUrl().toString(), TamtamSimulator.DEMO_API_KEY, TamtamSimulator.DEMO_USER_EMAIL,
                        "1000000", "100", postgres.jdbcUrl(), postgres.user(), postgres.password())
                .output(Path.of("target", "replicas", "busy-replica.log")).start();
        busy.awaitLine("BUSY"::equals, BOUND);
        return busy;
    }

    /** The shared bucket's tokens now: negative when in debt (slots reserved and not yet come). */
    private long tokens() throws Exception {
        String id;
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM bucket")) {
            r.next();
            id = r.getString(1);
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(103))).build();
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(postgres.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING).build()
                .builder().build(id, () -> configuration).getAvailableTokens();
    }

    /** Starts a fresh replica, lets it add one ID and returns how long that took, from its go to its result. */
    private long oneIdFromAFreshReplica() throws Exception {
        try (ServerSocket barrier = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            barrier.setSoTimeout((int) BOUND.toMillis());
            try (ForkedJvm fresh = ForkedJvm.of(KeyAccountsReplica.class).name("fresh-replica").jvmOptions("-Xmx256m")
                    .args(List.of(simulator.baseUrl().toString(), TamtamSimulator.DEMO_API_KEY,
                            TamtamSimulator.DEMO_USER_EMAIL, "9000000", "1", Integer.toString(barrier.getLocalPort()),
                            postgres.jdbcUrl(), postgres.user(), postgres.password()))
                    .output(Path.of("target", "replicas", "fresh-replica.log")).start();
                    Socket go = barrier.accept()) {
                long start = System.nanoTime();
                OutputStream out = go.getOutputStream();
                out.write(1);
                out.flush();
                String result = fresh.awaitLine(line -> line.startsWith("RESULT "), BOUND);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(result.contains("failed=false") && result.contains("added=1"), result);
                assertEquals(0, fresh.await(BOUND).exitCode());
                return millis;
            }
        }
    }
}
