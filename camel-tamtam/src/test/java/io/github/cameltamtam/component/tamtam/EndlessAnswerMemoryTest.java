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

import java.nio.file.Path;
import java.time.Duration;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.ForkedJvm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answer that never ends, read by a client in a 64 MB heap with default options: the exchange fails at the answer
 * size cap (not retried), nothing runs out of memory, the download stops and the context stops cleanly.
 */
class EndlessAnswerMemoryTest {

    @Test
    void anEndlessAnswerNeitherExhaustsASmallHeapNorHangsTheExchange() throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            simulator.faults().enqueue("/v2/key-accounts", Fault.endlessBody());
            ForkedJvm.Outcome outcome = ForkedJvm.of(EndlessAnswerClient.class)
                    .jvmOptions("-Xmx64m", "-XX:+ExitOnOutOfMemoryError")
                    .args(simulator.baseUrl().toString(), TamtamSimulator.DEMO_API_KEY, TamtamSimulator.DEMO_USER_EMAIL)
                    .output(Path.of("target", "endless-answer-client.log"))
                    .run(Duration.ofMinutes(2));

            assertFalse(outcome.timedOut(), outcome::tail);
            assertEquals(0, outcome.exitCode(), outcome::tail);
            String all = String.join("\n", outcome.lines());
            assertTrue(all.contains("outcome=TamtamApiException: TamTam API answer to POST /v2/key-accounts (2 IDs) "
                    + "is larger than 1048576 bytes"), outcome::tail);
            assertTrue(all.contains("stopped"), outcome::tail);
            assertFalse(all.contains("OutOfMemoryError"), outcome::tail);
            assertEquals(1, simulator.requests().size(), "not retried");
            long streamed = simulator.stats().streamedBytes();
            assertTrue(streamed < 64L * 1024 * 1024, "streamed " + streamed + " bytes");
        }
    }
}
