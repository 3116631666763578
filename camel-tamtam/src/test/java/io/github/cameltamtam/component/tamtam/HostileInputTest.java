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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.testkit.ForkedJvm;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded cost on hostile input: a huge-exponent number is rejected by its size before any conversion (the timeouts
 * only bound the tests; before the fix they blocked for minutes), and one very long CSV line costs memory for its
 * distinct IDs only (a 60 MB single line read in a child JVM with a 64 MB heap).
 */
class HostileInputTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutes().route("direct:add", "tamtam:keyAccounts");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeExponentBigDecimalIsRejectedByItsSizeBeforeConversion() {
        Exchange out = template.request("direct:add",
                e -> e.getMessage().setBody(List.of(new BigDecimal("1e100000000"), "2045")));

        TamtamInvalidInputException e = assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertTrue(e.getMessage().contains("index 0") && e.getMessage().contains("at most 19 digits"), e.getMessage());
        assertEquals(0, simulator.requests().size());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeBigIntegerIsRejectedWithoutPrintingIt() {
        Exchange out = template.request("direct:add",
                e -> e.getMessage().setBody(Map.of("linkedin_id", BigInteger.TEN.pow(200_000))));

        TamtamInvalidInputException e = assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertTrue(e.getMessage().contains("at most 19 digits"), e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "the message must not print the number");
        assertEquals(0, simulator.requests().size());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeExponentInJsonTextIsRejected() {
        Exchange out = template.request("direct:add", e -> e.getMessage().setBody("[1e100000000, \"2045\"]"));

        assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertEquals(0, simulator.requests().size());
    }

    @Test
    void sixtyMegabyteSingleLineCsvIsReadWithASixtyFourMegabyteHeap() throws Exception {
        long cells = 12_000_000; // "2045," x 12 million = 60 MB on one line
        ForkedJvm.Outcome outcome = ForkedJvm.of(SingleLineInputMain.class)
                .jvmOptions("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .args(String.valueOf(cells))
                .output(Path.of("target", "single-line-input.log"))
                .run(Duration.ofMinutes(5));

        assertFalse(outcome.timedOut(), () -> "the child did not end in time:\n" + outcome.tail());
        assertEquals(0, outcome.exitCode(), outcome::tail);
        List<Map<String, String>> results = outcome.results();
        assertEquals(1, results.size(), outcome::tail);
        assertEquals("2045,1441", results.get(0).get("added"));
        assertEquals("1", results.get(0).get("requests"));
    }
}
