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
package io.github.cameltamtam.simulator;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void optionsConfigureTheSimulatorInBothSpellings() {
        try (TamtamSimulator sim = Main.parse("--rate-limit=3", "--latency-ms", "5", "--credits", " 7 ").start()) {
            assertEquals(3, sim.rateLimit());
            assertEquals(Duration.ofMillis(5), sim.latency());
            assertEquals(7, sim.demoAccount().credits());
        }
    }

    @Test
    void withoutOptionsTheDefaultsOfStartApply() {
        try (TamtamSimulator sim = Main.parse().start()) {
            assertEquals(10, sim.rateLimit());
            assertEquals(Duration.ZERO, sim.latency());
            assertEquals(1000, sim.demoAccount().credits());
        }
    }

    @Test
    void helpAsksForTheUsageOnly() {
        assertNull(Main.parse("--rate-limit", "2", "--help"));
        assertNull(Main.parse("-h"));
    }

    @Test
    void badOptionsAreNamed() {
        assertEquals("unknown option --rate", message("--rate", "3"));
        assertEquals("missing value for --port", message("--port"));
        assertEquals("not a number for --credits: many", message("--credits=many"));
        assertEquals("rate limit must be >= 0: -1", message("--rate-limit", "-1"));
        assertEquals("port must be 0..65535: 70000", message("--port", "70000"));
    }

    @Test
    void theBannerGivesTheBaseUrlTheDemoKeyAndTheSettings() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TamtamSimulator sim = Main.parse("--rate-limit", "0").start()) {
            Main.printBanner(sim, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals("TamTam simulator listening on " + sim.baseUrl(), lines.get(0));
            assertTrue(lines.contains("  API key:    " + TamtamSimulator.DEMO_API_KEY), lines.toString());
            assertTrue(lines.contains("  credits:    1000, rate limit: unlimited, latency: 0 ms"), lines.toString());
        }
    }

    @Test
    void theMainClassServesTheApiInAProcessOfItsOwn() throws Exception {
        Process p = java(Main.class.getName(), "--port", "0", "--credits", "12");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertTrue(first != null && first.startsWith("TamTam simulator listening on http://127.0.0.1:"), first);
            URI base = URI.create(first.substring(first.lastIndexOf(' ') + 1));
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(base + "/v2/credits"))
                            .header("Authorization", TamtamSimulator.DEMO_API_KEY).timeout(Duration.ofSeconds(10))
                            .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"remaining_credits\":12"), r.body());
        } finally {
            stop(p);
        }
    }

    @Test
    void aBadOptionEndsTheProcessWithStatus2AndTheUsage() throws Exception {
        Process p = java(TamtamSimulator.class.getName(), "--nonsense", "1"); // the facade's main is the same
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running");
            assertEquals(2, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(err.startsWith("tamtam-simulator: unknown option --nonsense"), err);
            assertTrue(err.contains("usage: java -jar tamtam-simulator.jar"), err);
        } finally {
            stop(p);
        }
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Main.parse(args)).getMessage();
    }

    private static Process java(String mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
