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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where user email, tags and tier come from: a request object in the body, then the {@code CamelTamtamUserEmail},
 * {@code CamelTamtamTags}, {@code CamelTamtamTierLevel} headers, then the endpoint options. Asserted on the JSON the
 * simulator received and on the result headers echoed back; a result header of one call never acts as an input of the
 * next.
 */
class RequestParametersResolutionTest extends TamtamTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPTION_USER = "option-user@example.com";
    private static final String HEADER_USER = "header-user@example.com";
    private static final String BODY_USER = "body-user@example.com";

    @Override
    protected TamtamSimulator startSimulator() {
        TamtamSimulator simulator = TamtamSimulator.start();
        simulator.demoAccount().addUser(OPTION_USER);
        simulator.demoAccount().addUser(HEADER_USER);
        simulator.demoAccount().addUser(BODY_USER);
        return simulator;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:options").to("tamtam:keyAccounts?userEmail=" + OPTION_USER + "&tags=a,b&tierLevel=3");
                from("direct:plain").to("tamtam:keyAccounts");

                from("direct:twoCalls")
                        .to("tamtam:keyAccounts?tags=first&tierLevel=3")
                        .setBody(constant(List.of("3001", "3002")))
                        .to("tamtam:keyAccounts?tags=second&tierLevel=1");

                from("direct:defaultsThenTier3")
                        .to("tamtam:keyAccounts")
                        .setBody(constant(List.of("3001")))
                        .to("tamtam:keyAccounts?tierLevel=3");

                from("direct:twoCallsCleared")
                        .to("tamtam:keyAccounts?tags=first&tierLevel=3")
                        .removeHeaders("Tamtam*")
                        .setBody(constant(List.of("3001", "3002")))
                        .to("tamtam:keyAccounts?tags=second&tierLevel=1");
            }
        };
    }

    // ---------------------------------------------------------------- options

    @Test
    void emptyTagsHeaderSendsNoTagsRatherThanClearingThem() throws Exception {
        send("direct:plain", List.of("2045"), Map.of(TamtamConstants.TAGS, " , "));

        JsonNode sent = onlyRequest();
        assertFalse(sent.has("tags"), () -> "tags were sent: " + sent);
    }

    @Test
    void emptyTagsListInARequestObjectIsSentToClearTags() throws Exception {
        send("direct:plain", Map.of("company_linkedin_ids", List.of("2045"), "tags", List.of()), Map.of());

        JsonNode sent = onlyRequest();
        assertTrue(sent.has("tags") && sent.get("tags").isEmpty(), () -> "expected tags [] in " + sent);
    }

    @Test
    void endpointOptionsApplyWhenNoHeaderOrRequestObjectSetsThem() throws Exception {
        Exchange out = send("direct:options", List.of("2045"), Map.of());

        JsonNode sent = onlyRequest();
        assertEquals(OPTION_USER, sent.get("user_email").asText());
        assertEquals(List.of("a", "b"), texts(sent.get("tags")));
        assertEquals(3, sent.get("tier_level").asInt());
        assertEchoed(out, List.of("a", "b"), 3);
        assertEquals(List.of("2045"), List.copyOf(simulator.demoAccount().keyAccounts(OPTION_USER).keySet()));
    }

    @Test
    void withoutTagsOrTierNeitherIsSentAndTheApiDefaultTierIsEchoed() throws Exception {
        Exchange out = send("direct:plain", List.of("2045"), Map.of());

        JsonNode sent = onlyRequest();
        assertEquals(TamtamSimulator.DEMO_USER_EMAIL, sent.get("user_email").asText());
        assertFalse(sent.has("tags"), () -> "no tags field expected: " + sent);
        assertFalse(sent.has("tier_level"), () -> "no tier_level field expected: " + sent);
        assertNull(out.getMessage().getHeader(TamtamConstants.RESULT_TAGS));
        assertEquals(1, out.getMessage().getHeader(TamtamConstants.RESULT_TIER_LEVEL),
                "the API's default tier, echoed");
    }

    // ---------------------------------------------------------------- headers over options

    @Test
    void headersOverrideEndpointOptions() throws Exception {
        Exchange out = send("direct:options", List.of("2045"), Map.of(
                TamtamConstants.USER_EMAIL, HEADER_USER,
                TamtamConstants.TAGS, List.of("h1", "h2"),
                TamtamConstants.TIER_LEVEL, 2));

        JsonNode sent = onlyRequest();
        assertEquals(HEADER_USER, sent.get("user_email").asText());
        assertEquals(List.of("h1", "h2"), texts(sent.get("tags")));
        assertEquals(2, sent.get("tier_level").asInt());
        assertEchoed(out, List.of("h1", "h2"), 2);
        assertTrue(simulator.demoAccount().keyAccounts(OPTION_USER).isEmpty());
    }

    @Test
    void commaSeparatedTagsHeaderAndTextTierHeaderAreParsed() throws Exception {
        Exchange out = send("direct:options", List.of("2045"), Map.of(
                TamtamConstants.TAGS, " x , y,,z ",
                TamtamConstants.TIER_LEVEL, "2"));

        JsonNode sent = onlyRequest();
        assertEquals(OPTION_USER, sent.get("user_email").asText(), "no email header: the option applies");
        assertEquals(List.of("x", "y", "z"), texts(sent.get("tags")));
        assertEquals(2, sent.get("tier_level").asInt());
        assertTrue(sent.get("tier_level").isIntegralNumber(), "tier_level is sent as a JSON number");
        assertEchoed(out, List.of("x", "y", "z"), 2);
    }

    @Test
    void eachHeaderOverridesOnlyItsOwnOption() throws Exception {
        Exchange out = send("direct:options", List.of("2045"), Map.of(TamtamConstants.TIER_LEVEL, 1));

        JsonNode sent = onlyRequest();
        assertEquals(OPTION_USER, sent.get("user_email").asText());
        assertEquals(List.of("a", "b"), texts(sent.get("tags")));
        assertEquals(1, sent.get("tier_level").asInt());
        assertEchoed(out, List.of("a", "b"), 1);
    }

    // ---------------------------------------------------------------- request object over headers

    @Test
    void requestObjectInBodyOverridesHeadersAndOptions() throws Exception {
        KeyAccountsRequest request = new KeyAccountsRequest(List.of("2045"), BODY_USER, List.of("body"), 1);

        Exchange out = send("direct:options", request, Map.of(
                TamtamConstants.USER_EMAIL, HEADER_USER,
                TamtamConstants.TAGS, "header",
                TamtamConstants.TIER_LEVEL, 2));

        JsonNode sent = onlyRequest();
        assertEquals(BODY_USER, sent.get("user_email").asText());
        assertEquals(List.of("body"), texts(sent.get("tags")));
        assertEquals(1, sent.get("tier_level").asInt());
        assertEchoed(out, List.of("body"), 1);
    }

    @Test
    void mapRequestObjectOverridesHeadersAndOptions() throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("company_linkedin_ids", List.of("2045"));
        request.put("user_email", BODY_USER);
        request.put("tags", "m1,m2");
        request.put("tier_level", "2");

        Exchange out = send("direct:options", request, Map.of(
                TamtamConstants.USER_EMAIL, HEADER_USER,
                TamtamConstants.TAGS, List.of("header"),
                TamtamConstants.TIER_LEVEL, 1));

        JsonNode sent = onlyRequest();
        assertEquals(BODY_USER, sent.get("user_email").asText());
        assertEquals(List.of("m1", "m2"), texts(sent.get("tags")));
        assertEquals(2, sent.get("tier_level").asInt());
        assertEchoed(out, List.of("m1", "m2"), 2);
    }

    @Test
    void requestObjectFieldsLeftNullFallBackToHeadersThenOptions() throws Exception {
        KeyAccountsRequest request = new KeyAccountsRequest(List.of("2045"), null, List.of("body"), null);

        Exchange out = send("direct:options", request, Map.of(TamtamConstants.USER_EMAIL, HEADER_USER));

        JsonNode sent = onlyRequest();
        assertEquals(HEADER_USER, sent.get("user_email").asText(), "email from the header");
        assertEquals(List.of("body"), texts(sent.get("tags")), "tags from the body");
        assertEquals(3, sent.get("tier_level").asInt(), "tier from the option");
        assertEchoed(out, List.of("body"), 3);
    }

    // ---------------------------------------------------------------- chained calls

    @Test
    void aChainedPairOfCallsKeepsEachEndpointsOptions() throws Exception {
        Exchange out = send("direct:twoCalls", List.of("2045"), Map.of());

        List<JsonNode> sent = requests();
        assertEquals(2, sent.size());
        assertEquals(List.of("first"), texts(sent.get(0).get("tags")));
        assertEquals(3, sent.get(0).get("tier_level").asInt());
        // the first call's result headers TamtamTags/TamtamTierLevel are results, never inputs of the second call
        assertEquals(List.of("3001", "3002"), texts(sent.get(1).get("company_linkedin_ids")));
        assertEquals(List.of("second"), texts(sent.get(1).get("tags")));
        assertEquals(1, sent.get(1).get("tier_level").asInt());
        assertEchoed(out, List.of("second"), 1);
    }

    @Test
    void aSecondCallsTierOptionWinsOverTheFirstCallsEchoedDefaultTier() throws Exception {
        Exchange out = send("direct:defaultsThenTier3", List.of("2045"), Map.of());

        List<JsonNode> sent = requests();
        assertEquals(2, sent.size());
        assertFalse(sent.get(0).has("tier_level"), () -> "no tier expected on the first call: " + sent.get(0));
        assertEquals(3, sent.get(1).get("tier_level").asInt(), "the second endpoint's tierLevel=3");
        assertEquals(3, simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("3001").tierLevel());
        assertEquals(3, out.getMessage().getHeader(TamtamConstants.RESULT_TIER_LEVEL));
    }

    @Test
    void removeHeadersBetweenCallsLetsTheSecondEndpointsOptionsApply() throws Exception {
        Exchange out = send("direct:twoCallsCleared", List.of("2045"), Map.of());

        List<JsonNode> sent = requests();
        assertEquals(2, sent.size());
        assertEquals(List.of("first"), texts(sent.get(0).get("tags")));
        assertEquals(3, sent.get(0).get("tier_level").asInt());
        assertEquals(List.of("second"), texts(sent.get(1).get("tags")));
        assertEquals(1, sent.get(1).get("tier_level").asInt());
        assertEchoed(out, List.of("second"), 1);
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("3001", "3002"), result.getNewlyAddedCompanyLinkedinIds());
    }

    // ---------------------------------------------------------------- helpers

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.request(uri, e -> {
            e.getMessage().setHeaders(new HashMap<>(headers));
            e.getMessage().setBody(body);
        });
        assertNull(out.getException(), () -> "exchange failed: " + out.getException());
        return out;
    }

    private List<JsonNode> requests() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (RecordedRequest request : simulator.requests("POST", "/api/v2/key-accounts")) {
            assertEquals(200, request.status(), request::body);
            bodies.add(JSON.readTree(request.body()));
        }
        return bodies;
    }

    private JsonNode onlyRequest() throws Exception {
        List<JsonNode> bodies = requests();
        assertEquals(1, bodies.size(), "requests sent");
        return bodies.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void assertEchoed(Exchange out, List<String> tags, int tier) {
        assertEquals(tags, out.getMessage().getHeader(TamtamConstants.RESULT_TAGS), "TamtamTags out header");
        assertEquals(tier, out.getMessage().getHeader(TamtamConstants.RESULT_TIER_LEVEL), "TamtamTierLevel out header");
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(tags, result.getTags());
        assertEquals(tier, result.getTierLevel());
    }
}
