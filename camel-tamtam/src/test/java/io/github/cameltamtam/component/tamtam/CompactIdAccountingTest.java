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
import java.util.List;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.cameltamtam.component.tamtam.ResultInvariants.assertEveryIdInExactlyOneOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * IDs kept as numbers and IDs kept as text (19 digits above {@code Long.MAX_VALUE}) side by side through real routes:
 * every ID is sent once, in input order, exactly as the normaliser made it, and ends in exactly one outcome list, in
 * input order — through payment required, the credit pre-flight's trim, a failed batch and a redelivery.
 */
class CompactIdAccountingTest extends TamtamTestSupport {

    private static final String ABOVE_LONG = "9223372036854775808";
    private static final String NINES = "9999999999999999999";
    private static final String URN_ABOVE_LONG = "9223372036854775809";
    private static final String TEXT_1 = "9300000000000000000";
    private static final String TEXT_2 = "9300000000000000001";
    private static final String MAX_LONG = "9223372036854775807";

    /** Duplicates (a number and a text ID), a URL, a URN with leading zeros, an invalid value. */
    private static final String CSV = String.join("\n", "0123", ABOVE_LONG,
            "https://www.linkedin.com/company/2045/", MAX_LONG, NINES, "urn:li:organization:000" + URN_ABOVE_LONG,
            "123", ABOVE_LONG, "abc", "1035", TEXT_1, "7", "000" + TEXT_2, "8", "0" + NINES) + "\n";
    private static final List<String> DISTINCT = List.of("123", ABOVE_LONG, "2045", MAX_LONG, NINES, URN_ABOVE_LONG,
            "1035", TEXT_1, "7", TEXT_2, "8");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batches-of-4")
                        .to("tamtam:keyAccounts?batchSize=4&maxConcurrentRequests=1&skipInvalidIds=true");
                from("direct:trim").to(
                        "tamtam:keyAccounts?batchSize=4&maxConcurrentRequests=1&skipInvalidIds=true&creditCheck=trim");
                from("direct:redelivered")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0)
                                .logExhausted(false).logRetryAttempted(false))
                        .to("tamtam:keyAccounts?batchSize=4&maxConcurrentRequests=1&maxRetries=0"
                                + "&skipInvalidIds=true");
            }
        };
    }

    @Test
    void numberAndTextIdsEndInExactlyOneOutcomeListEachInInputOrder() {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "2045", List.of(), 1);
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, NINES, List.of(), 1);
        simulator.demoAccount().setCredits(5);

        Exchange out = requestTo("direct:batches-of-4", CSV);

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(DISTINCT.subList(0, 8), receivedIds(), "batches 1 and 2, then payment required");
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEveryIdInExactlyOneOutcome(DISTINCT, result);
        assertEquals(List.of("123", ABOVE_LONG, MAX_LONG, URN_ABOVE_LONG, "1035"),
                result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("2045", NINES), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of(TEXT_1, "7", TEXT_2, "8"), result.getIgnoredCompanyLinkedinIds());
        assertEquals(List.of("7", TEXT_2, "8"), result.getUnsentCompanyLinkedinIds());
        assertEquals(List.of(), result.getFailedCompanyLinkedinIds());
        assertEquals(List.of(), result.getConfirmedOnRetryCompanyLinkedinIds());
        assertEquals(List.of("abc"),
                result.getInvalidCompanyLinkedinIds().stream().map(InvalidCompanyLinkedinId::value).toList());
        assertEquals("line 9", result.getInvalidCompanyLinkedinIds().get(0).location());
        assertEquals(2, result.getRequestCount());
        assertEquals(true, result.isPaymentRequired());
        assertHeadersShow(out.getMessage(), result);
    }

    @Test
    void theCreditCheckTrimsTheLastIdsNumbersAndTextAlike() {
        simulator.demoAccount().setCredits(6);

        Exchange out = requestTo("direct:trim", CSV);

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(DISTINCT.subList(0, 6), receivedIds());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEveryIdInExactlyOneOutcome(DISTINCT, result);
        assertEquals(DISTINCT.subList(0, 6), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(DISTINCT.subList(6, 11), result.getIgnoredCompanyLinkedinIds());
        assertEquals(DISTINCT.subList(6, 11), result.getUnsentCompanyLinkedinIds());
        assertEquals(List.of(), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of(), result.getFailedCompanyLinkedinIds());
        assertHeadersShow(out.getMessage(), result);
    }

    @Test
    void aFailedBatchIsRedeliveredAndItsTextIdsAreConfirmedOnRetry() {
        simulator.faults().enqueue("/v2/key-accounts", Fault.delay(Duration.ZERO)); // batch 1 passes
        simulator.faults().enqueue("/v2/key-accounts", Fault.status(503)); // batch 2 fails: the exchange fails

        Exchange out = requestTo("direct:redelivered", CSV);

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(1, out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEveryIdInExactlyOneOutcome(DISTINCT, result);
        assertEquals(DISTINCT, result.getNewlyAddedCompanyLinkedinIds(), "all added by this exchange, in input order");
        assertEquals(DISTINCT.subList(0, 4), result.getConfirmedOnRetryCompanyLinkedinIds(),
                "the first delivery added batch 1 (number and text IDs); the redelivery found them present");
        assertEquals(List.of(), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of(), result.getFailedCompanyLinkedinIds());
        assertEquals(DISTINCT.size(), simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).size());
        assertHeadersShow(out.getMessage(), result);
    }

    private static void assertHeadersShow(Message message, KeyAccountsResult result) {
        assertEquals(result.getNewlyAddedCompanyLinkedinIds(),
                message.getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(result.getAlreadyInKeyAccountsLinkedinIds(),
                message.getHeader(TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS));
        assertEquals(result.getIgnoredCompanyLinkedinIds(),
                message.getHeader(TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS));
        assertEquals(result.getUnsentCompanyLinkedinIds(),
                message.getHeader(TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS));
        assertEquals(result.getFailedCompanyLinkedinIds(),
                message.getHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS));
        assertEquals(result.getConfirmedOnRetryCompanyLinkedinIds(),
                message.getHeader(TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_LINKEDIN_IDS));
    }
}
