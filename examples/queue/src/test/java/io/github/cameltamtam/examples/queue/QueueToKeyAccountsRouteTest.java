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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example's own {@code application.properties} and {@code routes/queue-to-key-accounts.yaml} with Camel Main,
 * as {@link QueueExampleApplication} does, against an embedded Artemis broker and a simulator.
 */
class QueueToKeyAccountsRouteTest {

    private static final String QUEUE = QueueExampleApplication.DEFAULT_QUEUE;

    private EmbeddedActiveMQ broker;
    private String brokerUrl;
    private TamtamSimulator simulator;
    private Main main;

    @BeforeEach
    void startBrokerAndSimulator() throws Exception {
        int port = QueueExampleApplication.freePort();
        broker = QueueExampleApplication.startBroker(port, null);
        brokerUrl = QueueExampleApplication.brokerUrl(port);
        simulator = TamtamSimulator.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (main != null) {
            main.stop();
        }
        simulator.close();
        QueueExampleApplication.stopBroker(broker);
    }

    private void startExample(String... overrides) {
        main = QueueExampleApplication.newMain(brokerUrl);
        QueueExampleApplication.useSimulator(main, simulator);
        main.addOverrideProperty("tamtam.batch.timeout", "300");
        for (int i = 0; i < overrides.length; i += 2) {
            main.addOverrideProperty(overrides[i], overrides[i + 1]);
        }
        main.start();
    }

    @Test
    void everyQueuedIdIsAccountedAtTheSimulatorInBatchesOfAtMost50() throws Exception {
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
            distinct.add(String.valueOf(3_000_000 + i));
        }
        Set<String> present = Set.of("3000007", "3000070", "3000124");
        for (String id : present) {
            simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, id, List.of(), 1);
        }
        List<String> messages = new ArrayList<>(distinct);
        messages.addAll(List.of("3000001", "3000060", "3000100", "3000101", "3000102")); // 5 IDs sent twice

        startExample();
        NotifyBuilder threeBatches = new NotifyBuilder(main.getCamelContext())
                .wereSentTo("tamtam:*").whenDone(3).create();
        QueueExampleApplication.send(brokerUrl, QUEUE, messages);
        assertTrue(threeBatches.matches(30, TimeUnit.SECONDS), "130 messages should make 3 batches: 50, 50, 30");

        List<RecordedRequest> posts = simulator.requests("POST", "/v2/key-accounts");
        assertEquals(3, posts.size(), "one request per batch");
        Set<String> sent = new HashSet<>();
        for (RecordedRequest post : posts) {
            assertTrue(post.companyLinkedinIds().size() <= 50);
            sent.addAll(post.companyLinkedinIds());
        }
        assertEquals(Set.copyOf(distinct), sent, "every ID reached the API");
        assertEquals(Set.copyOf(distinct),
                simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet(),
                "every ID is in the user's Key Accounts");
        assertEquals(1000 - (distinct.size() - present.size()), simulator.demoAccount().credits(),
                "a credit for each company not present before, none for duplicates or present ones");
    }

    @Test
    void theIdsOfAFailedBatchGoToTheFailedQueue() throws Exception {
        simulator.faults().enqueue(Fault.status(500));
        startExample("camel.component.tamtam.max-retries", "0");
        NotifyBuilder oneBatch = new NotifyBuilder(main.getCamelContext())
                .wereSentTo("tamtam:*").whenDone(1).create();
        QueueExampleApplication.send(brokerUrl, QUEUE, List.of("4001", "4002", "4003"));
        assertTrue(oneBatch.matches(30, TimeUnit.SECONDS));

        assertEquals(Set.of(), simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet());
        assertEquals(Set.of("4001", "4002", "4003"), receiveAll(QUEUE + ".failed", 3));
    }

    @Test
    void aGracefulStopSendsTheBatchBeingFilled() throws Exception {
        startExample("tamtam.batch.timeout", "600000");
        NotifyBuilder consumed = new NotifyBuilder(main.getCamelContext()).from("jms:*").whenDone(3).create();
        QueueExampleApplication.send(brokerUrl, QUEUE, List.of("5001", "5002", "5003"));
        assertTrue(consumed.matches(30, TimeUnit.SECONDS), "the 3 messages were not consumed");
        assertEquals(List.of(), simulator.requests("POST", "/v2/key-accounts"), "a batch of 3 waits for more");

        main.stop();
        assertEquals(Set.of("5001", "5002", "5003"),
                simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).keySet());
    }

    /** Receives {@code count} text messages, waiting at most 10 s for each. */
    private Set<String> receiveAll(String queue, int count) throws Exception {
        Set<String> out = new LinkedHashSet<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            connection.start();
            for (int i = 0; i < count; i++) {
                TextMessage message = (TextMessage) consumer.receive(10_000);
                assertNotNull(message, "message " + (i + 1) + " of " + count + " on " + queue);
                out.add(message.getText());
            }
        }
        return out;
    }
}
