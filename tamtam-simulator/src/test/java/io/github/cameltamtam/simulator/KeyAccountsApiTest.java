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
package io.github.cameltamtam.simulator;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.simulator.TestClient.EMAIL;
import static io.github.cameltamtam.simulator.TestClient.KEY;
import static io.github.cameltamtam.simulator.TestClient.contentType;
import static io.github.cameltamtam.simulator.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyAccountsApiTest {

    private TamtamSimulator sim;
    private TestClient client;

    @BeforeEach
    void start() {
        sim = TamtamSimulator.builder().rateLimit(0).start();
        client = new TestClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void addsThenReportsAlreadyPresentThenRunsOutOfCreditsMidRequest() throws Exception {
        sim.demoAccount().setCredits(3);

        HttpResponse<String> first = client.add("1", "2");
        assertEquals(200, first.statusCode());
        assertEquals("application/json", contentType(first));
        JsonNode r1 = json(first);
        assertEquals(Set.of("already_in_key_accounts_linkedin_ids", "ignored_company_linkedin_ids",
                "newly_added_company_linkedin_ids", "payment_required", "tags", "tier_level"),
                Set.copyOf(iterable(r1.fieldNames())));
        assertEquals(List.of("1", "2"), texts(r1.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of(), texts(r1.get("already_in_key_accounts_linkedin_ids")));
        assertEquals(List.of(), texts(r1.get("ignored_company_linkedin_ids")));
        assertFalse(r1.get("payment_required").booleanValue());
        assertTrue(r1.get("tags").isNull(), "tags echo null when absent");
        assertEquals(1, r1.get("tier_level").intValue());
        assertEquals(1, sim.demoAccount().credits());

        JsonNode r2 = json(client.add("2", "3", "4", "5"));
        assertEquals(List.of("3"), texts(r2.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of("2"), texts(r2.get("already_in_key_accounts_linkedin_ids")));
        assertEquals(List.of("4", "5"), texts(r2.get("ignored_company_linkedin_ids")));
        assertTrue(r2.get("payment_required").booleanValue());
        assertEquals(0, sim.demoAccount().credits());
        assertEquals(3, sim.demoAccount().usedCredits());
        assertEquals(List.of("1", "2", "3"), List.copyOf(sim.demoAccount().keyAccounts(EMAIL).keySet()));

        // re-posting present IDs is free even without credits
        JsonNode r3 = json(client.add("1", "3"));
        assertEquals(List.of("1", "3"), texts(r3.get("already_in_key_accounts_linkedin_ids")));
        assertFalse(r3.get("payment_required").booleanValue());
    }

    @Test
    void duplicateIdInOneRequestCountsOnceThenAsAlready() throws Exception {
        JsonNode r = json(client.add("7", "7"));
        assertEquals(List.of("7"), texts(r.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of("7"), texts(r.get("already_in_key_accounts_linkedin_ids")));
        assertEquals(999, sim.demoAccount().credits());
    }

    @Test
    void tagsAndTierAreEchoedAppliedAndReplaceOnRepost() throws Exception {
        sim.demoAccount().addKeyAccount(EMAIL, "42", List.of("old"), 1);
        String body = "{\"company_linkedin_ids\":[\"42\",\"43\"],\"user_email\":\"" + EMAIL
                + "\",\"tags\":[\"strategic\"],\"tier_level\":3}";
        JsonNode r = json(client.post("/v2/key-accounts", KEY, body));
        assertEquals(List.of("strategic"), texts(r.get("tags")));
        assertEquals(3, r.get("tier_level").intValue());
        assertEquals(List.of("43"), texts(r.get("newly_added_company_linkedin_ids")));
        assertEquals(List.of("42"), texts(r.get("already_in_key_accounts_linkedin_ids")));
        Map<String, KeyAccount> ka = sim.demoAccount().keyAccounts(EMAIL);
        assertEquals(new KeyAccount("42", List.of("strategic"), 3), ka.get("42"));
        assertEquals(new KeyAccount("43", List.of("strategic"), 3), ka.get("43"));

        // without tags/tier: present companies keep theirs
        client.add("42");
        assertEquals(new KeyAccount("42", List.of("strategic"), 3), sim.demoAccount().keyAccounts(EMAIL).get("42"));
    }

    @Test
    void missingKeyAndBearerPrefixAreUnauthorized() throws Exception {
        HttpResponse<String> missing = client.post("/v2/key-accounts", null, TestClient.addBody(EMAIL, "1"));
        assertEquals(401, missing.statusCode());
        assertEquals("application/problem+json", contentType(missing));
        assertEquals(401, json(missing).get("status").intValue());

        HttpResponse<String> bearer = client.post("/v2/key-accounts", "Bearer " + KEY, TestClient.addBody(EMAIL, "1"));
        assertEquals(401, bearer.statusCode());
        assertEquals(401, client.get("/v2/credits", "nope").statusCode());
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).isEmpty());
        assertEquals(1000, sim.demoAccount().credits());
    }

    @Test
    void nonNumericIdIsUnprocessableWithLocationAndValue() throws Exception {
        HttpResponse<String> r = client.add("1", "2", "3", "abc");
        assertEquals(422, r.statusCode());
        assertEquals("application/problem+json", contentType(r));
        JsonNode p = json(r);
        assertEquals("about:blank", p.get("type").asText());
        assertEquals("Unprocessable Entity", p.get("title").asText());
        assertEquals(422, p.get("status").intValue());
        assertEquals("validation failed", p.get("detail").asText());
        assertEquals(1, p.get("errors").size());
        JsonNode e = p.get("errors").get(0);
        assertEquals("body.company_linkedin_ids[3]", e.get("location").asText());
        assertEquals("abc", e.get("value").asText());
        assertFalse(e.get("message").asText().isEmpty());
        assertTrue(sim.demoAccount().keyAccounts(EMAIL).isEmpty(), "a rejected batch adds nothing");
    }

    @Test
    void moreThanFiftyIdsIsUnprocessable() throws Exception {
        String[] ids = IntStream.rangeClosed(1, 51).mapToObj(String::valueOf).toArray(String[]::new);
        HttpResponse<String> r = client.add(ids);
        assertEquals(422, r.statusCode());
        JsonNode e = json(r).get("errors").get(0);
        assertEquals("body.company_linkedin_ids", e.get("location").asText());
        assertEquals("expected array length <= 50", e.get("message").asText());
        assertEquals(200, client.add(java.util.Arrays.copyOf(ids, 50)).statusCode());
    }

    @Test
    void emptyMissingAndNullIdsAreUnprocessable() throws Exception {
        assertEquals(422, client.add().statusCode());
        assertEquals(422, client.post("/v2/key-accounts", KEY, "{\"user_email\":\"" + EMAIL + "\"}").statusCode());
        HttpResponse<String> r = client.post("/v2/key-accounts", KEY,
                "{\"company_linkedin_ids\":null,\"user_email\":\"" + EMAIL + "\"}");
        assertEquals(422, r.statusCode());
        assertEquals("body.company_linkedin_ids", json(r).get("errors").get(0).get("location").asText());
    }

    @Test
    void badTierIsUnprocessable() throws Exception {
        HttpResponse<String> r = client.post("/v2/key-accounts", KEY,
                "{\"company_linkedin_ids\":[\"1\"],\"user_email\":\"" + EMAIL + "\",\"tier_level\":4}");
        assertEquals(422, r.statusCode());
        JsonNode e = json(r).get("errors").get(0);
        assertEquals("body.tier_level", e.get("location").asText());
        assertEquals(4, e.get("value").intValue());
        assertEquals(422, client.post("/v2/key-accounts", KEY,
                "{\"company_linkedin_ids\":[\"1\"],\"user_email\":\"" + EMAIL + "\",\"tier_level\":0}").statusCode());
    }

    @Test
    void badOrUnknownEmailIsUnprocessable() throws Exception {
        HttpResponse<String> bad = client.post("/v2/key-accounts", KEY, TestClient.addBody("not-an-email", "1"));
        assertEquals(422, bad.statusCode());
        JsonNode e = json(bad).get("errors").get(0);
        assertEquals("body.user_email", e.get("location").asText());
        assertEquals("not-an-email", e.get("value").asText());

        HttpResponse<String> unknown = client.post("/v2/key-accounts", KEY,
                TestClient.addBody("stranger@example.com", "1"));
        assertEquals(422, unknown.statusCode());
        assertEquals("user not found in account", json(unknown).get("detail").asText());
        assertEquals(1000, sim.demoAccount().credits());
    }

    @Test
    void malformedJsonIsBadRequest() throws Exception {
        HttpResponse<String> r = client.post("/v2/key-accounts", KEY, "{\"company_linkedin_ids\":[\"1\"");
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", contentType(r));
        assertEquals(400, json(r).get("status").intValue());
    }

    @Test
    void creditsReportUsage() throws Exception {
        sim.demoAccount().setCredits(5);
        client.add("1", "2");
        HttpResponse<String> r = client.get("/v2/credits", KEY);
        assertEquals(200, r.statusCode());
        JsonNode credits = json(r).get("credits");
        assertTrue(credits.size() >= 2);
        JsonNode unlocked = credits.get(0);
        assertEquals("MaxKeyAccountsUnlocked", unlocked.get("credit_type").asText());
        assertEquals(3, unlocked.get("remaining_credits").intValue());
        assertEquals(5, unlocked.get("total_credits").intValue());
        assertEquals(2, unlocked.get("used_credits").intValue());
    }

    @Test
    void creditsListEveryDocumentedCreditTypePerAccount() throws Exception {
        Account acme = sim.createAccount("acme-key", 7, "a@acme.test");
        acme.setCreditLine("MaxCompanyExports", 2, 10);
        JsonNode credits = json(client.get("/v2/credits", "acme-key")).get("credits");
        List<String> types = new ArrayList<>();
        credits.forEach(c -> types.add(c.get("credit_type").asText()));
        assertEquals(List.of("MaxKeyAccountsUnlocked", "MaxLookalikeSearches", "MaxCompanyExports",
                "MaxCompanyEnrichments", "MaxPeopleEnrichments"), types);
        assertEquals(7, credits.get(0).get("remaining_credits").intValue());
        JsonNode exports = credits.get(2);
        assertEquals(2, exports.get("remaining_credits").intValue());
        assertEquals(10, exports.get("total_credits").intValue());
        assertEquals(8, exports.get("used_credits").intValue());
        // another account's lines are its own
        JsonNode demoExports = json(client.get("/v2/credits", KEY)).get("credits").get(2);
        assertEquals(500, demoExports.get("remaining_credits").intValue());
        assertThrows(IllegalArgumentException.class, () -> acme.setCreditLine("MaxKeyAccountsUnlocked", 1, 1));
    }

    @Test
    void keyAccountsListingIsNewestFirstAndDeduplicatedAcrossUsers() throws Exception {
        Account acme = sim.createAccount("acme-key", 10, "a@acme.test", "b@acme.test");
        client.post("/v2/key-accounts", "acme-key", TestClient.addBody("a@acme.test", "1", "2"));
        client.post("/v2/key-accounts", "acme-key", TestClient.addBody("b@acme.test", "2", "3"));
        assertEquals(6, acme.credits());
        JsonNode companies = json(client.get("/v2/key-accounts", "acme-key")).get("companies");
        List<String> ids = new ArrayList<>();
        companies.forEach(c -> ids.add(c.get("company_linkedin_id").asText()));
        assertEquals(List.of("3", "2", "1"), ids);
        assertEquals("b@acme.test", companies.get(1).get("user_email").asText());
        assertEquals(1, companies.get(0).get("tier_level").intValue());
        assertTrue(companies.get(0).get("tags").isArray());
        // the demo account sees none of them
        assertEquals(0, json(client.get("/v2/key-accounts", KEY)).get("companies").size());
    }

    @Test
    void searchFindsNumericIds() throws Exception {
        JsonNode hit = json(client.post("/v2/companies/search", KEY, "{\"query\":\"104924588\"}"));
        assertEquals("104924588", hit.get("companies").get(0).get("company_linkedin_id").asText());
        assertEquals(0, json(client.post("/v2/companies/search", KEY, "{\"query\":\"Acme\"}")).get("companies").size());
    }

    @Test
    void unknownPathIsNotFoundAndWrongMethodIsNotAllowed() throws Exception {
        HttpResponse<String> notFound = client.get("/v2/nothing", KEY);
        assertEquals(404, notFound.statusCode());
        assertEquals("application/problem+json", contentType(notFound));
        HttpResponse<String> wrong = client.post("/v2/credits", KEY, "{}");
        assertEquals(405, wrong.statusCode());
        assertEquals("GET", wrong.headers().firstValue("allow").orElse(null));
    }

    @Test
    void recordsRawAuthorizationHeaderBodyAndIds() throws Exception {
        client.add("11", "12");
        client.get("/v2/credits", KEY);
        List<RecordedRequest> posts = sim.requests("POST", "/api/v2/key-accounts");
        assertEquals(1, posts.size());
        RecordedRequest r = posts.get(0);
        assertEquals(KEY, r.header("Authorization"));
        assertEquals(KEY, r.headers().get("authorization"));
        assertEquals(List.of("11", "12"), r.companyLinkedinIds());
        assertEquals(TestClient.addBody(EMAIL, "11", "12"), r.body());
        assertEquals(200, r.status());
        assertTrue(r.arrivalMillis() > 0);
        assertEquals(2, sim.requests().size());
        assertNull(sim.requests("GET", "/v2/credits").get(0).companyLinkedinIds());
        sim.clearRequests();
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void accountApiGuardsItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> sim.account("unknown"));
        assertThrows(IllegalArgumentException.class, () -> sim.createAccount(KEY, 1, "x@y.z"));
        assertThrows(IllegalArgumentException.class, () -> sim.demoAccount().keyAccounts("nobody@example.com"));
        assertThrows(IllegalArgumentException.class, () -> sim.demoAccount().setCredits(-1));
        assertFalse(sim.demoAccount().toString().contains(KEY), "toString must not print the API key");
        assertEquals(Set.of(EMAIL), sim.demoAccount().users());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
