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
package io.github.cameltamtam.docs.main;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Camel Main page as written: its dependencies (this module's), its {@code application.properties}, its YAML route
 * and its main class, with the environment the page asks for given as override properties, against the simulator.
 * The operations page's observability additions are run the same way.
 */
class CamelMainPageTest {

    private static final Path INBOX = Path.of("inbox");

    private TamtamSimulator simulator;
    private ConsoleCapture console;
    private Main main;

    @BeforeEach
    void start() throws IOException {
        deleteRecursively(INBOX);
        Files.createDirectories(INBOX);
        simulator = TamtamSimulator.start();
        console = new ConsoleCapture();
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (main != null) {
                main.stop();
            }
        } finally {
            console.close();
            simulator.close();
            deleteRecursively(INBOX);
        }
    }

    @Test
    void csvDroppedInTheInboxIsAddedAndTheSummaryLineIsLogged() throws Exception {
        main = newMain("classpath:application.properties");
        main.start();
        NotifyBuilder done = new NotifyBuilder(main.getCamelContext()).whenCompleted(1).create();

        Files.writeString(INBOX.resolve("companies.csv.tmp"), "company_linkedin_id\n1035\n1441\n");
        Files.move(INBOX.resolve("companies.csv.tmp"), INBOX.resolve("companies.csv"));

        assertTrue(done.matches(30, TimeUnit.SECONDS), "companies.csv was not processed:\n" + console.text());
        assertEquals(List.of("1035", "1441"), simulator.requests("POST", "/v2/key-accounts").get(0)
                .companyLinkedinIds());
        assertTrue(console.text().contains("companies.csv: 2 added, 0 already there, 0 ignored (no credits)"),
                "the summary line, at INFO, through the page's logging backend:\n" + console.text());
        assertTrue(Files.isRegularFile(INBOX.resolve(".done/companies.csv")));
    }

    @Test
    void observabilityPropertiesServeTheTamtamHealthCheckAndConsole() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        main = newMain("classpath:application.properties,classpath:observability.properties");
        main.addOverrideProperty("camel.management.port", String.valueOf(port));
        main.start();

        HttpClient http = HttpClient.newHttpClient();
        // the whole answer may still be DOWN while the file consumer has not polled yet: read the tamtam check
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/observe/health?exposureLevel=full")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(health.body().matches("(?s).*\\{\"name\":\"producer:tamtam:[^}]*\"status\":\"UP\".*"),
                "the tamtam producer check, UP: " + health.body());
        String console = get(http, port, "/q/dev/tamtam");
        assertTrue(console.contains("keyAccounts"), "the tamtam dev console: " + console);
        assertTrue(!console.contains(TamtamSimulator.DEMO_API_KEY), "the key never shows: " + console);
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    /** The page's application with TAMTAM_API_KEY, TAMTAM_USER_EMAIL and TAMTAM_BASE_URL pointing at the simulator. */
    private Main newMain(String locations) {
        Main m = new Main(KeyAccountsApplication.class);
        m.setDefaultPropertyPlaceholderLocation(locations);
        m.addOverrideProperty("camel.component.tamtam.api-key", TamtamSimulator.DEMO_API_KEY);
        m.addOverrideProperty("camel.component.tamtam.user-email", TamtamSimulator.DEMO_USER_EMAIL);
        m.addOverrideProperty("camel.component.tamtam.base-url", simulator.baseUrl().toString());
        return m;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
