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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts the lines of a text file on the queue, one JMS text message per non-blank line, as an application feeding the
 * queue would: {@code SendIds <brokerUrl> <file> [queue]} (queue {@code tamtam.company-ids} by default).
 */
public final class SendIds {

    private SendIds() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SendIds <brokerUrl, e.g. tcp://127.0.0.1:61616> <file, one ID a line> [queue]");
            System.exit(2);
        }
        String queue = args.length > 2 ? args[2] : QueueExampleApplication.DEFAULT_QUEUE;
        int sent = send(args[0], Path.of(args[1]), queue);
        System.out.println("Sent " + sent + " messages to the queue " + queue + " at " + args[0]);
    }

    /** Returns how many messages were sent. */
    static int send(String brokerUrl, Path file, String queue) throws Exception {
        List<String> values = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        QueueExampleApplication.send(brokerUrl, queue, values);
        return values.size();
    }
}
