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
package io.github.cameltamtam.examples.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.examples.salesforce.SalesforceExampleApplication.ChangeEvent;
import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example's own {@code application.properties} and routes with Camel Main against a simulator. Salesforce
 * cannot be reached from a test: AdviceWith replaces the change-event route's
 * {@code salesforce:subscribe:/data/AccountChangeEvent} consumer by {@code direct:account-changes}, and the test sends
 * change events shaped as camel-salesforce delivers them (changed fields as a Map body, ChangeEventHeader as headers);
 * the initial load's {@code salesforce:query} endpoint, exactly as the route writes it, is answered by
 * {@link SalesforceQueryStandIn} with the raw JSON of a REST query answer (what camel-salesforce returns with
 * {@code rawPayload=true}), and its timer is replaced by {@code direct:initial-load}. Not exercised: the login to
 * Salesforce and camel-salesforce's own HTTP call.
 */
class SalesforceAccountsRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TamtamSimulator simulator;
    private Main main;
    private ProducerTemplate template;
    private String queryAnswer = SalesforceExampleApplication.sampleQueryAnswer();
    private final SalesforceQueryStandIn salesforce = new SalesforceQueryStandIn(soql -> queryAnswer);

    @BeforeEach
    void startSimulator() {
        simulator = TamtamSimulator.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (template != null) {
            template.close();
        }
        if (main != null) {
            main.stop();
        }
        simulator.close();
    }

    private void startExample(String... overrides) {
        main = SalesforceExampleApplication.newMain();
        SalesforceExampleApplication.useSimulator(main, simulator);
        SalesforceExampleApplication.replaceSalesforceConsumer(main, SalesforceExampleApplication.DEMO_ENDPOINT);
        SalesforceExampleApplication.answerQueriesWith(main, salesforce);
        for (int i = 0; i < overrides.length; i += 2) {
            main.addOverrideProperty(overrides[i], overrides[i + 1]);
        }
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    @Test
    void theRouteSubscribesToAccountChangesAndRunsHereWithTheSubscriptionReplacedByDirect() throws Exception {
        try (var in = getClass().getClassLoader()
                .getResourceAsStream("routes/salesforce-accounts-to-key-accounts.yaml")) {
            String route = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(route.contains("uri: salesforce:subscribe:/data/AccountChangeEvent"), route);
        }
        startExample();
        assertEquals("direct://account-changes",
                main.getCamelContext().getRoute(SalesforceExampleApplication.ROUTE_ID).getEndpoint().getEndpointUri());
    }

    @Test
    void sampleEventsAddAccountsWithALinkedInIdAndSkipTheOthers() throws Exception {
        startExample();
        for (ChangeEvent event : SalesforceExampleApplication.sampleEvents()) {
            SalesforceExampleApplication.send(template, event);
        }

        // CREATE 2045 (Hot), UPDATE of Globex with a URL, CREATE 13579 (Cold), UNDELETE 2045 (Warm); nothing for the
        // Account without ID, the update of Rating only, the invalid ID, the DELETE and the cleared ID
        List<RecordedRequest> posts = simulator.requests("POST", "/v2/key-accounts");
        assertEquals(List.of(List.of("2045"), List.of("1441"), List.of("13579"), List.of("2045")),
                posts.stream().map(RecordedRequest::companyLinkedinIds).toList());
        assertEquals(List.of("3", "", "1", "2"), tiers(posts), "tier from Rating, absent without it");
        assertTrue(posts.stream().noneMatch(p -> p.body().contains("umbrella")));

        Map<String, KeyAccount> accounts = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL);
        assertEquals(3, accounts.size());
        assertEquals(2, accounts.get("2045").tierLevel(), "the UNDELETE, now Warm, set tier 2");
        assertEquals(1, accounts.get("1441").tierLevel());
        assertEquals(1000 - 3, simulator.demoAccount().credits(), "the undeleted Account cost nothing");
    }

    @Test
    void theLinkedInFieldIsConfigurableAndOtherChangeTypesAreSkipped() {
        startExample("salesforce.linkedin-id-field", "LinkedIn_Page__c");
        send("GAP_CREATE", "001A", Map.of("LinkedIn_Page__c", "111"));
        send("CREATE", "001B", Map.of("LinkedIn_Company_Id__c", "222")); // not the configured field
        assertEquals(List.of(), simulator.requests("POST", "/v2/key-accounts"));

        send("UPDATE", "001C", Map.of("LinkedIn_Page__c", 333.0)); // a Number field arrives as a double
        List<RecordedRequest> posts = simulator.requests("POST", "/v2/key-accounts");
        assertEquals(1, posts.size());
        assertEquals(List.of("333"), posts.get(0).companyLinkedinIds());
        assertFalse(simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).containsKey("111"));
    }

    @Test
    void theInitialLoadQueriesTheAccountsWithTheFieldOnceAtStart() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("routes/salesforce-initial-load.yaml")) {
            String route = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(route.contains("uri: timer:salesforce-initial-load") && route.contains("repeatCount: 1"), route);
        }
        startExample();
        assertEquals("direct://initial-load", main.getCamelContext()
                .getRoute(SalesforceExampleApplication.INITIAL_LOAD_ROUTE_ID).getEndpoint().getEndpointUri());
        assertEquals(List.of(), salesforce.queries(), "nothing queried before the load runs");
    }

    @Test
    void theInitialLoadSendsTheLinkedinIdsOfTheQueriedAccountsNeverTheirRecordIds() {
        startExample();

        template.sendBody(SalesforceExampleApplication.INITIAL_LOAD_ENDPOINT, null);

        assertEquals(
                List.of("SELECT Id, Name, LinkedIn_Company_Id__c FROM Account WHERE LinkedIn_Company_Id__c != null"),
                salesforce.queries());
        List<RecordedRequest> posts = simulator.requests("POST", "/v2/key-accounts");
        assertEquals(List.of(List.of("1586", "3185", "2654")),
                posts.stream().map(RecordedRequest::companyLinkedinIds).toList(),
                "the ID, the URL and the URN of the sample answer; 'wayne-enterprises' skipped; no record Id");
        assertEquals(3, simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());
    }

    @Test
    void theInitialLoadReadsTheConfiguredFieldAndWhereClause() {
        queryAnswer = "{\"totalSize\":2,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Account\"},"
                + "\"Id\":\"001Dn00000Acme0AAA\",\"Name\":\"Acme\",\"LI_Number__c\":2045},"
                + "{\"attributes\":{\"type\":\"Account\"},\"Id\":\"001Dn00000Beta0AAA\",\"Name\":\"Beta\","
                + "\"LI_Number__c\":1035.0}]}";
        startExample("salesforce.linkedin-id-field", "LI_Number__c",
                "salesforce.initial-load.where", " AND Industry = 'Technology'");

        template.sendBody(SalesforceExampleApplication.INITIAL_LOAD_ENDPOINT, null);

        assertEquals(List.of("SELECT Id, Name, LI_Number__c FROM Account WHERE LI_Number__c != null AND Industry = "
                + "'Technology'"), salesforce.queries());
        assertEquals(List.of(List.of("2045", "1035")), simulator.requests("POST", "/v2/key-accounts").stream()
                .map(RecordedRequest::companyLinkedinIds).toList(), "a Number field, named by csvColumn");
    }

    private void send(String changeType, String accountId, Map<String, Object> body) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("CamelSalesforceChangeType", changeType);
        headers.put("CamelSalesforceEntityName", "Account");
        headers.put("CamelSalesforceRecordIds", List.of(accountId));
        SalesforceExampleApplication.send(template, new ChangeEvent(null, headers, new HashMap<>(body)));
    }

    private static List<String> tiers(List<RecordedRequest> posts) throws Exception {
        List<String> out = new ArrayList<>();
        for (RecordedRequest post : posts) {
            JsonNode tier = JSON.readTree(post.body()).get("tier_level");
            out.add(tier == null || tier.isNull() ? "" : tier.asText());
        }
        return out;
    }
}
