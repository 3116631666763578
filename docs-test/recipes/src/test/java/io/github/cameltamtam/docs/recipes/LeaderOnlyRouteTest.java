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

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scale-out page's leader election as written: with cluster.properties, the route with ClusteredRoutePolicy
 * starts once this replica holds the lock file, and imports the file; a second replica on the same lock root stays
 * passive and reads nothing.
 */
class LeaderOnlyRouteTest {

    @Test
    void onlyTheLeaderConsumesTheSharedInbox() throws Exception {
        Path shared = Path.of("shared");
        RecipeApp.deleteRecursively(shared);
        Files.createDirectories(shared.resolve("inbox"));
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            Main leader = replica(simulator);
            leader.start();
            Main follower = null;
            try {
                RecipeApp.await(Duration.ofSeconds(60), "a leader", () -> leader.getCamelContext()
                        .getRouteController().getRouteStatus(leader.getCamelContext().getRoutes().get(0).getRouteId())
                        .isStarted());
                follower = replica(simulator);
                follower.start();

                Path tmp = Files.writeString(shared.resolve("leads.csv.tmp"), "company_linkedin_id\n1035\n1441\n");
                Files.move(tmp, shared.resolve("inbox/leads.csv"));
                RecipeApp.await(Duration.ofSeconds(30), "leads.csv in .done",
                        () -> Files.exists(shared.resolve("inbox/.done/leads.csv")));

                assertEquals(2, simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());
                String followerRoute = follower.getCamelContext().getRoutes().get(0).getRouteId();
                assertEquals(false, follower.getCamelContext().getRouteController().getRouteStatus(followerRoute)
                        .isStarted(), "the second replica is not the leader");
                assertEquals(1, simulator.requests("POST", "/v2/key-accounts").size());
            } finally {
                if (follower != null) {
                    follower.stop();
                }
                leader.stop();
                RecipeApp.deleteRecursively(shared);
            }
        }
    }

    private static Main replica(TamtamSimulator simulator) {
        Main main = RecipeApp.main(simulator);
        main.setDefaultPropertyPlaceholderLocation("classpath:application.properties,classpath:cluster.properties");
        main.addOverrideProperty("camel.main.routes-include-pattern", "false");
        main.configure().addRoutesBuilder(new LeaderOnlyRoute());
        return main;
    }
}
