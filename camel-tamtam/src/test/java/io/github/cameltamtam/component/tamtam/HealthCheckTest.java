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
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
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
 * {@code camel get health}) invokes it: DOWN on a rejected key, exhausted Key Accounts credits shown but DOWN only with
 * {@code healthCheckDownOnNoCredits}, UP otherwise, asking the API no more often than {@code healthCheckInterval} and
 * never waiting longer than {@code healthCheckTimeout}.
 */
class HealthCheckTest extends TamtamTestSupport {

    private static final String GOOD = "producer:tamtam://keyAccounts?healthCheckInterval=1h";
    private static final String OTHER_KEY = "key-of-a-slow-account";

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
        return directRoutesWithCamelDefaults()
                .route("direct:good", "tamtam:keyAccounts?healthCheckInterval=1h");
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
    void exhaustedCreditsStayUpByDefaultAndShowInTheDetailsTheMetricAndTheDevConsole() {
        simulator.demoAccount().setCredits(0);

        HealthCheck.Result result = check(GOOD);

        assertEquals(HealthCheck.State.UP, result.getState(), "a readiness probe keeps the replica in service");
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains("credits are exhausted (0 of 0 left)"), message);
        assertTrue(message.contains("not counted as down (healthCheckDownOnNoCredits=false)"), message);
        assertEquals(true, result.getDetails().get("credits_exhausted"));
        assertEquals(0, result.getDetails().get("remaining_credits"));
        TamtamEndpoint endpoint =
                context.getEndpoint("tamtam:keyAccounts?healthCheckInterval=1h", TamtamEndpoint.class);
        assertEquals(0, endpoint.getCreditsRemaining(), "the JMX attribute / tamtam.credits.remaining");
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("tamtam");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("tamtam.credits.remaining: 0"), text);
    }

    @Test
    void exhaustedCreditsAreDownWithHealthCheckDownOnNoCredits() throws Exception {
        simulator.demoAccount().setCredits(0);
        context.getEndpoint("tamtam:keyAccounts?healthCheckDownOnNoCredits=true").start();

        HealthCheck.Result result = check("producer:tamtam://keyAccounts?healthCheckDownOnNoCredits=true");

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElseThrow().contains("credits are exhausted (0 of 0 left)"),
                result.getMessage().orElseThrow());
        assertEquals(true, result.getDetails().get("credits_exhausted"));
    }

    @Test
    void aHealthCheckCallWaitsNoLongerThanHealthCheckTimeoutNotTheRequestTimeout() throws Exception {
        simulator.faults().enqueue(CREDITS_PATH, Fault.delay(Duration.ofSeconds(10)));
        String uri = "tamtam:keyAccounts?healthCheckTimeout=300ms&requestTimeout=30s&apiKey=" + OTHER_KEY;
        simulator.createAccount(OTHER_KEY, 10, TamtamSimulator.DEMO_USER_EMAIL);
        context.getEndpoint(uri).start();

        // this check alone: the others would take the delayed answer
        HealthCheck slow = HealthCheckHelper.getHealthCheckRepository(context, "producers").stream()
                .filter(c -> c.getId().equals("producer:tamtam://keyAccounts?apiKey=xxxxxx&healthCheckTimeout=300ms"
                        + "&requestTimeout=30s"))
                .findFirst().orElseThrow();
        long started = System.nanoTime();
        HealthCheck.Result result = slow.call();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(millis < 5_000, "the probe waited " + millis + " ms");
        assertEquals(HealthCheck.State.UP, result.getState());
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains("did not answer the credits check within 300 ms"), message);
    }

    @Test
    void healthCheckAsksTheApiNoMoreOftenThanItsInterval() {
        assertEquals("1000 MaxKeyAccountsUnlocked credits left", check(GOOD).getMessage().orElseThrow());
        simulator.demoAccount().setCredits(5);
        for (int i = 0; i < 5; i++) {
            assertEquals("1000 MaxKeyAccountsUnlocked credits left", check(GOOD).getMessage().orElseThrow(),
                    "the last answer, within the interval");
        }
        assertEquals(1, simulator.requests("GET", CREDITS_PATH).stream()
                .filter(r -> TamtamSimulator.DEMO_API_KEY.equals(r.header("Authorization"))).count());
    }
}
