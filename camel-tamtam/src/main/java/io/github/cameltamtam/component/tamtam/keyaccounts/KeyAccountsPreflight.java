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

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntConsumer;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.TamtamCreditCheck;
import io.github.cameltamtam.component.tamtam.TamtamException;
import io.github.cameltamtam.component.tamtam.TamtamInsufficientCreditsException;
import io.github.cameltamtam.component.tamtam.client.CallCounts;
import io.github.cameltamtam.component.tamtam.client.CallListener;
import io.github.cameltamtam.component.tamtam.model.Credits;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.component.tamtam.support.Futures;
import io.github.cameltamtam.component.tamtam.support.Watchdog;

/**
 * The credit pre-flight of {@code tamtam:keyAccounts} ({@code creditCheck=fail|trim}): reads the remaining
 * {@code MaxKeyAccountsUnlocked} credits before the first batch and decides what may be sent. With {@code fail}, more
 * distinct IDs than credits fail the exchange with a {@link TamtamInsufficientCreditsException} before any add
 * request; with {@code trim}, the IDs beyond the credits (the last ones, in input order) are not sent and are reported
 * as ignored and unsent, with {@code TamtamPaymentRequired=true}. The credits request counts in the request count;
 * should it fail, nothing is sent and every ID is reported as failed.
 */
public final class KeyAccountsPreflight {

    private final Function<CallListener, CompletableFuture<Credits>> readCredits;
    private final TamtamCreditCheck mode;
    private final List<String> ids;
    private final RequestParameters parameters;
    private final List<InvalidCompanyLinkedinId> invalid;
    private final CallCounts counts = new CallCounts();
    private final Watchdog watchdog;

    /**
     * @param readCredits reads the account's credits ({@code GET /v2/credits}), telling the given listener of its
     *                    requests
     * @param watchdog    runs what follows each answer should its continuation be lost
     */
    public KeyAccountsPreflight(Function<CallListener, CompletableFuture<Credits>> readCredits, TamtamCreditCheck mode,
            List<String> ids, RequestParameters parameters,
            List<InvalidCompanyLinkedinId> invalid, Watchdog watchdog) {
        this.readCredits = readCredits;
        this.watchdog = watchdog;
        this.mode = mode;
        this.ids = ids;
        this.parameters = parameters;
        this.invalid = invalid;
    }

    /**
     * Reads the credits, then sends what they allow with {@code send}. Each step after an answer runs through the
     * watchdog, so that an Error that kills its continuation cannot leave the exchange waiting.
     *
     * @param remaining told the remaining credits once they are read
     * @param send      sends some of the IDs (a prefix, in input order) and completes with their result
     */
    public CompletableFuture<KeyAccountsResult> run(IntConsumer remaining,
            Function<List<String>, CompletableFuture<KeyAccountsResult>> send) {
        CompletableFuture<KeyAccountsResult> outcome = new CompletableFuture<>();
        watchdog.whenComplete(readCredits.apply(counts),
                (credits, error) -> afterCredits(credits, error, remaining, send, outcome), outcome,
                "The answer of the credit check");
        return outcome;
    }

    /** The credits came (or failed): fails, or sends what they allow. */
    private void afterCredits(Credits credits, Throwable error, IntConsumer remaining,
            Function<List<String>, CompletableFuture<KeyAccountsResult>> send,
            CompletableFuture<KeyAccountsResult> outcome) {
        if (error != null) {
            outcome.completeExceptionally(withResult(Futures.unwrap(error), allFailed()));
            return;
        }
        Optional<Integer> line = credits.remainingKeyAccountsCredits();
        if (line.isEmpty()) {
            outcome.completeExceptionally(TamtamApiException.unusableAnswer("GET /v2/credits lists no "
                    + Credits.KEY_ACCOUNTS_CREDIT_TYPE + " line: the credit check cannot be made; nothing was sent",
                    200,
                    null).withResult(allFailed()));
            return;
        }
        int left = line.get();
        remaining.accept(left);
        int affordable = Math.min(ids.size(), Math.max(0, left));
        List<String> unaffordable = ids.subList(affordable, ids.size());
        if (mode == TamtamCreditCheck.fail && !unaffordable.isEmpty()) {
            outcome.completeExceptionally(new TamtamInsufficientCreditsException(ids.size(), left,
                    notSent(empty(), ids)));
            return;
        }
        List<String> toSend = ids.subList(0, affordable);
        CompletableFuture<KeyAccountsResult> sent = toSend.isEmpty()
                ? CompletableFuture.completedFuture(empty()) : send.apply(toSend);
        watchdog.whenComplete(sent, (result, sendError) -> afterSending(result, sendError, unaffordable, outcome),
                outcome, "The outcome of the batches the credits allowed");
    }

    /** What was sent is done: its result, plus the IDs the credits did not allow. */
    private void afterSending(KeyAccountsResult result, Throwable sendError, List<String> unaffordable,
            CompletableFuture<KeyAccountsResult> outcome) {
        if (sendError != null) {
            Throwable cause = Futures.unwrap(sendError);
            KeyAccountsResult partial = cause instanceof TamtamException t ? t.getResult() : null;
            outcome.completeExceptionally(
                    partial == null ? cause : withResult(cause, notSent(partial, unaffordable)));
            return;
        }
        outcome.complete(notSent(result, unaffordable));
    }

    /** {@code result} plus the IDs never sent for lack of credits (ignored and unsent), plus the credits request. */
    private KeyAccountsResult notSent(KeyAccountsResult result, List<String> unaffordable) {
        return result.withNotSent(unaffordable, counts.requests());
    }

    private KeyAccountsResult empty() {
        return KeyAccountsResult.empty(parameters.tags(), parameters.tierLevel(), invalid);
    }

    private KeyAccountsResult allFailed() {
        return KeyAccountsResult.allFailed(parameters.tags(), parameters.tierLevel(), invalid, ids, counts.requests());
    }

    /** The same failure, carrying {@code result}. */
    private static Throwable withResult(Throwable error, KeyAccountsResult result) {
        return TamtamException.of(error, result);
    }
}
