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

import io.github.cameltamtam.component.tamtam.model.KeyAccountsPlan;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dryRun=true} reads, validates, de-duplicates and batches like a real call, returns the plan, and sends
 * nothing.
 */
class DryRunTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler()
                .route("direct:plan",
                        "tamtam:keyAccounts?dryRun=true&batchSize=40&tags=a,b&tierLevel=2&skipInvalidIds=true")
                .route("direct:real", "tamtam:keyAccounts?batchSize=40&tags=a,b&tierLevel=2&skipInvalidIds=true");
    }

    /** 100 distinct IDs, each twice, and two invalid values. */
    private static List<Object> input() {
        List<Object> input = new ArrayList<>(ids(5_000_000, 100));
        input.add("not-an-id");
        input.addAll(ids(5_000_000, 100));
        input.add("12ab");
        return input;
    }

    @Test
    void dryRunAndRealRunOfTheSameInputPlanIdenticalBatches() {
        Exchange planned = template.request("direct:plan", e -> e.getMessage().setBody(input()));
        KeyAccountsPlan plan = assertInstanceOf(KeyAccountsPlan.class, planned.getMessage().getBody());
        assertEquals(0, simulator.requests().size(), "a dry run sends nothing");

        Exchange real = template.request("direct:real", e -> e.getMessage().setBody(input()));
        assertEquals(null, real.getException());
        // batches go concurrently, so they may arrive in any order
        List<String> sent = simulator.requests("POST", ADD_PATH).stream().map(RecordedRequest::body).sorted().toList();

        assertEquals(3, plan.getBatches().size());
        assertEquals(plan.getRequestPayloads().stream().sorted().toList(), sent,
                "the real run sends exactly the planned payloads");
        assertEquals(List.of(40, 40, 20),
                plan.getBatches().stream().map(b -> b.getCompanyLinkedinIds().size()).toList());
        assertEquals(ids(5_000_000, 100), plan.getPlannedCompanyLinkedinIds());
        assertEquals(100, plan.getDuplicates());
        assertEquals(List.of("not-an-id", "12ab"),
                plan.getInvalidCompanyLinkedinIds().stream().map(i -> i.value()).toList());
        KeyAccountsResult result = real.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(plan.getPlannedCompanyLinkedinIds(), result.getNewlyAddedCompanyLinkedinIds());
    }

    @Test
    void dryRunSpendsNoCreditAndSetsThePlanHeaders() {
        int credits = simulator.demoAccount().credits();
        Exchange planned = template.request("direct:plan", e -> e.getMessage().setBody(input()));

        assertEquals(credits, simulator.demoAccount().credits());
        assertEquals(ids(5_000_000, 100), planned.getMessage().getHeader(TamtamConstants.PLANNED_COMPANY_LINKEDIN_IDS));
        assertEquals(3, planned.getMessage().getHeader(TamtamConstants.PLANNED_REQUEST_COUNT));
        assertEquals(0, planned.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertEquals(List.of(), planned.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(List.of(), planned.getMessage().getHeader(TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS));
        assertEquals(false, planned.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
        assertEquals(List.of("not-an-id", "12ab"),
                planned.getMessage().getHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS));
        assertEquals(List.of("a", "b"), planned.getMessage().getHeader(TamtamConstants.RESULT_TAGS));
        assertEquals(2, planned.getMessage().getHeader(TamtamConstants.RESULT_TIER_LEVEL));
        String firstPayload = planned.getMessage().getBody(KeyAccountsPlan.class).getRequestPayloads().get(0);
        assertTrue(firstPayload.startsWith("{\"company_linkedin_ids\":[\"5000000\","), firstPayload);
        assertTrue(
                firstPayload.endsWith("\"user_email\":\"demo@example.com\",\"tags\":[\"a\",\"b\"],\"tier_level\":2}"),
                firstPayload);
    }

    @Test
    void dryRunRejectsBadInputLikeARealCall() {
        Exchange planned = template.request("tamtam:keyAccounts?dryRun=true", e -> e.getMessage().setBody("1,2,x3"));

        TamtamInvalidInputException error = assertInstanceOf(TamtamInvalidInputException.class, planned.getException());
        assertTrue(error.getMessage().contains("x3"), error.getMessage());
        assertEquals(0, simulator.requests().size());
    }
}
