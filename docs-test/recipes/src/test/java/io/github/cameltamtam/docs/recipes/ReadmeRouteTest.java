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

import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's Java route: a CSV in inbox/ is added with the route's tags and tier, and moved to .done. */
class ReadmeRouteTest {

    @Test
    void csvInTheInboxIsAddedWithTagsAndTier() throws Exception {
        Path inbox = Path.of("inbox");
        RecipeApp.deleteRecursively(inbox);
        Files.createDirectories(inbox);
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            Main main = RecipeApp.main(simulator);
            main.addOverrideProperty("camel.main.routes-include-pattern", "false");
            main.configure().addRoutesBuilder(new ReadmeRoute());
            main.start();
            try {
                Path tmp = Files.writeString(inbox.resolve("leads.csv.tmp"), "company_linkedin_id\n1035\n1441\n");
                Files.move(tmp, inbox.resolve("leads.csv"));
                RecipeApp.await(Duration.ofSeconds(30), "leads.csv in .done",
                        () -> Files.exists(inbox.resolve(".done/leads.csv")));

                KeyAccount added = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("1035");
                assertEquals(List.of("imported"), added.tags());
                assertEquals(2, added.tierLevel());
                assertEquals(2, simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());
            } finally {
                main.stop();
                RecipeApp.deleteRecursively(inbox);
            }
        }
    }
}
