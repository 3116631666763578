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

import java.util.concurrent.CompletableFuture;

import io.github.cameltamtam.component.tamtam.client.CallCounts;
import io.github.cameltamtam.component.tamtam.credits.CreditsApi;
import io.github.cameltamtam.component.tamtam.model.Credits;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code tamtam:credits} producer: reads the account's credit lines ({@code GET /v2/credits}) through the
 * endpoint's client (the key's pacer, retries, bounded answers, key redaction) and leaves a {@link Credits} body, the
 * remaining {@code MaxKeyAccountsUnlocked} credits in {@code TamtamRemainingKeyAccountsCredits} and the request count
 * in {@code TamtamRequestCount}. Spends no credit; the message body is not read.
 */
public class CreditsProducer extends TamtamAsyncProducer<Credits> {

    private final TamtamEndpoint endpoint;

    public CreditsProducer(TamtamEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    /** The exchange property holding the call's counts until it completes. */
    private static final String COUNTS = "CamelTamtamCreditsCallCounts";

    @Override
    protected CompletableFuture<Credits> call(Exchange exchange) {
        CallCounts counts = new CallCounts();
        // the counts wait on the exchange, not in a stage after the call: nothing stands between it and its callback
        exchange.setProperty(COUNTS, counts);
        return endpoint.getClient().call(CreditsApi.credits(), counts);
    }

    @Override
    protected void complete(Exchange exchange, Credits credits, Throwable error) {
        if (exchange.removeProperty(COUNTS) instanceof CallCounts counts) {
            exchange.getMessage().setHeader(TamtamConstants.REQUEST_COUNT, counts.requests());
        }
        if (error != null) {
            exchange.setException(error);
            return;
        }
        Message message = exchange.getMessage();
        credits.remainingKeyAccountsCredits().ifPresent(remaining -> endpoint.getMetrics().creditsRemaining(remaining));
        message.setHeader(TamtamConstants.REMAINING_KEY_ACCOUNTS_CREDITS,
                credits.remainingKeyAccountsCredits().orElse(null));
        message.setBody(credits);
    }
}
