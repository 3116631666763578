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
package io.github.cameltamtam.kamelets;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both Kamelets behind {@code platform-http} (Vert.x) routes, called over HTTP on loopback by an outside caller who
 * sends the headers {@code user-email}, {@code tags}, {@code tier-level} (plain, CloudEvents and {@code CamelTamtam*}
 * forms) or a JSON request object naming another user: what the simulator received with {@code allowHeaderOverrides}
 * off (the default: the Kamelet properties) and on (the caller's choice), and what the caller got back (never a header
 * listing IDs).
 */
class KameletsBehindHttpRouteTest extends KameletTestSupport {

    static final String BOSS = "boss@example.com";
    static final ObjectMapper JSON = new ObjectMapper();
    /** What a hostile caller sends to choose the user, tags and tier. */
    static final Map<String, String> INJECTED_HEADERS = Map.of(
            "user-email", BOSS, "tags", "evil,injected", "tier-level", "3",
            "ce-useremail", BOSS, "ce-tags", "evil", "ce-tierlevel", "3",
            "CamelTamtamUserEmail", BOSS, "CamelTamtamTags", "evil", "CamelTamtamTierLevel", "3");

    private int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    protected String routes() {
        return "routes/http-routes.yaml";
    }

    @Override
    protected void addServices(CamelContext context) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(configuration));
        simulator.demoAccount().addUser(BOSS);
    }

    @Test
    void sinkIgnoresTheCallersUserTagsAndTierByDefault() throws Exception {
        HttpResponse<String> response = post("/sink", "2045\n1441\n", "text/plain", INJECTED_HEADERS);

        assertEquals(200, response.statusCode(), response::body);
        assertSent(TamtamSimulator.DEMO_USER_EMAIL, List.of("web"), 2, List.of("2045", "1441"));
        assertTrue(simulator.demoAccount().keyAccounts(BOSS).isEmpty(), "the caller chose the user");
        assertNoIdsGoBack(response, "2045", "1441");
        // the sink's answer: the result as text, counts only
        assertTrue(response.body().contains("added=2"), response::body);
    }

    @Test
    void sinkAppliesTheCallersHeadersWhenAllowHeaderOverridesIsOn() throws Exception {
        HttpResponse<String> response = post("/sink-trusting-headers", "2045\n1441\n", "text/plain", INJECTED_HEADERS);

        assertEquals(200, response.statusCode(), response::body);
        // plain headers win over ce- ones; CamelTamtam* never pass the HTTP boundary, so they are not what chose
        assertSent(BOSS, List.of("evil", "injected"), 3, List.of("2045", "1441"));
        assertTrue(simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).isEmpty());
        assertNoIdsGoBack(response, "2045", "1441");
    }

    @Test
    void sinkReadsOnlyTheIdsOfAJsonRequestObjectByDefault() throws Exception {
        String json = "{\"company_linkedin_ids\": [\"2045\"], \"user_email\": \"" + BOSS
                + "\", \"tags\": [\"evil\"], \"tier_level\": 3}";

        HttpResponse<String> response = post("/sink", json, "application/json", Map.of());

        assertEquals(200, response.statusCode(), response::body);
        assertSent(TamtamSimulator.DEMO_USER_EMAIL, List.of("web"), 2, List.of("2045"));
        assertNoIdsGoBack(response, "2045");
    }

    @Test
    void sinkTakesTheJsonRequestObjectsFieldsWhenAllowHeaderOverridesIsOn() throws Exception {
        String json = "{\"company_linkedin_ids\": [\"2045\"], \"user_email\": \"" + BOSS
                + "\", \"tags\": [\"from-json\"], \"tier_level\": 3}";

        HttpResponse<String> response = post("/sink-trusting-headers", json, "application/json", Map.of());

        assertEquals(200, response.statusCode(), response::body);
        assertSent(BOSS, List.of("from-json"), 3, List.of("2045"));
    }

    @Test
    void actionIgnoresTheCallersHeadersAndAnswersWithTheJsonResultOnly() throws Exception {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "1441", List.of(), 1);

        HttpResponse<String> response = post("/action", "2045\n1441\n", "text/plain", INJECTED_HEADERS);

        assertEquals(200, response.statusCode(), response::body);
        assertSent(TamtamSimulator.DEMO_USER_EMAIL, List.of("web"), 2, List.of("2045", "1441"));
        assertTrue(simulator.demoAccount().keyAccounts(BOSS).isEmpty(), "the caller chose the user");
        // the IDs are the action's answer: in the JSON body, not in response headers
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode result = JSON.readTree(response.body());
        assertEquals("[\"2045\"]", result.get("newly_added_company_linkedin_ids").toString());
        assertEquals("[\"1441\"]", result.get("already_in_key_accounts_linkedin_ids").toString());
        assertEquals(2, result.get("tier_level").asInt());
        assertNoIdHeaders(response, "2045", "1441");
    }

    @Test
    void actionAppliesTheCallersHeadersWhenAllowHeaderOverridesIsOn() throws Exception {
        HttpResponse<String> response = post("/action-trusting-headers", "2045", "text/plain", INJECTED_HEADERS);

        assertEquals(200, response.statusCode(), response::body);
        assertSent(BOSS, List.of("evil", "injected"), 3, List.of("2045"));
        JsonNode result = JSON.readTree(response.body());
        assertEquals("[\"evil\",\"injected\"]", result.get("tags").toString());
        assertNoIdHeaders(response, "2045");
    }

    private HttpResponse<String> post(String path, String body, String contentType, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The one add request the simulator received: its user, tags, tier and IDs as sent. */
    private void assertSent(String user, List<String> tags, int tier, List<String> ids) throws IOException {
        List<RecordedRequest> requests = simulator.requests("POST", "/api/v2/key-accounts");
        assertEquals(1, requests.size(), () -> "add requests: " + requests);
        JsonNode sent = JSON.readTree(requests.get(0).body());
        assertEquals(user, sent.get("user_email").asText(), sent::toString);
        assertEquals(tags, JSON.convertValue(sent.get("tags"), List.class), sent::toString);
        assertEquals(tier, sent.get("tier_level").asInt(), sent::toString);
        assertEquals(ids, requests.get(0).companyLinkedinIds());
    }

    /** Neither a header nor the body of the sink's answer names an ID. */
    private static void assertNoIdsGoBack(HttpResponse<String> response, String... ids) {
        assertNoIdHeaders(response, ids);
        for (String id : ids) {
            assertFalse(response.body().contains(id), () -> "the answer names ID " + id + ": " + response.body());
        }
    }

    private static void assertNoIdHeaders(HttpResponse<String> response, String... ids) {
        response.headers().map().forEach((name, values) -> {
            assertFalse(name.toLowerCase(Locale.ROOT).endsWith("linkedinids"), () -> "ID list header " + name);
            for (String id : ids) {
                assertFalse(values.toString().contains(id), () -> "header " + name + " names ID " + id + ": " + values);
            }
        });
    }
}
