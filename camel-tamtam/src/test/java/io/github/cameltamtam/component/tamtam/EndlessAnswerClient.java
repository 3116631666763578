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

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * Child JVM of {@link EndlessAnswerMemoryTest}: one exchange with default options against the given base URL, in a
 * small heap. Prints {@code outcome=...}, then {@code stopped} once the context is stopped, and exits.
 */
public final class EndlessAnswerClient {

    private EndlessAnswerClient() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = TamtamContexts.create(args[0], tamtam -> {
            tamtam.getConfiguration().setApiKey(args[1]);
            tamtam.getConfiguration().setUserEmail(args[2]);
            tamtam.getConfiguration().setRetryDelay(1000); // the default options
        }, "")) {
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:add",
                    e -> e.getMessage().setBody(List.of("7000001", "7000002")));
            Exception e = out.getException();
            System.out.println(
                    "outcome=" + (e == null ? "success" : e.getClass().getSimpleName() + ": " + e.getMessage()));
            System.out.flush();
        }
        System.out.println("stopped");
        System.out.flush();
        System.exit(0);
    }
}
