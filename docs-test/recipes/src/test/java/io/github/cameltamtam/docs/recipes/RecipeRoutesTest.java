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
package io.github.cameltamtam.docs.recipes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recipes page's YAML routes (result-branching.yaml, one-id-per-message.yaml) with Camel Main. */
class RecipeRoutesTest {

    private static final List<Path> FOLDERS = List.of(Path.of("inbox"), Path.of("results"), Path.of("retry-later"));

    private TamtamSimulator simulator;
    private Main main;

    @BeforeEach
    void start() throws Exception {
        for (Path folder : FOLDERS) {
            RecipeApp.deleteRecursively(folder);
        }
        Files.createDirectories(Path.of("inbox"));
        simulator = TamtamSimulator.start();
        main = RecipeApp.main(simulator);
        main.start();
    }

    @AfterEach
    void stop() throws Exception {
        main.stop();
        simulator.close();
        for (Path folder : FOLDERS) {
            RecipeApp.deleteRecursively(folder);
        }
    }

    @Test
    void fileWithEnoughCreditsGivesTheResultAsJson() throws Exception {
        drop("monday.csv", "company_linkedin_id\n1035\n1441\n");

        Path result = Path.of("results/monday.json");
        RecipeApp.await(Duration.ofSeconds(30), "results/monday.json", () -> Files.isRegularFile(result)
                && Files.exists(Path.of("inbox/.done/monday.csv")));
        String json = Files.readString(result);
        assertTrue(json.contains("\"newly_added_company_linkedin_ids\":[\"1035\",\"1441\"]"), json);
        assertTrue(json.contains("\"payment_required\":false"), json);
        assertFalse(Files.exists(Path.of("retry-later")));
    }

    @Test
    void creditsRunningOutWritesTheIdsNotAddedForLater() throws Exception {
        simulator.demoAccount().setCredits(1);
        drop("tuesday.csv", "company_linkedin_id\n2001\n2002\n2003\n");

        Path later = Path.of("retry-later/tuesday-not-added.csv");
        RecipeApp.await(Duration.ofSeconds(30), later.toString(), () -> Files.isRegularFile(later)
                && Files.exists(Path.of("inbox/.done/tuesday.csv")));
        assertEquals("2002,2003", Files.readString(later).strip());
        assertFalse(Files.exists(Path.of("results/tuesday.json")));
        assertEquals(1, simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());
    }

    @Test
    void oneIdPerMessageIsSentInBatchesOfFifty() throws Exception {
        NotifyBuilder sent = new NotifyBuilder(main.getCamelContext()).wereSentTo("tamtam:keyAccounts").whenDone(3)
                .create();
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        for (int i = 0; i < 120; i++) {
            template.sendBody("direct:company-id", String.valueOf(7_000 + i));
        }

        assertTrue(sent.matches(30, TimeUnit.SECONDS), "three batches");
        List<Integer> sizes = simulator.requests("POST", "/v2/key-accounts").stream()
                .map(RecordedRequest::companyLinkedinIds).map(List::size).toList();
        assertEquals(List.of(50, 50, 20), sizes);
    }

    private static void drop(String name, String content) throws Exception {
        Path tmp = Files.writeString(Path.of("inbox", name + ".tmp"), content);
        Files.move(tmp, Path.of("inbox", name));
    }
}
