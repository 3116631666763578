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
