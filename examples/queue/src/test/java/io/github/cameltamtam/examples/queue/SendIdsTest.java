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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** SendIds, the README's way to put IDs on the queue: one message per non-blank line, in the file's order. */
class SendIdsTest {

    @TempDir
    Path dir;

    @Test
    void everyNonBlankLineBecomesOneTextMessageOnTheQueue() throws Exception {
        int port = QueueExampleApplication.freePort();
        EmbeddedActiveMQ broker = QueueExampleApplication.startBroker(port, null);
        try {
            Path file = Files.writeString(dir.resolve("ids.txt"),
                    "1035\n\n  1441 \nhttps://www.linkedin.com/company/2382910/\n");
            String url = QueueExampleApplication.brokerUrl(port);

            assertEquals(3, SendIds.send(url, file, QueueExampleApplication.DEFAULT_QUEUE));

            List<String> received = new ArrayList<>();
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                    Connection connection = factory.createConnection();
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageConsumer consumer = session.createConsumer(
                            session.createQueue(QueueExampleApplication.DEFAULT_QUEUE))) {
                connection.start();
                for (int i = 0; i < 3; i++) {
                    received.add(((TextMessage) consumer.receive(10_000)).getText());
                }
                assertNull(consumer.receiveNoWait(), "nothing else was sent");
            }
            assertEquals(List.of("1035", "1441", "https://www.linkedin.com/company/2382910/"), received);
        } finally {
            QueueExampleApplication.stopBroker(broker);
        }
    }
}
