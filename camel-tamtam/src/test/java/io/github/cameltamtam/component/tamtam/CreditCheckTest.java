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

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.assertEveryIdInExactlyOneOutcome;
import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credit pre-flight ({@code creditCheck=fail|trim}): the remaining Key Accounts credits are read before the first
 * batch; {@code fail} sends nothing when the IDs exceed them, {@code trim} sends only what can be paid for.
 */
class CreditCheckTest extends TamtamTestSupport {

    private final List<String> ids = ids(9_000_000, 100);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler()
                .route("direct:fail", "tamtam:keyAccounts?creditCheck=fail")
                .route("direct:trim", "tamtam:keyAccounts?creditCheck=trim&batchSize=20")
                .route("direct:failNoRetry", "tamtam:keyAccounts?creditCheck=fail&maxRetries=0");
    }

    @Test
    void creditCheckFailFailsBeforeAnyAddRequestWhenIdsExceedTheCredits() {
        simulator.demoAccount().setCredits(30);

        Exchange out = template.request("direct:fail", e -> e.getMessage().setBody(ids));

        TamtamInsufficientCreditsException error =
                assertInstanceOf(TamtamInsufficientCreditsException.class, out.getException());
        assertTrue(error.getMessage().contains("100 distinct IDs need up to 100"), error.getMessage());
        assertTrue(error.getMessage().contains("30 left"), error.getMessage());
        assertEquals(100, error.getCreditsNeeded());
        assertEquals(30, error.getCreditsRemaining());
        assertEquals(0, simulator.requests("POST", ADD_PATH).size(), "no add request at all");
        assertEquals(1, simulator.requests("GET", CREDITS_PATH).size());
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS));
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS));
        assertEquals(30, out.getMessage().getHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS));
        assertEquals(1, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertEveryIdInExactlyOneOutcome(ids, error.getResult());
        assertEquals(30, simulator.demoAccount().credits());
    }

    @Test
    void creditCheckFailSendsEverythingWhenTheCreditsSuffice() {
        simulator.demoAccount().setCredits(100);

        Exchange out = template.request("direct:fail", e -> e.getMessage().setBody(ids));

        assertNull(out.getException());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(3, result.getRequestCount(), "the credits request and two batches");
        assertEquals(100, out.getMessage().getHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS));
    }

    @Test
    void creditCheckTrimSendsOnlyWhatCanBePaidForAndReportsTheRestAsUnsent() {
        simulator.demoAccount().setCredits(30);

        Exchange out = template.request("direct:trim", e -> e.getMessage().setBody(ids));

        assertNull(out.getException());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids.subList(0, 30), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids.subList(30, 100), result.getIgnoredCompanyLinkedinIds());
        assertEquals(ids.subList(30, 100), result.getUnsentCompanyLinkedinIds());
        assertTrue(result.isPaymentRequired());
        List<String> sent = new ArrayList<>();
        simulator.requests("POST", ADD_PATH).forEach(r -> sent.addAll(r.companyLinkedinIds()));
        assertEquals(ids.subList(0, 30), sent.stream().sorted().toList(), "only the affordable IDs are sent");
        assertEquals(3, result.getRequestCount(), "the credits request and two batches (20 + 10)");
        assertEquals(0, simulator.demoAccount().credits());
        assertEveryIdInExactlyOneOutcome(ids, result);
    }

    @Test
    void creditCheckIsAnUpperBoundBecausePresentIdsCostNothing() {
        simulator.demoAccount().setCredits(30);
        for (String id : ids.subList(0, 20)) {
            simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, id, List.of(), 1);
        }

        KeyAccountsResult result = template.requestBody("direct:trim", ids, KeyAccountsResult.class);

        assertEquals(ids.subList(0, 20), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(ids.subList(20, 30), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids.subList(30, 100), result.getUnsentCompanyLinkedinIds());
        assertEquals(20, simulator.demoAccount().credits(), "credits are left: the pre-flight counted present IDs too");
    }

    @Test
    void creditCheckWithNoCreditsLeftTrimsEverythingAndSendsNoAddRequest() {
        simulator.demoAccount().setCredits(0);

        KeyAccountsResult result = template.requestBody("direct:trim", ids, KeyAccountsResult.class);

        assertEquals(ids, result.getUnsentCompanyLinkedinIds());
        assertEquals(1, result.getRequestCount());
        assertEquals(0, simulator.requests("POST", ADD_PATH).size());
    }

    @Test
    void failedCreditsRequestSendsNothingAndReportsEveryIdAsFailed() {
        simulator.faults().enqueue(CREDITS_PATH, Fault.status(500));

        Exchange out = template.request("direct:failNoRetry", e -> e.getMessage().setBody(ids));

        TamtamApiException error = assertInstanceOf(TamtamApiException.class, out.getException());
        assertEquals(500, error.getStatusCode());
        assertEquals(ids, error.getResult().getFailedCompanyLinkedinIds());
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
        assertEquals(0, simulator.requests("POST", ADD_PATH).size());
    }
}
