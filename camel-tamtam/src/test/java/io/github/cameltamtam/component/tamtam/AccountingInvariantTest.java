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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Account;
import io.github.cameltamtam.simulator.RandomFaults;
import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.assertEveryIdInExactlyOneOutcome;
import static io.github.cameltamtam.component.tamtam.ResultInvariants.ids;
import static io.github.cameltamtam.component.tamtam.ResultInvariants.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost, nothing doubled: every distinct valid input ID ends in exactly one of added / already present /
 * ignored / failed, whatever mix of present IDs, credit shortage, duplicates, invalid values and API faults. This
 * class paces at 200 requests/s against a simulator without rate limit, to keep the fault runs short.
 */
class AccountingInvariantTest extends TamtamTestSupport {

    private static final String USER = TamtamSimulator.DEMO_USER_EMAIL;

    @Override
    protected TamtamSimulator startSimulator() {
        return TamtamSimulator.builder().rateLimit(0).start();
    }

    @Override
    protected void configure(TamtamConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestsPerSecond(200);
        configuration.setSkipInvalidIds(true);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithErrorHandler()
                .route("direct:add", "tamtam:keyAccounts")
                .route("direct:patient", "tamtam:keyAccounts?maxRetries=12")
                .route("direct:impatient", "tamtam:keyAccounts?maxRetries=1");
    }

    @Test
    void presentIdsShortCreditsDuplicatesAndInvalidValuesAreEachAccountedOnce() {
        List<String> valid = ids(500_000, 300);
        Account account = simulator.demoAccount();
        Set<String> seeded = new LinkedHashSet<>();
        for (int i = 0; i < valid.size(); i += 7) { // 43 present IDs spread over all batches
            account.addKeyAccount(USER, valid.get(i), null, 1);
            seeded.add(valid.get(i));
        }
        account.setCredits(150);
        List<Object> input = new ArrayList<>(valid);
        input.add(10, valid.get(3)); // duplicates, as text and as a number
        input.add(120, Long.valueOf(valid.get(200)));
        input.add(valid.get(299));
        input.add(25, "not-an-id");
        input.add(140, "12x");
        input.add("https://www.linkedin.com/company/acme/");
        input.add(60, 1.5);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(input));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEveryIdInExactlyOneOutcome(valid, result);
        assertTrue(result.isPaymentRequired());
        assertEquals(150, result.getNewlyAddedCompanyLinkedinIds().size(), "every credit is used, none twice");
        assertEquals(0, account.credits());
        assertEquals(150, account.usedCredits());
        assertTrue(result.getFailedCompanyLinkedinIds().isEmpty());
        assertEquals(List.of("not-an-id", "1.5", "12x", "https://www.linkedin.com/company/acme/"),
                result.getInvalidCompanyLinkedinIds().stream().map(InvalidCompanyLinkedinId::value).toList());
        assertEquals(List.of("not-an-id", "1.5", "12x", "https://www.linkedin.com/company/acme/"),
                out.getMessage().getHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS));

        // cross-check with the API's own state
        Set<String> inKeyAccounts = account.keyAccounts(USER).keySet();
        for (String id : result.getNewlyAddedCompanyLinkedinIds()) {
            // confirmed on retry: an attempt of unknown outcome may have added it, or it was there before
            assertTrue(inKeyAccounts.contains(id)
                    && (!seeded.contains(id) || result.getConfirmedOnRetryCompanyLinkedinIds().contains(id)), id);
        }
        assertTrue(seeded.containsAll(result.getAlreadyInKeyAccountsLinkedinIds()));
        for (String id : result.getIgnoredCompanyLinkedinIds()) {
            assertTrue(!inKeyAccounts.contains(id) || seeded.contains(id), id);
        }
        List<String> sentList = sentIds();
        Set<String> sent = new HashSet<>(sentList);
        assertEquals(sentList.size(), sent.size(), "an ID was sent twice");
        for (String id : result.getUnsentCompanyLinkedinIds()) {
            assertFalse(sent.contains(id), () -> id + " is reported unsent but was sent");
        }
        assertEquals(valid.size(), sentList.size() + result.getUnsentCompanyLinkedinIds().size());
    }

    @ParameterizedTest(name = "seed {0}, {1} credits, route {2}")
    @CsvSource({
            "11, 5000, direct:patient",
            "12, 700, direct:patient",
            "13, 5000, direct:impatient",
            "14, 600, direct:impatient"})
    void randomFaultsNeverLoseOrDoubleAnId(long seed, int credits, String route) throws Exception {
        Account account = simulator.demoAccount();
        account.setCredits(credits);
        List<String> valid = ids(900_000 + seed * 10_000, 1000);
        Set<String> seeded = new HashSet<>();
        for (int i = 5; i < valid.size(); i += 11) {
            account.addKeyAccount(USER, valid.get(i), null, 1);
            seeded.add(valid.get(i));
        }
        simulator.faults().random(seed, RandomFaults.none()
                .rateLimited(0.06)
                .serverError(0.06)
                .reset(0.04)
                .resetAfterProcessing(0.04)
                .malformedBody(0.04)
                .slow(0.04, Duration.ofMillis(150)));
        List<Object> input = new ArrayList<>(valid);
        input.addAll(valid.subList(0, 30)); // duplicates
        input.add(17, "bogus");

        CompletableFuture<Exchange> future = template.asyncSend(route, e -> e.getMessage().setBody(input));
        Exchange out = future.get(60, TimeUnit.SECONDS);

        KeyAccountsResult result = resultOf(out);
        assertEveryIdInExactlyOneOutcome(valid, result);
        assertEquals(List.of("bogus"),
                result.getInvalidCompanyLinkedinIds().stream().map(InvalidCompanyLinkedinId::value).toList());
        if (out.getException() != null) {
            assertFalse(result.getFailedCompanyLinkedinIds().isEmpty(), "a failed exchange names the failed IDs");
        } else {
            assertTrue(result.getFailedCompanyLinkedinIds().isEmpty(), result::toString);
        }

        // cross-check with the API's own state: what the result claims is what the API holds
        Set<String> inKeyAccounts = account.keyAccounts(USER).keySet();
        for (String id : result.getNewlyAddedCompanyLinkedinIds()) {
            // confirmed on retry: an attempt of unknown outcome may have added it, or it was there before
            assertTrue(inKeyAccounts.contains(id)
                    && (!seeded.contains(id) || result.getConfirmedOnRetryCompanyLinkedinIds().contains(id)), id);
        }
        for (String id : result.getAlreadyInKeyAccountsLinkedinIds()) {
            assertTrue(inKeyAccounts.contains(id), id);
        }
        for (String id : result.getIgnoredCompanyLinkedinIds()) {
            assertTrue(!inKeyAccounts.contains(id) || seeded.contains(id), id);
        }
        // credits are charged once per company that is new in the account, never per retry
        long addedToAccount = inKeyAccounts.stream().filter(id -> !seeded.contains(id)).count();
        assertEquals(addedToAccount, account.usedCredits());
        assertTrue(result.getNewlyAddedCompanyLinkedinIds().size()
                - result.getConfirmedOnRetryCompanyLinkedinIds().size() <= addedToAccount);
        assertEquals(simulator.requests("POST", ADD_PATH).size(), result.getRequestCount(),
                "every request the API saw is counted");
        Set<String> sent = new HashSet<>(sentIds());
        for (String id : result.getUnsentCompanyLinkedinIds()) {
            assertFalse(sent.contains(id), () -> id + " is reported unsent but was sent");
        }
    }

    private List<String> sentIds() {
        List<String> sent = new ArrayList<>();
        for (RecordedRequest r : simulator.requests("POST", ADD_PATH)) {
            sent.addAll(r.companyLinkedinIds());
        }
        return sent;
    }
}
