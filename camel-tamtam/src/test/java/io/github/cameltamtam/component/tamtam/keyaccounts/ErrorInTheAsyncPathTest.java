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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cameltamtam.simulator.TamtamSimulator;
import io.github.cameltamtam.testkit.ForkedJvm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never hang on an Error: an exchange whose asynchronous path (answers read and parsed, batches merged) runs out of
 * memory fails with the OutOfMemoryError — its callback is called — instead of waiting for ever. A child JVM with a
 * 64 MiB heap sends 200,000 IDs, every other one already present, and fills its heap, but for 512 KiB, while the first
 * requests are on their way ({@link FullHeapMain}): merging the answers into result lists of 100,000 positions each
 * needs more.
 */
class ErrorInTheAsyncPathTest {

    @Test
    void anOutOfMemoryErrorOnTheAsyncPathFailsTheExchangeWithIt() throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.builder().rateLimit(0)
                .demoCredits(1_000_000).start()) {
            for (int i = 1; i < 200_000; i += 2) { // as FullHeapMain numbers its IDs
                simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, Long.toString(10_000_000L + i),
                        List.of(), 1);
            }
            ForkedJvm.Outcome outcome = ForkedJvm.of(FullHeapMain.class).name("full-heap").jvmOptions("-Xmx64m")
                    .args(simulator.baseUrl().toString(), TamtamSimulator.DEMO_API_KEY,
                            TamtamSimulator.DEMO_USER_EMAIL, "200000", "30")
                    .output(Path.of("target", "full-heap.log")).run(Duration.ofMinutes(2));

            assertEquals(1, outcome.results().size(), outcome::tail);
            Map<String, String> result = outcome.results().get(0);
            assertEquals("true", result.get("async"), "the producer went asynchronous:\n" + outcome.tail());
            assertEquals("true", result.get("completed"), "the exchange's callback came:\n" + outcome.tail());
            assertTrue(result.get("error").contains("java.lang.OutOfMemoryError"),
                    "failed with the OutOfMemoryError: " + result + "\n" + outcome.tail());
        }
    }
}
