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

import java.util.List;
import java.util.Map;

import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Beside every ID-list result header an Integer count header, so that a route can log and branch on outcomes without
 * OGNL ({@code ${header.TamtamNewlyAddedCompanyCount} > 0}, no camel-bean): after a call that added some IDs and found
 * others present, one that ran out of credits, one whose requests failed, and a dry run. Through {@code direct:}
 * routes against the simulator; the last route branches with the simple language alone.
 */
class CountHeadersTest extends TamtamTestSupport {

    private static final Map<String, String> COUNT_OF = Map.of(
            TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS, TamtamConstants.NEWLY_ADDED_COMPANY_COUNT,
            TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS, TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_COUNT,
            TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS, TamtamConstants.IGNORED_COMPANY_COUNT,
            TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS, TamtamConstants.UNSENT_COMPANY_COUNT,
            TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS, TamtamConstants.INVALID_COMPANY_COUNT,
            TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS, TamtamConstants.FAILED_COMPANY_COUNT,
            TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_LINKEDIN_IDS, TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_COUNT);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:add").to("tamtam:keyAccounts?skipInvalidIds=true&batchSize=2&maxConcurrentRequests=1");
                from("direct:failing").to("tamtam:keyAccounts?maxRetries=0");
                from("direct:dryRun").to("tamtam:keyAccounts?skipInvalidIds=true&dryRun=true");
                from("direct:branch").to("tamtam:keyAccounts?skipInvalidIds=true")
                        .choice()
                        .when(simple(
                                "${header.TamtamNewlyAddedCompanyCount} > 0 && ${header.TamtamInvalidCompanyCount} == 1"))
                        .setBody(simple("${header.TamtamNewlyAddedCompanyCount} added, "
                                + "${header.TamtamAlreadyInKeyAccountsCount} already there, "
                                + "${header.TamtamInvalidCompanyCount} invalid"))
                        .otherwise().setBody(constant("no branch"));
            }
        };
    }

    @Test
    void addedPresentAndInvalidIdsAreCounted() {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "1035", List.of(), 1);

        Exchange out = requestTo("direct:add", List.of("2045", "1035", "not-an-id", "1441"));

        assertNull(out.getException());
        assertCounts(out.getMessage(), 2, 1, 0, 0, 1, 0);
    }

    @Test
    void idsLeftWhenCreditsRunOutAreCounted() {
        simulator.demoAccount().setCredits(1);

        Exchange out = requestTo("direct:add", List.of("2045", "1035", "1441", "3185", "1586"));

        assertNull(out.getException());
        // batch 1: 2045 added, 1035 ignored (payment_required); batches 2 and 3 never sent
        assertCounts(out.getMessage(), 1, 0, 4, 3, 0, 0);
    }

    @Test
    void idsOfAFailedRequestAreCounted() {
        simulator.faults().enqueue(ADD_PATH, Fault.status(503));

        Exchange out = requestTo("direct:failing", List.of("2045", "1035"));

        assertInstanceOf(TamtamApiException.class, out.getException());
        assertCounts(out.getMessage(), 0, 0, 0, 0, 0, 2);
    }

    @Test
    void aDryRunCountsOnlyTheInvalidValues() {
        Exchange out = requestTo("direct:dryRun", List.of("2045", "x", "1035"));

        assertNull(out.getException());
        assertCounts(out.getMessage(), 0, 0, 0, 0, 1, 0);
        assertEquals(0, simulator.requests().size());
    }

    @Test
    void aRouteBranchesAndLogsOnCountsWithTheSimpleLanguageAlone() {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "1441", List.of(), 1);

        Exchange out = requestTo("direct:branch", "2045\n1441\nacme\n1035\n");

        assertEquals("2 added, 1 already there, 1 invalid", out.getMessage().getBody(String.class));
    }

    /** Each count header is an Integer equal to the size of the list header beside it, and the expected number. */
    private static void assertCounts(Message message, int added, int already, int ignored, int unsent, int invalid,
            int failed) {
        COUNT_OF.forEach((list, count) -> assertEquals(message.getHeader(list, List.class).size(),
                assertInstanceOf(Integer.class, message.getHeader(count), count), count));
        assertEquals(List.of(added, already, ignored, unsent, invalid, failed), List.of(
                message.getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_COUNT),
                message.getHeader(TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_COUNT),
                message.getHeader(TamtamConstants.IGNORED_COMPANY_COUNT),
                message.getHeader(TamtamConstants.UNSENT_COMPANY_COUNT),
                message.getHeader(TamtamConstants.INVALID_COMPANY_COUNT),
                message.getHeader(TamtamConstants.FAILED_COMPANY_COUNT)));
    }
}
