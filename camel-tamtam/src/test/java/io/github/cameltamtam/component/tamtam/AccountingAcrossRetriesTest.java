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
import java.util.stream.IntStream;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.Fault;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What an exchange reports and counts when an attempt may have added IDs before it failed: the server processed a
 * batch and reset the connection, so the component's retry is answered "already present"; or a delivery added one
 * batch, failed on the next and was redelivered by the route's error handler. Those IDs are reported added by this
 * exchange ("confirmed on retry"), never as present before it, and the endpoint metrics count every ID once.
 */
class AccountingAcrossRetriesTest extends TamtamTestSupport {

    private static final String PATH = "/api/v2/key-accounts";
    private static final String ONE_ATTEMPT = "tamtam:keyAccounts?maxRetries=3";
    private static final String REDELIVERED = "tamtam:keyAccounts?maxRetries=0&batchSize=50&maxConcurrentRequests=1";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:one-attempt").to(ONE_ATTEMPT);
                from("direct:redelivered")
                        .errorHandler(
                                defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0).logExhausted(false)
                                        .logRetryAttempted(false))
                        .to(REDELIVERED);
            }
        };
    }

    @Test
    void aBatchProcessedBeforeTheConnectionWasResetIsReportedAddedConfirmedOnRetry() {
        simulator.faults().enqueue(PATH, Fault.resetAfterProcessing());
        int creditsBefore = simulator.demoAccount().credits();
        List<String> ids = List.of("11", "12", "13", "14", "15");

        Exchange out = requestTo("direct:one-attempt", ids);

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids, result.getConfirmedOnRetryCompanyLinkedinIds());
        assertEquals(List.of(), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(ids, out.getMessage().getHeader(TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_LINKEDIN_IDS));
        assertEquals(5, out.getMessage().getHeader(TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_COUNT));
        assertEquals(creditsBefore - 5, simulator.demoAccount().credits(),
                "the first, reset attempt spent the credits");
        assertEquals(2, simulator.requests("POST", PATH).size());
        TamtamEndpoint endpoint = context.getEndpoint(ONE_ATTEMPT, TamtamEndpoint.class);
        assertEquals(5, endpoint.getIdsAdded());
        assertEquals(0, endpoint.getIdsAlreadyPresent());
    }

    @Test
    void idsPresentBeforeTheExchangeStayAlreadyPresentWhenNoAttemptFailed() {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "21", List.of(), 1);

        KeyAccountsResult result = requestTo("direct:one-attempt", List.of("21", "22")).getMessage()
                .getBody(KeyAccountsResult.class);

        assertEquals(List.of("22"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("21"), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(List.of(), result.getConfirmedOnRetryCompanyLinkedinIds());
    }

    @Test
    void aRedeliveredExchangeReportsTheFirstDeliverysIdsAddedAndCountsEveryIdOnce() {
        List<String> ids = IntStream.rangeClosed(1001, 1100).mapToObj(String::valueOf).toList();
        simulator.faults().enqueue(PATH, Fault.delay(Duration.ZERO)); // the first batch passes
        simulator.faults().enqueue(PATH, Fault.status(503)); // the second fails: the exchange fails, is redelivered
        int creditsBefore = simulator.demoAccount().credits();

        Exchange out = requestTo("direct:redelivered", ids);

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(1, out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(ids, result.getNewlyAddedCompanyLinkedinIds(), "all 100 added by this exchange, in input order");
        assertEquals(ids.subList(0, 50), result.getConfirmedOnRetryCompanyLinkedinIds(),
                "the first delivery added them; the redelivery found them present");
        assertEquals(List.of(), result.getAlreadyInKeyAccountsLinkedinIds());
        assertEquals(creditsBefore - 100, simulator.demoAccount().credits());
        TamtamEndpoint endpoint = context.getEndpoint(REDELIVERED, TamtamEndpoint.class);
        assertEquals(100, endpoint.getIdsAdded(), "each ID counted once for the exchange");
        assertEquals(0, endpoint.getIdsAlreadyPresent());
        assertEquals(0, endpoint.getIdsFailed());
    }

    @Test
    void anExchangeThatFailsForGoodIsCountedOnceWithItsLastResult() {
        List<String> ids = IntStream.rangeClosed(2001, 2100).mapToObj(String::valueOf).toList();
        simulator.faults().enqueue(PATH, Fault.delay(Duration.ZERO));
        simulator.faults().enqueue(PATH, Fault.status(503));
        simulator.faults().enqueue(PATH, Fault.delay(Duration.ZERO));
        simulator.faults().enqueue(PATH, Fault.status(503));

        Exchange out = requestTo("direct:redelivered", ids);

        TamtamApiException e = (TamtamApiException) out.getException();
        assertEquals(ids.subList(0, 50), e.getResult().getNewlyAddedCompanyLinkedinIds());
        assertEquals(ids.subList(0, 50), e.getResult().getConfirmedOnRetryCompanyLinkedinIds());
        assertEquals(ids.subList(50, 100), e.getResult().getFailedCompanyLinkedinIds());
        TamtamEndpoint endpoint = context.getEndpoint(REDELIVERED, TamtamEndpoint.class);
        assertEquals(50, endpoint.getIdsAdded(), "the last delivery's result, counted once");
        assertEquals(50, endpoint.getIdsFailed());
        assertEquals(0, endpoint.getIdsAlreadyPresent());
    }
}
