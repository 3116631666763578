package io.github.cameltamtam.component.tamtam;

import java.util.Collection;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer health check of each tamtam endpoint, as Camel's health registry (Camel Main, Spring Boot actuator,
 * {@code camel get health}) invokes it: DOWN on a rejected key and on exhausted Key Accounts credits, UP otherwise,
 * asking the API no more often than {@code healthCheckInterval}.
 */
class HealthCheckTest extends TamtamTestSupport {

    private static final String CREDITS_PATH = "/api/v2/credits";
    private static final String GOOD = "producer:tamtam://keyAccounts?healthCheckInterval=1h";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel.health.producers-enabled=true does in Camel Main and Spring Boot
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        assertNotNull(producers, "camel-health provides the producers repository");
        producers.setEnabled(true);
        // camel.health.exposure-level=full: UP checks are listed too when another is DOWN
        HealthCheckRegistry.get(context).setExposureLevel("full");
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to("tamtam:keyAccounts?healthCheckInterval=1h");
            }
        };
    }

    private HealthCheck.Result check(String id) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + results.stream()
                        .map(r -> r.getCheck().getId()).toList()));
    }

    @Test
    void healthCheckIsUpInTheProducersGroupWhenTheKeyIsAcceptedAndCreditsRemain() {
        HealthCheck.Result result = check(GOOD);

        assertEquals(HealthCheck.State.UP, result.getState());
        assertEquals("1000 MaxKeyAccountsUnlocked credits left", result.getMessage().orElseThrow());
        assertEquals(1000, result.getDetails().get("remaining_credits"));
        assertFalse(result.getCheck().isLiveness(), "readiness only: a restart fixes neither a key nor credits");
    }

    @Test
    void healthCheckIsDownWhenTheApiRejectsTheKey() throws Exception {
        context.getEndpoint("tamtam:keyAccounts?apiKey=revoked-key-42").start();

        HealthCheck.Result result = check("producer:tamtam://keyAccounts?apiKey=xxxxxx");

        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains("rejected the API key (401)"), message);
        assertFalse(message.contains("revoked-key-42"));
        assertEquals(401, result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        assertEquals(HealthCheck.State.UP, check(GOOD).getState(), "the demo key's endpoint stays up");
    }

    @Test
    void healthCheckIsDownWhenKeyAccountsCreditsAreExhausted() throws Exception {
        simulator.demoAccount().setCredits(0);

        HealthCheck.Result result = check(GOOD);

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElseThrow().contains("credits are exhausted (0 of 0 left)"),
                result.getMessage().orElseThrow());
    }

    @Test
    void healthCheckAsksTheApiNoMoreOftenThanItsInterval() {
        assertEquals(HealthCheck.State.UP, check(GOOD).getState());
        simulator.demoAccount().setCredits(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(HealthCheck.State.UP, check(GOOD).getState(), "the last answer, within the interval");
        }
        assertEquals(1, simulator.requests("GET", CREDITS_PATH).stream()
                .filter(r -> TamtamSimulator.DEMO_API_KEY.equals(r.header("Authorization"))).count());
    }
}
