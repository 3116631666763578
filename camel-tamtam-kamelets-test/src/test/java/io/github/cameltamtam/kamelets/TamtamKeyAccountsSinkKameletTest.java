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

import io.github.cameltamtam.component.tamtam.TamtamConstants;
import io.github.cameltamtam.component.tamtam.TamtamEndpoint;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import io.github.cameltamtam.component.tamtam.TamtamPaymentRequiredException;
import io.github.cameltamtam.simulator.Account;
import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code tamtam-key-accounts-sink} Kamelet, used from YAML DSL routes, against the simulator. */
class TamtamKeyAccountsSinkKameletTest extends KameletTestSupport {

    // URI characters RAW(...) carries; a ")" would be refused: Camel cannot mask such a key in the URIs it shows
    static final String OTHER_KEY = "k+y/AB==&x=[1]%20 z";
    static final String OTHER_USER = "ops@example.com";

    @Override
    protected String routes() {
        return "routes/sink-routes.yaml";
    }

    @Override
    protected void properties(Properties properties) {
        // the way a user keeps the key out of the route: a Kamelet property (in an app: {{env:TAMTAM_API_KEY}})
        properties.setProperty("camel.kamelet.tamtam-key-accounts-sink.apiKey", TamtamSimulator.DEMO_API_KEY);
        properties.setProperty("tamtam.other-api-key", OTHER_KEY);
        properties.setProperty("tamtam.other-user-email", OTHER_USER);
    }

    @Test
    void idsReachTheApiWithTagsAndTierFromPlainHeaders() {
        Exchange out =
                send("direct:sink", List.of("1035", "2382910"), Map.of("tags", "prospect, q3", "tier-level", "2"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        List<RecordedRequest> requests = simulator.requests("POST", "/api/v2/key-accounts");
        assertEquals(1, requests.size());
        assertEquals(List.of("1035", "2382910"), requests.get(0).companyLinkedinIds());
        assertEquals(TamtamSimulator.DEMO_API_KEY, requests.get(0).header("Authorization"));
        Map<String, KeyAccount> accounts = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL);
        assertEquals(List.of("prospect", "q3"), accounts.get("1035").tags());
        assertEquals(2, accounts.get("2382910").tierLevel());
        // what the sink leaves: counts, no ID lists
        assertTrue(out.getMessage().getBody(String.class).startsWith("KeyAccountsResult[added=2, already=0,"),
                () -> out.getMessage().getBody(String.class));
        assertEquals(1, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertNull(out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
    }

    @Test
    void cloudEventsHeadersSetTagsTierAndUser() {
        simulator.demoAccount().addUser("sales@example.com");

        Exchange out = send("direct:sink", List.of("77"),
                Map.of("ce-tags", "from-event", "ce-tierlevel", "3", "ce-useremail", "sales@example.com"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccount added = simulator.demoAccount().keyAccounts("sales@example.com").get("77");
        assertEquals(List.of("from-event"), added.tags());
        assertEquals(3, added.tierLevel());
        assertTrue(simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).isEmpty());
    }

    @Test
    void plainHeadersWinOverCloudEventsHeaders() {
        Exchange out = send("direct:sink", List.of("78"),
                Map.of("tags", "plain", "ce-tags", "event", "tier-level", 1, "ce-tierlevel", "3"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccount added = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("78");
        assertEquals(List.of("plain"), added.tags());
        assertEquals(1, added.tierLevel());
    }

    @Test
    void headersAreIgnoredWithoutAllowHeaderOverrides() {
        simulator.createAccount(OTHER_KEY, 10, OTHER_USER, "intruder@example.com");

        Exchange out = send("direct:sink-other-account", List.of("79"), Map.of("user-email", "intruder@example.com",
                "ce-tags", "evil", "tier-level", "3"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        RecordedRequest sent = simulator.requests("POST", "/api/v2/key-accounts").get(0);
        assertTrue(sent.body().contains("\"user_email\":\"" + OTHER_USER + "\""), sent::body);
        assertFalse(sent.body().contains("tags") || sent.body().contains("tier_level"), sent::body);
    }

    @Test
    void kameletPropertiesAreTheDefaultsAndBatchSizeSplitsRequests() {
        Exchange out = send("direct:sink-with-defaults", "101\n102\n103\n", Map.of());

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        List<RecordedRequest> requests = simulator.requests("POST", "/api/v2/key-accounts");
        assertEquals(List.of(List.of("101", "102"), List.of("103")),
                requests.stream().map(RecordedRequest::companyLinkedinIds).toList());
        KeyAccount added = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("103");
        assertEquals(List.of("crm-import", "weekly"), added.tags());
        assertEquals(1, added.tierLevel());
    }

    @Test
    void headerOverridesTheKameletProperty() {
        Exchange out = send("direct:sink-with-defaults", List.of("104"), Map.of("tags", "urgent", "tier-level", "3"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccount added = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("104");
        assertEquals(List.of("urgent"), added.tags());
        assertEquals(3, added.tierLevel());
    }

    @Test
    void jsonArrayBodyWithJsonContentType() {
        Exchange out = send("direct:sink", "[\"501\", 502]", Map.of("Content-Type", "application/json; charset=UTF-8"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("501", "502"),
                simulator.requests("POST", "/api/v2/key-accounts").get(0).companyLinkedinIds());
    }

    @Test
    void jsonRequestObjectBodyCarriesItsOwnTagsAndTier() {
        String json = "{\"company_linkedin_ids\": [\"601\", \"602\"], \"tags\": [\"from-json\"], \"tier_level\": 2}";

        Exchange out =
                send("direct:sink", json.getBytes(UTF_8), Map.of("Content-Type", "application/json", "tags", "header"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccount added = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("602");
        assertEquals(List.of("from-json"), added.tags());
        assertEquals(2, added.tierLevel());
    }

    @Test
    void csvTextWithHeaderRow() {
        Exchange out = send("direct:sink", "name;company_linkedin_id\nAcme;701\nGlobex;702\n", Map.of());

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("701", "702"),
                simulator.requests("POST", "/api/v2/key-accounts").get(0).companyLinkedinIds());
    }

    @Test
    void invalidIdFailsTheMessageBeforeAnythingIsSent() {
        Exchange out = send("direct:sink", List.of("801", "not-an-id"), Map.of());

        assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertTrue(simulator.requests("POST", "/api/v2/key-accounts").isEmpty());
    }

    @Test
    void runningOutOfCreditsFailsTheSinkByDefault() {
        Account other = simulator.createAccount(OTHER_KEY, 1, OTHER_USER);

        Exchange out = send("direct:sink-other-account", List.of("901", "902", "903"), Map.of());

        TamtamPaymentRequiredException e = assertInstanceOf(TamtamPaymentRequiredException.class, out.getException());
        assertEquals(List.of("901"), e.getResult().getNewlyAddedCompanyLinkedinIds());
        assertEquals(0, other.credits());
        assertEquals(OTHER_KEY, simulator.requests("POST", "/api/v2/key-accounts").get(0).header("Authorization"));
    }

    @Test
    void apiKeyIsMaskedInTheEndpointsAsCamelShowsThem() {
        send("direct:sink", List.of("1"), Map.of());

        List<Endpoint> tamtam = context.getEndpoints().stream().filter(e -> e instanceof TamtamEndpoint).toList();
        assertEquals(3, tamtam.size(), () -> "tamtam endpoints: " + tamtam);
        for (Endpoint endpoint : tamtam) {
            String key = ((TamtamEndpoint) endpoint).getConfiguration().getApiKey();
            assertTrue(key.equals(TamtamSimulator.DEMO_API_KEY) || key.equals(OTHER_KEY), key);
            // what logs, the route dump and the dev console show
            assertFalse(endpoint.toString().contains(key), endpoint.toString());
            assertTrue(endpoint.toString().contains("apiKey=xxxxxx"), endpoint.toString());
        }
    }
}
