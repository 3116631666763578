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
package io.github.cameltamtam.component.tamtam;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.PostgresServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared pacer when its store misbehaves, on a real PostgreSQL (Bucket4j's documented table) and the simulator
 * enforcing 10 requests/s: with the bucket's row locked by another session, the server frozen (SIGSTOP) or shut down,
 * an exchange completes within its own bounds, paced by the replica alone, with one WARN naming the store (never the
 * key), the fallback in the metrics and the health check; once the store answers again, slots come from the shared
 * bucket again. With failOnPacerStoreFailure the exchange fails instead, with a TamtamPacerStoreException. Stopping
 * the context leaves no pacer thread behind.
 */
@Timeout(120)
class SharedPacerStoreFaultsTest {

    private static final String WARN_LOGGER = "io.github.cameltamtam.component.tamtam.pacing.SharedKeyPacer";
    private static final String STORE = "PostgreSQLSelectForUpdateBasedProxyManager";
    /** A bound for an exchange of 300 IDs paced locally (6 requests at 10/s), with room for a slow machine. */
    private static final long BOUND_MILLIS = 15_000;

    private PostgresServer postgres;
    private TamtamSimulator simulator;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        PostgresServer.assumeAvailable();
        postgres = PostgresServer.start();
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bucket(id VARCHAR PRIMARY KEY, state BYTEA, expires_at BIGINT)");
        }
        simulator = TamtamSimulator.builder().demoCredits(100_000).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aLockedBucketRowIsPacedAroundAndTheSharedBucketIsUsedAgainOnceItIsFree() throws Exception {
        startContext(false);
        assertAdded(send(ids(1000, 10)), 10); // the bucket's row exists
        byte[] before = bucketState();

        try (PostgresServer.HeldLock lock = postgres.lock("SELECT id FROM bucket")) {
            assertEquals(1, lock.rows());
            assertPacedAlone(2000, "did not answer within 1000 ms");
            assertTrue(endpoint().getPacerStoreFailures() >= 1);
            assertEquals(1, endpoint().getMetrics().snapshot().get("tamtam.pacer.store.fallback"));
            String detail = String.valueOf(health().getDetails().get("pacer_store"));
            assertTrue(detail.contains(STORE) && detail.contains("not answering"), detail);
        }

        assertBackOnTheSharedBucket(before);
    }

    @Test
    void aFrozenServerIsPacedAroundAndTheSharedBucketIsUsedAgainOnceThawed() throws Exception {
        startContext(false);
        assertAdded(send(ids(3000, 10)), 10);
        byte[] before = bucketState();

        try (PostgresServer.Frozen frozen = postgres.freeze()) {
            assertPacedAlone(4000, "did not answer within 1000 ms");
        }

        assertBackOnTheSharedBucket(before);
    }

    @Test
    void aServerShutDownIsPacedAroundAndTheSharedBucketIsUsedAgainOnceRestarted() throws Exception {
        startContext(false);
        assertAdded(send(ids(5000, 10)), 10);
        byte[] before = bucketState();

        postgres.shutDown();
        try {
            assertPacedAlone(6000, "failed");
        } finally {
            postgres.startAgain();
        }

        assertBackOnTheSharedBucket(before);
    }

    @Test
    void withFailOnPacerStoreFailureAStuckStoreFailsTheExchangeWithEveryIdAccounted() throws Exception {
        startContext(true);
        assertAdded(send(ids(7000, 10)), 10);
        simulator.clearRequests();

        try (PostgresServer.HeldLock lock = postgres.lock("SELECT id FROM bucket");
                LogCapture ignored = LogCapture.start(Level.INFO, WARN_LOGGER)) {
            List<String> ids = ids(8000, 120);
            Exchange out = send(ids);

            TamtamPacerStoreException error = assertInstanceOf(TamtamPacerStoreException.class, out.getException());
            assertTrue(error.getMessage().contains(STORE), error.getMessage());
            assertFalse(error.getMessage().contains(TamtamSimulator.DEMO_API_KEY), error.getMessage());
            KeyAccountsResult result = error.getResult();
            assertNotNull(result);
            assertTrue(simulator.requests("POST", "/api/v2/key-accounts").isEmpty(), "nothing was sent");
            assertEquals(ids.size(), result.getFailedCompanyLinkedinIds().size()
                    + result.getUnsentCompanyLinkedinIds().size(), result::toString);
        }
    }

    @Test
    void stoppingTheContextWhileTheServerIsFrozenLeavesNoPacerThreadBehind() throws Exception {
        List<String> others = pacerThreads(); // of pacers made by other tests in this JVM
        startContext(false);
        assertAdded(send(ids(9000, 10)), 10);
        try (PostgresServer.Frozen frozen = postgres.freeze();
                LogCapture ignored = LogCapture.start(Level.INFO, WARN_LOGGER)) {
            assertAdded(send(ids(9100, 50)), 50); // a store call is now blocked in a socket read
            context.stop();
            // the driver's socketTimeout (3 s here) ends the blocked read; the pool is shut down
            Await.until("no tamtam-shared-pacer thread", () -> others.containsAll(pacerThreads()),
                    Duration.ofSeconds(15),
                    SharedPacerStoreFaultsTest::pacerThreadStacks);
        }
    }

    private void startContext(boolean failOnStoreFailure) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setConnectTimeout(3);
        dataSource.setSocketTimeout(3);
        context = new DefaultCamelContext();
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        TamtamComponent tamtam = new TamtamComponent();
        tamtam.getConfiguration().setApiKey(TamtamSimulator.DEMO_API_KEY);
        tamtam.getConfiguration().setBaseUrl(simulator.baseUrl().toString());
        tamtam.getConfiguration().setUserEmail(TamtamSimulator.DEMO_USER_EMAIL);
        tamtam.setPacerProxyManager(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).build());
        tamtam.setPacerStoreTimeout(1000);
        tamtam.setFailOnPacerStoreFailure(failOnStoreFailure);
        context.addComponent("tamtam", tamtam);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("direct:add").to("tamtam:keyAccounts?requestTimeout=2s&maxThrottleWait=5s&healthCheckInterval=1h");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    private Exchange send(List<String> ids) {
        return template.request("direct:add", e -> e.getMessage().setBody(ids));
    }

    private static void assertAdded(Exchange out, int count) {
        assertEquals(null, out.getException(), () -> "exchange failed: " + out.getException());
        assertEquals(count, out.getMessage().getBody(KeyAccountsResult.class).getNewlyAddedCompanyLinkedinIds().size());
    }

    private TamtamEndpoint endpoint() {
        return context.getEndpoints().stream().filter(TamtamEndpoint.class::isInstance).map(TamtamEndpoint.class::cast)
                .findFirst().orElseThrow();
    }

    private HealthCheck.Result health() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().startsWith("producer:tamtam")).findFirst()
                .orElseThrow(() -> new AssertionError("no tamtam check among " + results));
    }

    /**
     * 300 IDs sent while the store misbehaves are all added within the bound, paced by this replica alone, with one
     * WARN naming the store and the fallback in the metrics.
     */
    private void assertPacedAlone(long firstId, String warned) {
        try (LogCapture log = LogCapture.start(Level.INFO, WARN_LOGGER)) {
            long start = System.nanoTime();
            Exchange out = send(ids(firstId, 300));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertAdded(out, 300);
            assertTrue(millis < BOUND_MILLIS, () -> "took " + millis + " ms while the store misbehaved");
            assertOneWarnNamingTheStore(log, warned);
            assertEquals(1, endpoint().getPacerStoreFallback());
        }
    }

    private static void assertOneWarnNamingTheStore(LogCapture log, String what) {
        List<LogCapture.Captured> warns = log.events().stream()
                .filter(e -> Level.WARN.equals(e.level()) && e.logger().equals(WARN_LOGGER)).toList();
        assertEquals(1, warns.size(), () -> "one WARN, not " + warns);
        String text = warns.get(0).text();
        assertTrue(text.contains(STORE) && text.contains(what), text);
        assertFalse(text.contains(TamtamSimulator.DEMO_API_KEY), "the key is never logged: " + text);
    }

    /** The store answers again: a probe ends the fallback, and the next exchange moves the shared bucket. */
    private void assertBackOnTheSharedBucket(byte[] before) throws Exception {
        int[] probes = {0};
        Await.until("the store answering again", () -> {
            assertAdded(send(ids(80_000 + probes[0]++, 1)), 1); // each request asks a store that failed again
            return endpoint().getPacerStoreFallback() == 0;
        }, Duration.ofSeconds(30), () -> "fallback " + endpoint().getPacerStoreFallback());
        assertTrue(String.valueOf(health().getDetails().get("pacer_store")).endsWith("answering"));
        byte[] moved = bucketState();
        assertAdded(send(ids(95_000, 20)), 20);
        assertFalse(Arrays.equals(moved, bucketState()), "the exchange took its slots from the shared bucket");
        assertFalse(Arrays.equals(before, moved));
    }

    private byte[] bucketState() throws Exception {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT state FROM bucket")) {
            assertTrue(r.next(), "the bucket's row");
            return r.getBytes(1);
        }
    }

    private static String pacerThreadStacks() {
        StringBuilder text = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("tamtam-shared-pacer-")) {
                text.append('\n').append(thread.getName()).append(' ').append(thread.getState());
                Arrays.stream(stack).limit(12).forEach(frame -> text.append("\n    at ").append(frame));
            }
        });
        return text.toString();
    }

    private static List<String> pacerThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("tamtam-shared-pacer-")).toList();
    }
}
