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
 * Never hang under a full heap: a child JVM with a 64 MiB heap sends 400,000 IDs, every other one already present, and
 * fills its heap, but for 512 KiB, for 5 seconds while the requests are on their way ({@link FullHeapMain}); then the
 * pressure ends. The exchange must come to an end: with its result, or failed with the component's exception (the
 * {@code OutOfMemoryError} it met, the cut of answers the JDK HttpClient never delivered because the error killed its
 * selector thread, or a call whose task the error killed). Where an {@code OutOfMemoryError} strikes under real pressure
 * varies from run to run, and any task can die of it, the JDK's and the scheduler's included: the client's watchdog
 * ends what waits on such a task once memory is back. A task lost at a point the test chooses is
 * {@code LostTaskTest}'s; an Error at a point the test chooses, {@code ErrorInTheCompletionTest}'s.
 */
class ErrorInTheAsyncPathTest {

    @Test
    void aFullHeapOnTheAsyncPathNeverLeavesTheExchangeWaiting() throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.builder().rateLimit(0)
                .demoCredits(1_000_000).start()) {
            for (int i = 1; i < 400_000; i += 2) { // as FullHeapMain numbers its IDs
                simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, Long.toString(10_000_000L + i),
                        List.of(), 1);
            }
            ForkedJvm.Outcome outcome = ForkedJvm.of(FullHeapMain.class).name("full-heap").jvmOptions("-Xmx64m")
                    .args(simulator.baseUrl().toString(), TamtamSimulator.DEMO_API_KEY,
                            TamtamSimulator.DEMO_USER_EMAIL, "400000", "60")
                    .output(Path.of("target", "full-heap.log")).run(Duration.ofMinutes(2));

            assertEquals(1, outcome.results().size(), outcome::tail);
            Map<String, String> result = outcome.results().get(0);
            assertEquals("true", result.get("async"), "the producer went asynchronous:\n" + outcome.tail());
            assertEquals("true", result.get("completed"), "the exchange's callback came:\n" + outcome.tail());
            String error = result.get("error");
            assertTrue(error.equals("none") || error.startsWith("io.github.cameltamtam.component.tamtam.Tamtam"),
                    "a result, or the component's failure (the OutOfMemoryError, the cut of an answer the JDK never "
                            + "delivered, a call whose task was lost): " + result + "\n" + outcome.tail());
        }
    }
}
