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
package io.github.cameltamtam.examples.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.examples.file.FileExampleApplication.Folders;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.camel.builder.Builder.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example's own {@code application.properties} and {@code routes/csv-to-key-accounts.yaml} with Camel Main,
 * exactly as {@link FileExampleApplication} does, against a simulator and folders under a temporary directory.
 */
class FileExampleRouteTest {

    private static final String ROUTE_ID = "csv-to-key-accounts";
    private static final String KEY_ACCOUNTS = "/v2/key-accounts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TamtamSimulator simulator;
    private Folders folders;
    private Main main;
    private LogCapture exampleLog;
    private LogCapture rootLog;

    @BeforeEach
    void startExample() {
        exampleLog = new LogCapture("io.github.cameltamtam.examples.file", Level.INFO);
        rootLog = new LogCapture(LogManager.ROOT_LOGGER_NAME, Level.WARN);
        simulator = TamtamSimulator.start();
        folders = new Folders(dir.resolve("inbox"), dir.resolve("outbox"), dir.resolve("error"));
        main = FileExampleApplication.newMain(folders);
        FileExampleApplication.useSimulator(main, simulator);
        main.start();
    }

    @AfterEach
    void stopExample() {
        main.stop();
        simulator.close();
        rootLog.close();
        exampleLog.close();
    }

    @Test
    void goodFileGivesResultJsonAndBadFileGoesToErrorWithNothingSent() throws Exception {
        NotifyBuilder good = new NotifyBuilder(main.getCamelContext())
                .fromRoute(ROUTE_ID).filter(header("CamelFileName").isEqualTo("good.csv")).whenCompleted(1).create();
        NotifyBuilder bad = new NotifyBuilder(main.getCamelContext())
                .fromRoute(ROUTE_ID).filter(header("CamelFileName").isEqualTo("bad.csv")).whenFailed(1).create();

        // a header, extra columns, ; as delimiter, a URL, a duplicate
        drop("good.csv", """
                name;company_linkedin_id;country
                Acme;1001;FR
                Beta;https://www.linkedin.com/company/1002/;DE
                "Acme; again";1001;FR
                Gamma;1003;NL
                """);
        // line 3 is not a LinkedIn company ID: the whole file must fail before anything is sent
        drop("bad.csv", """
                company_linkedin_id,owner
                5001,alice
                not-an-id,bob
                5003,carla
                """);

        assertTrue(good.matches(30, TimeUnit.SECONDS), "good.csv was not processed");
        assertTrue(bad.matches(30, TimeUnit.SECONDS), "bad.csv did not fail");

        // the result JSON, with the API's field names
        Path resultFile = folders.outbox().resolve("good.result.json");
        JsonNode result = JSON.readTree(resultFile.toFile());
        assertEquals(List.of("1001", "1002", "1003"), texts(result.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of(), texts(result.get("already_in_key_accounts_linkedin_ids")));
        assertEquals(List.of(), texts(result.get("ignored_company_linkedin_ids")));
        assertFalse(result.get("payment_required").asBoolean());
        assertEquals(1, result.get("request_count").asInt());

        // the CSV files were moved: the good one to .done, the bad one to the error folder, no result for it
        assertTrue(Files.isRegularFile(folders.done().resolve("good.csv")));
        assertTrue(Files.isRegularFile(folders.error().resolve("bad.csv")));
        assertFalse(Files.exists(folders.inbox().resolve("good.csv")));
        assertFalse(Files.exists(folders.inbox().resolve("bad.csv")));
        assertFalse(Files.exists(folders.outbox().resolve("bad.result.json")));

        // exactly one request, for good.csv; nothing at all for bad.csv
        List<RecordedRequest> posts = simulator.requests("POST", KEY_ACCOUNTS);
        assertEquals(1, posts.size(), "requests: " + posts);
        assertEquals(List.of("1001", "1002", "1003"), posts.get(0).companyLinkedinIds());
        assertEquals(3, simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());

        // one INFO line for the good file, one WARN line for the bad one, no stack trace anywhere
        List<String> lines = exampleLog.lines();
        assertEquals(2, lines.size(), "example log: " + lines);
        assertTrue(lines.contains("INFO  good.csv: 3 added, 0 already in Key Accounts, 0 ignored (out of credits) -> "
                + resultFile), "example log: " + lines);
        String warn = lines.stream().filter(l -> l.startsWith("WARN")).findFirst().orElseThrow();
        assertTrue(warn.startsWith("WARN  bad.csv failed, moved to " + folders.error() + ": "), warn);
        // names the value and where it is (the exact line number is the component's business)
        assertTrue(warn.matches(".*'not-an-id' at line 3:.*"), warn);
        assertFalse(warn.contains("\tat "), warn);
        assertEquals(List.of(), rootLog.lines(), "nothing else may be logged at WARN or above");
    }

    @Test
    void fileDroppedAgainIsAlreadyInKeyAccountsAndCostsNothing() throws Exception {
        NotifyBuilder first = new NotifyBuilder(main.getCamelContext())
                .fromRoute(ROUTE_ID).filter(header("CamelFileName").isEqualTo("monday.csv")).whenCompleted(1).create();
        drop("monday.csv", "company_linkedin_id\n2001\n2002\n");
        assertTrue(first.matches(30, TimeUnit.SECONDS), "monday.csv was not processed");
        int creditsAfterFirst = simulator.demoAccount().credits();

        NotifyBuilder second = new NotifyBuilder(main.getCamelContext())
                .fromRoute(ROUTE_ID).filter(header("CamelFileName").isEqualTo("tuesday.csv")).whenCompleted(1).create();
        drop("tuesday.csv", "company_linkedin_id\n2002\n2003\n");
        assertTrue(second.matches(30, TimeUnit.SECONDS), "tuesday.csv was not processed");

        JsonNode result = JSON.readTree(folders.outbox().resolve("tuesday.result.json").toFile());
        assertEquals(List.of("2003"), texts(result.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of("2002"), texts(result.get("already_in_key_accounts_linkedin_ids")));
        assertEquals(creditsAfterFirst - 1, simulator.demoAccount().credits(), "only the new company costs a credit");
        assertTrue(exampleLog.lines().contains("INFO  tuesday.csv: 1 added, 1 already in Key Accounts, 0 ignored "
                + "(out of credits) -> " + folders.outbox().resolve("tuesday.result.json")),
                "example log: " + exampleLog.lines());
    }

    /** Writes a file beside the inbox, then moves it in, as a well-behaved producer of files would. */
    private void drop(String name, String content) throws IOException {
        Files.createDirectories(folders.inbox());
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, folders.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
