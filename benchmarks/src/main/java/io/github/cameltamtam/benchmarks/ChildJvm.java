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

import java.io.IOException;
import java.time.Duration;

import io.github.cameltamtam.testkit.ForkedJvm;

/** Child JVMs of the harness ({@link ForkedJvm}): the simulator in a JVM of its own. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** A simulator in a JVM of its own: no rate limit, no latency, credits for every round. */
    static final class Simulator implements AutoCloseable {
        private final ForkedJvm jvm;
        final String baseUrl;

        Simulator() throws IOException, InterruptedException {
            this("--rate-limit", "0", "--latency-ms", "0", "--credits", "2000000000");
        }

        /** A simulator started with the given {@code TamtamSimulator} command-line options. */
        Simulator(String... options) throws IOException, InterruptedException {
            jvm = ForkedJvm.of("io.github.cameltamtam.simulator.Main").name("simulator")
                    .jvmOptions("-Xmx1g").args(options).start();
            try {
                String line = jvm.awaitLine(l -> l.strip().startsWith("base URL:"), Duration.ofSeconds(60));
                baseUrl = line.strip().substring("base URL:".length()).strip();
            } catch (RuntimeException | InterruptedException e) {
                jvm.close();
                throw e;
            }
        }

        long pid() {
            return jvm.pid();
        }

        @Override
        public void close() {
            jvm.close();
        }
    }
}
