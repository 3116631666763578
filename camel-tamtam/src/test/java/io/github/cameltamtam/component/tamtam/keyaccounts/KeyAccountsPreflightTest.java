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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.TamtamCreditCheck;
import io.github.cameltamtam.component.tamtam.TamtamInsufficientCreditsException;
import io.github.cameltamtam.component.tamtam.client.CallListener;
import io.github.cameltamtam.component.tamtam.model.CreditLine;
import io.github.cameltamtam.component.tamtam.model.Credits;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.component.tamtam.support.Watchdog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credit pre-flight with a fake credits answer and a fake send: what may be sent, what is reported unsent, and the
 * credits request counted, before any add request.
 */
class KeyAccountsPreflightTest {

    private static final RequestParameters PARAMETERS = new RequestParameters("ops@example.com", null, null);
    private static final List<String> IDS = List.of("1", "2", "3", "4", "5");

    private final List<List<String>> sent = new ArrayList<>();
    private final AtomicInteger remainingHeader = new AtomicInteger(-1);

    /** Sends the IDs: each is added; one request. */
    private CompletableFuture<KeyAccountsResult> addAll(List<String> ids) {
        sent.add(ids);
        return CompletableFuture.completedFuture(new KeyAccountsResult(ids, List.of(), List.of(), false, null, null,
                List.of(), List.of(), List.of(), 1));
    }

    @Test
    void enoughCreditsSendEveryIdAndCountTheCreditsRequest() {
        KeyAccountsResult result = run(TamtamCreditCheck.fail, credits(10), this::addAll).join();

        assertEquals(List.of(IDS), sent);
        assertEquals(IDS, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(2, result.getRequestCount(), "the add request and the credits request");
        assertEquals(10, remainingHeader.get());
    }

    @Test
    void trimSendsWhatTheCreditsAllowAndReportsTheRestIgnoredAndUnsent() {
        KeyAccountsResult result = run(TamtamCreditCheck.trim, credits(3), this::addAll).join();

        assertEquals(List.of(List.of("1", "2", "3")), sent, "the first IDs, in input order");
        assertEquals(List.of("1", "2", "3"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("4", "5"), result.getIgnoredCompanyLinkedinIds());
        assertEquals(List.of("4", "5"), result.getUnsentCompanyLinkedinIds());
        assertTrue(result.isPaymentRequired());
    }

    @Test
    void trimWithNoCreditSendsNothing() {
        KeyAccountsResult result = run(TamtamCreditCheck.trim, credits(0), this::addAll).join();

        assertEquals(List.of(), sent);
        assertEquals(IDS, result.getUnsentCompanyLinkedinIds());
        assertEquals(1, result.getRequestCount(), "the credits request only");
    }

    @Test
    void failWithTooFewCreditsFailsBeforeAnyAddRequest() {
        CompletionException thrown = assertThrows(CompletionException.class,
                () -> run(TamtamCreditCheck.fail, credits(4), this::addAll).join());

        TamtamInsufficientCreditsException e = assertInstanceOf(TamtamInsufficientCreditsException.class,
                thrown.getCause());
        assertEquals(List.of(), sent);
        assertEquals(5, e.getCreditsNeeded());
        assertEquals(4, e.getCreditsRemaining());
        assertEquals(IDS, e.getResult().getUnsentCompanyLinkedinIds(), "every ID accounted for: not sent");
    }

    @Test
    void aFailedCreditsRequestSendsNothingAndReportsEveryIdFailed() {
        Function<CallListener, CompletableFuture<Credits>> down = counts -> {
            counts.requestSent();
            return CompletableFuture.failedFuture(TamtamApiException.answered("TamTam API answered 503", 503, null,
                    null));
        };

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> run(TamtamCreditCheck.fail, down, this::addAll).join());

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, thrown.getCause());
        assertEquals(503, e.getStatusCode());
        assertEquals(List.of(), sent);
        assertEquals(IDS, e.getResult().getFailedCompanyLinkedinIds());
        assertEquals(1, e.getResult().getRequestCount());
    }

    @Test
    void creditsWithoutTheKeyAccountsLineSendNothing() {
        Function<CallListener, CompletableFuture<Credits>> other = counts -> {
            counts.requestSent();
            return CompletableFuture.completedFuture(new Credits(List.of(new CreditLine("Other", 9, 9, 0))));
        };

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> run(TamtamCreditCheck.trim, other, this::addAll).join());

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, thrown.getCause());
        assertEquals(List.of(), sent);
        assertEquals(IDS, e.getResult().getFailedCompanyLinkedinIds());
    }

    @Test
    void aSendThatFailsWithAResultStillReportsTheTrimmedIds() {
        Function<List<String>, CompletableFuture<KeyAccountsResult>> failing = ids -> {
            sent.add(ids);
            KeyAccountsResult partial = new KeyAccountsResult(List.of("1"), List.of(), List.of(), false, null, null,
                    List.of(), List.of(), List.of("2"), 2);
            return CompletableFuture.failedFuture(new CompletionException(
                    TamtamApiException.answered("TamTam API answered 500", 500, null, null).withResult(partial)));
        };

        CompletionException thrown = assertThrows(CompletionException.class,
                () -> run(TamtamCreditCheck.trim, credits(2), failing).join());

        TamtamApiException e = assertInstanceOf(TamtamApiException.class, thrown.getCause());
        KeyAccountsResult result = e.getResult();
        assertEquals(List.of("1"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of("2"), result.getFailedCompanyLinkedinIds());
        assertEquals(List.of("3", "4", "5"), result.getUnsentCompanyLinkedinIds());
        assertEquals(3, result.getRequestCount(), "two add requests and the credits request");
    }

    private CompletableFuture<KeyAccountsResult> run(TamtamCreditCheck mode,
            Function<CallListener, CompletableFuture<Credits>> credits,
            Function<List<String>, CompletableFuture<KeyAccountsResult>> send) {
        return new KeyAccountsPreflight(credits, mode, IDS, PARAMETERS, List.of(),
                new Watchdog(System::nanoTime, null)).run(remainingHeader::set, send);
    }

    /** A credits answer with {@code remaining} Key Accounts credits, after one request. */
    private static Function<CallListener, CompletableFuture<Credits>> credits(int remaining) {
        return counts -> {
            counts.requestSent();
            return CompletableFuture.completedFuture(new Credits(List.of(
                    new CreditLine(Credits.KEY_ACCOUNTS_CREDIT_TYPE, remaining, 100, 100 - remaining))));
        };
    }
}
