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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint counters after a real run, read three ways (JMX, the {@code tamtam} dev console, Micrometer), equal the
 * result's accounting. The route also uses camel-micrometer 4.18.0 (what resolves next to Camel 4.22) on the same
 * registry, guarding that mix.
 */
class EndpointMetricsTest extends TamtamTestSupport {

    private static final String URI = "tamtam:keyAccounts?skipInvalidIds=true&maxConcurrentRequests=1";

    @BindToRegistry("metricsRegistry")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import").to("micrometer:counter:imports").to(URI);
            }
        };
    }

    /**
     * 100 IDs (10 already present) plus 2 invalid values; 50 credits: batch 1 adds 40, batch 2 adds 10 and the API
     * ignores 40. Batch 1 is answered 429 (sent again once the pacer allows: throttled, not a retry), then 503 (a
     * retry), then 200: 4 requests, 1 retry, one 429.
     */
    private KeyAccountsResult run() {
        simulator.demoAccount().setCredits(50);
        List<String> ids = ids(6_000_000, 100);
        ids.subList(0, 10).forEach(id -> simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, id,
                List.of(), 1));
        simulator.faults().enqueue(ADD_PATH, Fault.status(429));
        simulator.faults().enqueue(ADD_PATH, Fault.status(503));
        List<Object> input = new ArrayList<>(ids);
        input.add("x-1");
        input.add("x-2");
        KeyAccountsResult result = template.requestBody("direct:import", input, KeyAccountsResult.class);
        assertEquals(40 + 10, result.getNewlyAddedCompanyLinkedinIds().size());
        assertEquals(10, result.getAlreadyInKeyAccountsLinkedinIds().size());
        assertEquals(40, result.getIgnoredCompanyLinkedinIds().size());
        assertEquals(2, result.getInvalidCompanyLinkedinIds().size());
        assertEquals(4, result.getRequestCount());
        return result;
    }

    @Test
    void jmxAttributesOfTheEndpointEqualTheResultAccounting() throws Exception {
        KeyAccountsResult result = run();

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = server.queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",type=endpoints,*"), null);
        ObjectName endpoint = names.stream().filter(n -> n.getKeyProperty("name").contains("tamtam")).findFirst()
                .orElseThrow(() -> new AssertionError("no tamtam endpoint MBean among " + names));
        assertEquals((long) result.getNewlyAddedCompanyLinkedinIds().size(), server.getAttribute(endpoint, "IdsAdded"));
        assertEquals((long) result.getAlreadyInKeyAccountsLinkedinIds().size(),
                server.getAttribute(endpoint, "IdsAlreadyPresent"));
        assertEquals((long) result.getIgnoredCompanyLinkedinIds().size(), server.getAttribute(endpoint, "IdsIgnored"));
        assertEquals((long) result.getInvalidCompanyLinkedinIds().size(), server.getAttribute(endpoint, "IdsInvalid"));
        assertEquals(0L, server.getAttribute(endpoint, "IdsFailed"));
        assertEquals((long) result.getRequestCount(), server.getAttribute(endpoint, "Requests"));
        assertEquals(1L, server.getAttribute(endpoint, "Retries"));
        assertEquals(1L, server.getAttribute(endpoint, "Throttled"));
        assertEquals(1L, server.getAttribute(endpoint, "PaymentRequired"));
        double rate = (double) server.getAttribute(endpoint, "PacerRate");
        assertTrue(rate > 0 && rate <= 10, "the adaptive pacer's rate, cut by the 429 and climbing back: " + rate);
    }

    @Test
    void devConsoleShowsTheCountersOfEachTamtamEndpoint() {
        KeyAccountsResult result = run();

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("tamtam");
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<?> endpoints = (List<?>) json.get("endpoints");
        assertEquals(1, endpoints.size());
        Map<?, ?> endpoint = (Map<?, ?>) endpoints.get(0);
        assertEquals("tamtam://keyAccounts?maxConcurrentRequests=1&skipInvalidIds=true", endpoint.get("uri"));
        Map<?, ?> metrics = (Map<?, ?>) endpoint.get("metrics");
        assertEquals((long) result.getNewlyAddedCompanyLinkedinIds().size(), metrics.get("tamtam.ids.added"));
        assertEquals((long) result.getAlreadyInKeyAccountsLinkedinIds().size(),
                metrics.get("tamtam.ids.already_present"));
        assertEquals((long) result.getIgnoredCompanyLinkedinIds().size(), metrics.get("tamtam.ids.ignored"));
        assertEquals((long) result.getInvalidCompanyLinkedinIds().size(), metrics.get("tamtam.ids.invalid"));
        assertEquals(0L, metrics.get("tamtam.ids.failed"));
        assertEquals((long) result.getRequestCount(), metrics.get("tamtam.requests"));
        assertEquals(1L, metrics.get("tamtam.retries"));
        assertEquals(1L, metrics.get("tamtam.throttled"));
        assertEquals(1L, metrics.get("tamtam.payment.required"));
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("tamtam.ids.added: 50"), text);
    }

    @Test
    void micrometerMetersEqualTheResultAccountingNextToCamelMicrometer() {
        KeyAccountsResult result = run();

        assertEquals(result.getNewlyAddedCompanyLinkedinIds().size(), idsBy("added"));
        assertEquals(result.getAlreadyInKeyAccountsLinkedinIds().size(), idsBy("already_present"));
        assertEquals(result.getIgnoredCompanyLinkedinIds().size(), idsBy("ignored"));
        assertEquals(result.getInvalidCompanyLinkedinIds().size(), idsBy("invalid"));
        assertEquals(0, idsBy("failed"));
        assertEquals(result.getRequestCount(), count("tamtam.requests"));
        assertEquals(1, count("tamtam.retries"));
        assertEquals(1, count("tamtam.throttled"));
        assertEquals(1, count("tamtam.payment.required"));
        double rate = meters.get("tamtam.pacer.rate").gauge().value();
        assertTrue(rate > 0 && rate <= 10, String.valueOf(rate));
        assertEquals(0.0, meters.get("tamtam.ids.in.flight").gauge().value(), "nothing sending once it completed");
        assertEquals(0.0, meters.get("tamtam.ids.in.flight.done").gauge().value());
        assertEquals("tamtam://keyAccounts?maxConcurrentRequests=1&skipInvalidIds=true",
                meters.get("tamtam.requests").functionCounter().getId().getTag("endpoint"));
        // camel-micrometer 4.18.0 on Camel 4.22, same registry
        assertEquals(1.0, meters.get("imports").counter().count());
    }

    @Test
    void stoppingTheEndpointRemovesItsMeters() throws Exception {
        run();
        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        context.removeEndpoint(context.getEndpoint(URI));

        assertEquals(null, meters.find("tamtam.requests").functionCounter());
    }

    private long idsBy(String outcome) {
        return Math.round(meters.get("tamtam.ids").tag("outcome", outcome).functionCounter().count());
    }

    private long count(String name) {
        return Math.round(meters.get(name).functionCounter().count());
    }
}
