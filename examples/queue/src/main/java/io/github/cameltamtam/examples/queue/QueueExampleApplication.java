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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.cameltamtam.simulator.TamtamSimulator;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnector;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.processor.aggregate.MemoryAggregationRepository;
import org.apache.camel.spi.AggregationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the route {@code routes/queue-to-key-accounts.yaml} with Camel Main, next to an embedded ActiveMQ Artemis
 * broker.
 * <ul>
 * <li>{@code TAMTAM_API_KEY} not set: demo mode. Starts the embedded TamTam simulator and a broker on a free port,
 * queues the 120 IDs of {@code sample/company-ids.txt} as 120 messages, lets the route batch them into TamTam, and
 * stops.</li>
 * <li>{@code TAMTAM_API_KEY} set: talks to the real API for the user {@code TAMTAM_USER_EMAIL} (required) until Ctrl+C.
 * Without {@code TAMTAM_BROKER_URL} it starts a persistent broker on {@code 127.0.0.1:61616}
 * ({@code TAMTAM_BROKER_PORT}); with it, it only consumes from that broker, as every further instance does. With
 * {@code TAMTAM_JDBC_URL} (and {@code TAMTAM_JDBC_USER}, {@code TAMTAM_JDBC_PASSWORD}) it is a replica: batches and
 * outcomes in that PostgreSQL database, shared with the other replicas, nothing lost if it is killed, and the key's rate
 * limit shared through a Bucket4j bucket in the same database.</li>
 * </ul>
 */
public final class QueueExampleApplication {

    static final Logger LOG = LoggerFactory.getLogger("io.github.cameltamtam.examples.queue");

    /** The queue of {@code application.properties} unless {@code TAMTAM_QUEUE} says otherwise. */
    public static final String DEFAULT_QUEUE = "tamtam.company-ids";

    static final String SAMPLE = "sample/company-ids.txt";

    private QueueExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int exitCode;
        if (isBlank(env.get("TAMTAM_API_KEY"))) {
            exitCode = runDemo();
        } else if (isBlank(env.get("TAMTAM_USER_EMAIL"))) {
            System.err.println(
                    "TAMTAM_API_KEY is set, so this example talks to the real TamTam API, but TAMTAM_USER_EMAIL "
                            + "is not: set it to the email of the TamTam user whose Key Accounts receive the "
                            + "companies (export TAMTAM_USER_EMAIL=you@example.com), or unset TAMTAM_API_KEY to run "
                            + "the demo against the embedded simulator.");
            exitCode = 2;
        } else {
            exitCode = runLive(env);
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Starts an Artemis broker accepting connections on {@code 127.0.0.1:port}.
     *
     * @param dataDir where it keeps its messages across restarts, or {@code null} for an in-memory broker
     */
    public static EmbeddedActiveMQ startBroker(int port, Path dataDir) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("tamtam-example-broker")
                .setSecurityEnabled(false)
                .setPersistenceEnabled(dataDir != null)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port)
                // a message the consumers fail to take 10 times goes to DLQ instead of blocking the queue
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLQ"))
                        .setMaxDeliveryAttempts(10)
                        .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        if (dataDir != null) {
            config.setJournalType(JournalType.NIO)
                    .setJournalDirectory(dataDir.resolve("journal").toString())
                    .setBindingsDirectory(dataDir.resolve("bindings").toString())
                    .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                    .setPagingDirectory(dataDir.resolve("paging").toString());
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        return broker;
    }

    /** Returns the URL a client uses for a broker started by {@link #startBroker(int, Path)}. */
    public static String brokerUrl(int port) {
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * A Camel Main running the example's route(s) ({@code application.properties}) on the given broker, as a single
     * instance: batches and outcomes in memory.
     */
    public static Main newMain(String brokerUrl) {
        Main main = newMain(brokerUrl, "local", new MemoryAggregationRepository());
        main.bind("outcomeLedger", new InMemoryOutcomeLedger());
        return main;
    }

    /**
     * A Camel Main running the example's route(s) as one replica among several: batches
     * ({@link ReplicaAggregationRepository}), outcomes ({@link PostgresOutcomeLedger}) and the API key's rate limit
     * ({@link SharedPacer}) in the given PostgreSQL database, shared by all replicas.
     *
     * @param replicaId this replica's id, unique among the running replicas
     */
    public static Main newReplica(String brokerUrl, DataSource dataSource, String replicaId) throws SQLException {
        Main main = newMain(brokerUrl, replicaId, new ReplicaAggregationRepository(dataSource, replicaId));
        main.bind("outcomeLedger", new PostgresOutcomeLedger(dataSource, replicaId));
        main.bind("tamtamProxyManager", SharedPacer.proxyManager(dataSource));
        main.addOverrideProperty("camel.component.tamtam.pacer-proxy-manager", "#bean:tamtamProxyManager");
        return main;
    }

    private static Main newMain(String brokerUrl, String replicaId, AggregationRepository batches) {
        Main main = new Main(QueueExampleApplication.class);
        main.addOverrideProperty("tamtam.broker.url", brokerUrl);
        main.addOverrideProperty("tamtam.replica.id", replicaId);
        main.bind("batchRepository", batches);
        return main;
    }

    /** A small connection pool for a replica ({@code TAMTAM_JDBC_URL}, {@code TAMTAM_JDBC_USER}, {@code TAMTAM_JDBC_PASSWORD}). */
    public static HikariDataSource dataSource(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("tamtam-queue");
        return new HikariDataSource(config);
    }

    /** Returns {@code TAMTAM_REPLICA_ID}, else {@code <host>-<pid>}. */
    static String replicaId(Map<String, String> env) {
        String id = env.get("TAMTAM_REPLICA_ID");
        if (!isBlank(id)) {
            return id;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "replica";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /** Points the component at a simulator: its base URL, its demo API key and demo user. */
    public static void useSimulator(Main main, TamtamSimulator simulator) {
        main.addOverrideProperty("camel.component.tamtam.base-url", simulator.baseUrl().toString());
        // a placeholder, not the literal key, so that Camel Main's plain-text secret check stays quiet
        main.addInitialProperty("tamtam.simulator.api-key", TamtamSimulator.DEMO_API_KEY);
        main.addOverrideProperty("camel.component.tamtam.api-key", "{{tamtam.simulator.api-key}}");
        main.addOverrideProperty("camel.component.tamtam.user-email", TamtamSimulator.DEMO_USER_EMAIL);
    }

    /** Sends each value as one JMS text message to a queue, as any application feeding the queue would. */
    public static void send(String brokerUrl, String queue, List<String> values) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            for (String value : values) {
                producer.send(session.createTextMessage(value));
            }
        }
    }

    /** Returns a free TCP port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int runDemo() throws Exception {
        List<String> sample = readSample();
        int port = freePort();
        EmbeddedActiveMQ broker = startBroker(port, null);
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            String url = brokerUrl(port);
            LOG.info("TAMTAM_API_KEY is not set: demo mode against the embedded TamTam simulator at {}, with an "
                    + "embedded Artemis broker at {}", simulator.baseUrl(), url);
            send(url, DEFAULT_QUEUE, sample);
            LOG.info("Queued the {} lines of {} as {} messages on the queue {}", sample.size(), SAMPLE, sample.size(),
                    DEFAULT_QUEUE);

            Main main = newMain(url);
            useSimulator(main, simulator);
            main.start();
            OutcomeLedger ledger = main.getCamelContext().getRegistry()
                    .lookupByNameAndType("outcomeLedger", OutcomeLedger.class);
            try {
                int batches = (sample.size() + 49) / 50;
                NotifyBuilder done = new NotifyBuilder(main.getCamelContext())
                        .wereSentTo("tamtam:*").whenDone(batches).create();
                if (!done.matches(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Timed out waiting for " + batches + " batches");
                }
            } finally {
                main.stop();
            }
            LOG.info("Done. {} requests to the simulator; the demo user's Key Accounts hold {} companies; outcomes: {}",
                    simulator.requests("POST", "/v2/key-accounts").size(),
                    simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size(),
                    ledger.counts());
            return 0;
        } finally {
            stopBroker(broker);
        }
    }

    /** Stops the broker and the client thread pools Artemis keeps per JVM, so that the JVM can end at once. */
    public static void stopBroker(EmbeddedActiveMQ broker) throws Exception {
        try {
            broker.stop();
        } finally {
            ActiveMQClient.clearThreadPools();
            NettyConnector.clearThreadPools();
        }
    }

    private static int runLive(Map<String, String> env) throws Exception {
        String url = env.get("TAMTAM_BROKER_URL");
        EmbeddedActiveMQ broker = null;
        if (isBlank(url)) {
            int port = Integer.parseInt(env.getOrDefault("TAMTAM_BROKER_PORT", "61616"));
            Path data = Path.of(System.getProperty("tamtam.example.base-dir", "target")).resolve("artemis")
                    .toAbsolutePath().normalize();
            broker = startBroker(port, data);
            url = brokerUrl(port);
            LOG.info("Started an Artemis broker at {} (messages kept in {})", url, data);
        }
        LOG.info("Consuming LinkedIn company IDs, one per text message, from the queue {} at {}. Stop with Ctrl+C.",
                env.getOrDefault("TAMTAM_QUEUE", DEFAULT_QUEUE), url);
        Main main;
        HikariDataSource dataSource = null;
        try {
            String jdbcUrl = env.get("TAMTAM_JDBC_URL");
            if (isBlank(jdbcUrl)) {
                LOG.warn("TAMTAM_JDBC_URL is not set: batches are kept in memory, so the IDs of a batch being filled "
                        + "are lost if this process is killed (a graceful stop sends them). Set it to run replicas.");
                main = newMain(url);
            } else {
                dataSource = dataSource(jdbcUrl, env.get("TAMTAM_JDBC_USER"), env.get("TAMTAM_JDBC_PASSWORD"));
                String replicaId = replicaId(env);
                main = newReplica(url, dataSource, replicaId);
                LOG.info("Replica {}: batches and outcomes in PostgreSQL at {}", replicaId, jdbcUrl);
            }
            return main.run(new String[0]);
        } finally {
            if (dataSource != null) {
                dataSource.close();
            }
            if (broker != null) {
                stopBroker(broker);
            }
        }
    }

    static List<String> readSample() {
        try (InputStream in = QueueExampleApplication.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("classpath resource not found: " + SAMPLE);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
