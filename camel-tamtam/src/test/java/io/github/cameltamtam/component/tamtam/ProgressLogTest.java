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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.keyaccounts.ImportProgressLog;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.util.json.JsonObject;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress line through real routes: an import slowed by the simulator's latency logs INFO lines while it runs
 * longer than {@code progressInterval}; a short one, or one with the line turned off, logs none; the key is never in
 * a line. The interval arithmetic itself is tested on a moved clock in {@code ImportProgressLogTest}.
 */
class ProgressLogTest extends TamtamTestSupport {

    private static final String LOGGER = ImportProgressLog.class.getName();

    @Override
    protected TamtamSimulator startSimulator() {
        // 4 batches of 5 IDs, one at a time, each answered after 200 ms: about 0.8 s for the import
        return TamtamSimulator.builder().latency(Duration.ofMillis(200)).start();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutes()
                .route("direct:slow", "tamtam:keyAccounts?batchSize=5&maxConcurrentRequests=1&progressInterval=150ms")
                .route("direct:off", "tamtam:keyAccounts?batchSize=5&maxConcurrentRequests=1&progressInterval=0")
                .route("direct:short", "tamtam:keyAccounts?progressInterval=10s");
    }

    @Test
    void aSlowImportLogsItsProgressEveryInterval() {
        List<LogCapture.Captured> lines;
        Exchange out;
        try (LogCapture capture = LogCapture.start(Level.INFO, LOGGER)) {
            out = template.request("direct:slow", e -> {
                e.getMessage().setHeader(Exchange.FILE_NAME, "companies.csv");
                e.getMessage().setBody(ResultInvariants.ids(2_000_000, 20));
            });
            lines = capture.events().stream().filter(e -> e.logger().equals(LOGGER)).toList();
        }

        assertNull(out.getException());
        assertEquals(20, receivedIds().size());
        assertTrue(lines.size() >= 2, () -> "progress lines: " + lines);
        for (LogCapture.Captured line : lines) {
            assertEquals(Level.INFO, line.level());
            assertTrue(
                    line.message().matches(
                            "companies\\.csv: \\d+ of 20 IDs sent \\(\\d+ %\\), \\d+ IDs/s(, about \\d+ s left)?"),
                    line.message());
            assertFalse(line.text().contains(TamtamSimulator.DEMO_API_KEY), line.text());
        }
    }

    @Test
    void theDevConsoleAndTheMetricsShowTheImportWhileItRuns() throws Exception {
        TamtamEndpoint endpoint = context.getEndpoint(
                "tamtam:keyAccounts?batchSize=5&maxConcurrentRequests=1&progressInterval=0", TamtamEndpoint.class);
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("tamtam");

        CompletableFuture<Exchange> running = template.asyncSend("direct:off", e -> {
            e.getMessage().setHeader(Exchange.FILE_NAME, "accounts.csv");
            e.getMessage().setBody(ResultInvariants.ids(2_000_000, 20));
        });
        Await.until("the first batch answered", () -> endpoint.getIdsInFlightDone() >= 5, Duration.ofSeconds(10),
                () -> endpoint.getMetrics().toString());

        assertEquals(20, endpoint.getIdsInFlight(), "JMX and metrics: the import's IDs");
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        Map<?, ?> tamtam = ((List<?>) json.get("endpoints")).stream().map(Map.class::cast)
                .filter(e -> String.valueOf(e.get("uri")).contains("progressInterval=0")).findFirst().orElseThrow();
        Map<?, ?> sending = (Map<?, ?>) ((List<?>) tamtam.get("sending")).get(0);
        assertEquals("accounts.csv", sending.get("name"));
        assertEquals(20, sending.get("ids"));
        assertTrue((int) sending.get("sent") >= 5 && (int) sending.get("sent") < 20, sending.toString());
        assertTrue(((String) console.call(DevConsole.MediaType.TEXT)).contains("sending accounts.csv: "));

        assertNull(running.get(10, TimeUnit.SECONDS).getException());
        assertEquals(0, endpoint.getIdsInFlight(), "nothing in flight once it completed");
        assertEquals(List.of(), ((Map<?, ?>) ((List<?>) ((JsonObject) console.call(DevConsole.MediaType.JSON))
                .get("endpoints")).stream().map(Map.class::cast)
                .filter(e -> String.valueOf(e.get("uri")).contains("progressInterval=0")).findFirst().orElseThrow())
                .get("sending"));
    }

    @Test
    void aShortImportLogsNothing() {
        try (LogCapture capture = LogCapture.start(Level.INFO, LOGGER)) {
            Exchange out = requestTo("direct:short", List.of("2045", "1035"));

            assertReceived(out, List.of("2045", "1035"));
            assertEquals(List.of(), capture.events().stream().filter(e -> e.logger().equals(LOGGER)).toList());
        }
    }

    @Test
    void anIntervalOfZeroTurnsTheLineOff() {
        try (LogCapture capture = LogCapture.start(Level.INFO, LOGGER)) {
            Exchange out = requestTo("direct:off", ResultInvariants.ids(2_000_000, 20));

            assertNull(out.getException());
            assertEquals(List.of(), capture.events().stream().filter(e -> e.logger().equals(LOGGER)).toList());
        }
    }
}
