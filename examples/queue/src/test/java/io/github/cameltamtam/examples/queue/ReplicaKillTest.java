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
package io.github.cameltamtam.examples.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.ForkedJvm;
import io.github.cameltamtam.testkit.PostgresServer;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas of the example, each a JVM of its own running {@link QueueExampleApplication} as in production (each at
 * the key's full 10 requests/s, paced together through the shared Bucket4j bucket), on one Artemis broker, one
 * PostgreSQL and one simulator enforcing 10 requests/s (all in this JVM). One replica is killed with SIGKILL while batches
 * are on their way; the test then shows that every ID still ends in Key Accounts, with exactly one outcome in the shared
 * ledger and one credit charged.
 */
class ReplicaKillTest {

    private static final int IDS = 600;
    private static final int REPLICAS = 3;
    /** The replica is killed once the simulator has received this many batches. */
    private static final int KILL_AFTER_REQUESTS = 3;
    private static final Duration BOUND = Duration.ofMinutes(2);

    private PostgresServer postgres;
    private EmbeddedActiveMQ broker;
    private String brokerUrl;
    private TamtamSimulator simulator;
    private final List<ForkedJvm> replicas = new ArrayList<>();

    @BeforeEach
    void startBrokerDatabaseAndSimulator() throws Exception {
        PostgresServer.assumeAvailable();
        postgres = PostgresServer.start();
        int port = QueueExampleApplication.freePort();
        broker = QueueExampleApplication.startBroker(port, null);
        // no client-side prefetch: the broker hands each message to the next free replica
        brokerUrl = QueueExampleApplication.brokerUrl(port) + "?consumerWindowSize=0";
        simulator = TamtamSimulator.builder().rateLimit(10).demoCredits(10 * IDS).start();
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            replicas.forEach(ForkedJvm::close);
        } finally {
            try {
                simulator.close();
                QueueExampleApplication.stopBroker(broker);
            } finally {
                postgres.close();
            }
        }
    }

    @Test
    void aReplicaKilledMidRunLosesNoIdAndNoIdIsChargedTwice() throws Exception {
        for (int i = 1; i <= REPLICAS; i++) {
            replicas.add(startReplica("replica-" + i));
        }
        Queue queue = awaitQueue();
        await(() -> queue.getConsumerCount() == REPLICAS, "all " + REPLICAS + " replicas consume the queue");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IDS; i++) {
            ids.add(String.valueOf(7_000_000 + i));
        }
        QueueExampleApplication.send(brokerUrl, QueueExampleApplication.DEFAULT_QUEUE, ids);

        await(() -> posts().size() >= KILL_AFTER_REQUESTS, KILL_AFTER_REQUESTS + " batches reach the simulator");
        ForkedJvm victim = replicas.get(1);
        victim.kill();
        assertTrue(posts().size() < IDS / 50, "the replica was killed mid-run, not after the last batch");

        DataSource db = postgres.dataSource();
        await(() -> count(db, "SELECT count(*) FROM tamtam_outcomes") >= IDS
                && count(db, "SELECT count(*) FROM tamtam_batches") == 0
                && count(db, "SELECT count(*) FROM tamtam_batches_completed") == 0
                && queue.getMessageCount() == 0,
                "every ID has an outcome, no batch is left in PostgreSQL, no message on the queue");

        // each ID: in Key Accounts, one outcome in the ledger, one credit
        assertEquals(Set.copyOf(ids), simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet());
        Map<String, String> outcomes = outcomes(db);
        assertEquals(Set.copyOf(ids), outcomes.keySet(), "exactly the input IDs have an outcome, each one");
        assertTrue(Set.of("added", "already present").containsAll(outcomes.values()), outcomes.values().toString());
        assertEquals(IDS, simulator.demoAccount().usedCredits(), "one credit per company, none charged twice");

        // what was sent twice: at most the batches the killed replica had in flight (re-sent, free of charge)
        Map<String, Integer> timesSent = new HashMap<>();
        for (RecordedRequest post : posts()) {
            assertTrue(post.companyLinkedinIds().size() <= 50);
            post.companyLinkedinIds().forEach(id -> timesSent.merge(id, 1, Integer::sum));
        }
        assertEquals(Set.copyOf(ids), timesSent.keySet());
        Set<String> resent = new HashSet<>();
        timesSent.forEach((id, times) -> {
            if (times > 1) {
                resent.add(id);
            }
        });
        long alreadyPresent = outcomes.values().stream().filter("already present"::equals).count();
        assertTrue(resent.size() <= 2 * 50 + 1, "re-sent " + resent.size() + " IDs: more than the batches in flight");
        assertTrue(alreadyPresent <= resent.size(), "'already present' only for IDs re-sent after the kill");

        for (ForkedJvm replica : replicas) {
            assertEquals(replica != victim, replica.isAlive(), replica + "\n" + replica.tail(20));
        }
    }

    private ForkedJvm startReplica(String id) throws Exception {
        return ForkedJvm.of(QueueExampleApplication.class).name(id)
                .jvmOptions("-Xmx256m", "-Dlog4j2.configurationFile=log4j2.xml", "-Dtamtam.batch.timeout=500")
                .env("TAMTAM_API_KEY", TamtamSimulator.DEMO_API_KEY)
                .env("TAMTAM_USER_EMAIL", TamtamSimulator.DEMO_USER_EMAIL)
                .env("TAMTAM_BASE_URL", simulator.baseUrl().toString())
                .env("TAMTAM_BROKER_URL", brokerUrl)
                .env("TAMTAM_JDBC_URL", postgres.jdbcUrl())
                .env("TAMTAM_JDBC_USER", postgres.user())
                .env("TAMTAM_JDBC_PASSWORD", postgres.password())
                .env("TAMTAM_REPLICA_ID", id)
                .output(Path.of("target", "replicas", id + ".log"))
                .start();
    }

    private Queue awaitQueue() throws InterruptedException {
        SimpleString name = SimpleString.of(QueueExampleApplication.DEFAULT_QUEUE);
        await(() -> broker.getActiveMQServer().locateQueue(name) != null, "the replicas create the queue");
        return broker.getActiveMQServer().locateQueue(name);
    }

    private List<RecordedRequest> posts() {
        return simulator.requests("POST", "/v2/key-accounts");
    }

    /** Polls {@code condition} until it holds; fails after {@link #BOUND} with the state and the replicas' last lines. */
    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                DataSource db = postgres.dataSource();
                StringBuilder tails = new StringBuilder("\nstate: outcomes="
                        + count(db, "SELECT count(*) FROM tamtam_outcomes")
                        + " batches=" + count(db, "SELECT count(*) FROM tamtam_batches")
                        + " completed=" + count(db, "SELECT count(*) FROM tamtam_batches_completed")
                        + " keyAccounts=" + simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size()
                        + " posts=" + posts().size() + " 429s=" + simulator.stats().rateLimited());
                SimpleString name = SimpleString.of(QueueExampleApplication.DEFAULT_QUEUE);
                for (String q : List.of(name.toString(), name + ".failed", "DLQ")) {
                    Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(q));
                    if (queue != null) {
                        tails.append(" ").append(q).append("=").append(queue.getMessageCount())
                                .append("(delivering ").append(queue.getDeliveringCount()).append(")");
                    }
                }
                for (ForkedJvm replica : replicas) {
                    tails.append("\n--- ").append(replica).append(replica.isAlive() ? "" : " (ended)").append('\n')
                            .append(replica.tail(15));
                }
                throw new AssertionError("not within " + BOUND.toSeconds() + " s: " + what + tails);
            }
            Thread.sleep(50); // polling interval, not a synchronisation
        }
    }

    private static int count(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            return -1; // table not created yet
        }
    }

    private static Map<String, String> outcomes(DataSource db) throws SQLException {
        Map<String, String> outcomes = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT company_id, outcome FROM tamtam_outcomes")) {
            while (r.next()) {
                outcomes.put(r.getString(1), r.getString(2));
            }
        }
        return outcomes;
    }
}
