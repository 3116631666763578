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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.simulator.TestClient.EMAIL;
import static io.github.cameltamtam.simulator.TestClient.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerTest {

    private TamtamSimulator sim;
    private TestClient client;

    @BeforeEach
    void start() {
        sim = TamtamSimulator.builder().rateLimit(0).start();
        client = new TestClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void baseUrlIsLoopbackWithoutTrailingSlash() {
        assertEquals("http://127.0.0.1:" + sim.port() + "/api", sim.baseUrl().toString());
        assertTrue(sim.port() > 0);
    }

    @Test
    void twentySequentialRequestsReuseOneKeptAliveConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = i % 2 == 0 ? client.get("/v2/credits", KEY) : client.add(String.valueOf(i));
            assertEquals(200, r.statusCode());
        }
        Set<Long> connections = sim.requests().stream().map(RecordedRequest::connectionId).collect(Collectors.toSet());
        assertEquals(20, sim.requests().size());
        assertEquals(1, connections.size(), "connections used: " + connections);
    }

    @Test
    void http11ClientAlsoKeepsAlive() throws Exception {
        TestClient http11 = new TestClient(sim, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, http11.get("/v2/credits", KEY).statusCode());
        }
        assertEquals(1, sim.requests().stream().map(RecordedRequest::connectionId).distinct().count());
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        sim.setLatency(Duration.ofMillis(250));
        assertEquals(Duration.ofMillis(250), sim.latency());
        long t0 = System.nanoTime();
        assertEquals(200, client.get("/v2/credits", KEY).statusCode());
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(elapsedMs >= 250, "took " + elapsedMs + " ms");

        // latency is per request, not serialised: 8 concurrent requests take about one latency
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        long t1 = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            futures.add(client.postAsync("/v2/key-accounts", KEY, TestClient.addBody(EMAIL, String.valueOf(i))));
        }
        futures.forEach(f -> assertEquals(200, f.join().statusCode()));
        long concurrentMs = (System.nanoTime() - t1) / 1_000_000;
        assertTrue(concurrentMs < 8 * 250, "took " + concurrentMs + " ms");
    }

    @Test
    void handlesConcurrentLoad() throws Exception {
        int total = 1200;
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            inFlight.acquire();
            CompletableFuture<HttpResponse<String>> f = client.postAsync("/v2/key-accounts", KEY,
                    TestClient.addBody(EMAIL, String.valueOf(i)));
            futures.add(f.whenComplete((r, e) -> inFlight.release()));
        }
        for (CompletableFuture<HttpResponse<String>> f : futures) {
            assertEquals(200, f.join().statusCode());
        }
        assertEquals(total, sim.stats().total());
        assertEquals(total, sim.stats().byStatus(200));
        sim.demoAccount().setCredits(0);
        assertEquals(1000, sim.demoAccount().usedCredits());
    }

    @Test
    void pipelinedChunkedAndUpgradeRequestsOnARawSocket() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            s.setSoTimeout(5000);
            String body = TestClient.addBody(EMAIL, "5");
            String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
            String requests = "GET /api/v2/credits HTTP/1.1\r\nHost: x\r\nAuthorization: " + KEY
                    + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQBAAAAAAIAAAAA\r\n\r\n"
                    + "POST /api/v2/key-accounts?x=1 HTTP/1.1\r\nHost: x\r\nAuthorization: " + KEY
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked
                    + "GET /api/v2/key-accounts HTTP/1.1\r\nHost: x\r\nAuthorization: " + KEY
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
            assertEquals(3, all.split("HTTP/1.1 200 OK", -1).length - 1, all);
            assertFalse(all.contains("101"), all);
            assertTrue(all.contains("\"newly_added_company_linkedin_ids\":[\"5\"]"), all);
            assertTrue(all.contains("Connection: close"), all);
        }
        assertEquals(List.of("5"), sim.requests("POST", "/v2/key-accounts").get(0).companyLinkedinIds());
    }

    @Test
    void resetIsARealTcpReset() throws Exception {
        sim.faults().enqueue(Fault.reset());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET /api/v2/credits HTTP/1.1\r\nHost: x\r\nAuthorization: " + KEY
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            SocketException e = assertThrows(SocketException.class, () -> readAll(s.getInputStream()));
            assertTrue(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset"), e.toString());
        }
    }

    @Test
    void garbageIsAnsweredWith400() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        }
    }

    @Test
    void closeFreesThePortAndTheThreads() throws Exception {
        TamtamSimulator other = TamtamSimulator.start();
        int port = other.port();
        TestClient c = new TestClient(other);
        assertEquals(200, c.get("/v2/credits", KEY).statusCode()); // leaves a kept-alive connection open
        other.close();
        other.close(); // idempotent
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        try (ServerSocket reuse = new ServerSocket()) {
            reuse.setReuseAddress(true);
            reuse.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        String prefix = "tamtam-simulator-" + port + "-";
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith(prefix)).collect(Collectors.toList());
        assertEquals(List.of(), left);
        assertThrows(IOException.class, () -> c.get("/v2/credits", KEY));
    }

    @Test
    void fixedPortCanBeChosen() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (TamtamSimulator fixed = TamtamSimulator.builder().port(port).demoAccount(false).start()) {
            assertEquals(port, fixed.port());
            assertThrows(IllegalArgumentException.class, fixed::demoAccount);
            assertEquals(401, new TestClient(fixed).get("/v2/credits", KEY).statusCode());
        }
    }

    @Test
    void serverHandsEveryParsedRequestToItsHandlerWithTheConnectionNumber() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Server.Handler echo = (connectionId, request) -> {
            seen.add(connectionId + " " + request.method() + " " + request.path());
            return new Http.Response(200, "text/plain", request.path().getBytes(StandardCharsets.UTF_8), Map.of());
        };
        try (Server server = new Server(null, 0, 1, echo)) {
            for (int connection = 1; connection <= 2; connection++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    s.setSoTimeout(5000);
                    s.getOutputStream().write(("GET /any/path HTTP/1.1\r\nHost: x\r\n\r\n"
                            + "DELETE /other HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    String all = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
                    assertTrue(all.contains("\r\n\r\n/any/path") && all.endsWith("\r\n\r\n/other"), all);
                }
            }
            assertEquals(List.of("1 GET /any/path", "1 DELETE /other", "2 GET /any/path", "2 DELETE /other"), seen);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
