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

import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.TamtamConstants;
import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code tamtam-key-accounts-action} Kamelet, used from YAML DSL routes, against the simulator. */
class TamtamKeyAccountsActionKameletTest extends KameletTestSupport {

    // URI characters RAW(...) carries; a ")" would be refused: Camel cannot mask such a key in the URIs it shows
    static final String OTHER_KEY = "s3cr+t/K3y==&a=[b]%2F c";
    static final String OTHER_USER = "ops@example.com";
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected String routes() {
        return "routes/action-routes.yaml";
    }

    @Override
    protected void properties(Properties properties) {
        properties.setProperty("tamtam.other-api-key", OTHER_KEY);
        properties.setProperty("tamtam.other-user-email", OTHER_USER);
    }

    @Test
    void returnsThePerIdResultAsJson() throws Exception {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "2", List.of(), 1);

        Exchange out = send("direct:action", List.of("1", "2", "3"), Map.of("tags", "abm", "tier-level", "2"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertTrue(String.valueOf(out.getMessage().getHeader("Content-Type")).startsWith("application/json"),
                () -> "Content-Type: " + out.getMessage().getHeader("Content-Type"));
        String body = out.getMessage().getBody(String.class);
        JsonNode result = JSON.readTree(body);
        assertEquals(List.of("1", "3"), strings(result.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of("2"), strings(result.get("already_in_key_accounts_linkedin_ids")));
        assertEquals(List.of(), strings(result.get("ignored_company_linkedin_ids")));
        assertFalse(result.get("payment_required").asBoolean());
        assertEquals(List.of("abm"), strings(result.get("tags")));
        assertEquals(2, result.get("tier_level").asInt());
        assertEquals(1, result.get("request_count").asInt());
        // flags and counts as headers; the ID lists only in the body
        assertEquals(1, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertEquals(false, out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
        assertEquals(List.of(),
                out.getMessage().getHeaders().keySet().stream().filter(h -> h.endsWith("LinkedinIds")).toList());
        assertEquals(List.of("1", "2", "3"),
                simulator.requests("POST", "/api/v2/key-accounts").get(0).companyLinkedinIds());
    }

    @Test
    void cloudEventsHeadersAndJsonInput() throws Exception {
        simulator.demoAccount().addUser("sales@example.com");

        Exchange out = send("direct:action", "[\"11\", \"12\"]", Map.of("Content-Type", "application/json",
                "ce-tags", "event-a,event-b", "ce-tierlevel", "3", "ce-useremail", "sales@example.com"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        JsonNode result = JSON.readTree(out.getMessage().getBody(String.class));
        assertEquals(List.of("11", "12"), strings(result.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of("event-a", "event-b"), strings(result.get("tags")));
        assertEquals(3, result.get("tier_level").asInt());
        KeyAccount added = simulator.demoAccount().keyAccounts("sales@example.com").get("12");
        assertEquals(List.of("event-a", "event-b"), added.tags());
    }

    @Test
    void runningOutOfCreditsIsReportedInTheJsonNotThrown() throws Exception {
        simulator.createAccount(OTHER_KEY, 2, OTHER_USER);

        Exchange out = send("direct:action-other-account", List.of("21", "22", "23", "oops"), Map.of());

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        JsonNode result = JSON.readTree(out.getMessage().getBody(String.class));
        assertTrue(result.get("payment_required").asBoolean());
        assertEquals(List.of("21", "22"), strings(result.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of("23"), strings(result.get("ignored_company_linkedin_ids")));
        // skipInvalidIds=true on this route: the bad value is reported, not fatal
        assertEquals("oops", result.get("invalid_company_linkedin_ids").get(0).get("value").asText());
        assertEquals(OTHER_KEY, simulator.requests("POST", "/api/v2/key-accounts").get(0).header("Authorization"));
    }

    @Test
    void headersAndRequestObjectFieldsAreIgnoredWithoutAllowHeaderOverrides() throws Exception {
        simulator.createAccount(OTHER_KEY, 10, OTHER_USER, "intruder@example.com");
        String json =
                "{\"company_linkedin_ids\": [\"31\"], \"user_email\": \"intruder@example.com\", \"tags\": [\"x\"]}";

        Exchange out = send("direct:action-other-account", json, Map.of("Content-Type", "application/json",
                "user-email", "intruder@example.com", "tags", "evil", "tier-level", "3"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        JsonNode sent = JSON.readTree(simulator.requests("POST", "/api/v2/key-accounts").get(0).body());
        assertEquals(OTHER_USER, sent.get("user_email").asText());
        assertFalse(sent.has("tags"), sent::toString);
        assertFalse(sent.has("tier_level"), sent::toString);
        assertEquals(List.of("31"), strings(JSON.readTree(out.getMessage().getBody(String.class))
                .get("newly_added_company_linkedin_ids")));
    }

    private static List<String> strings(JsonNode array) {
        return array == null ? null
                : JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
