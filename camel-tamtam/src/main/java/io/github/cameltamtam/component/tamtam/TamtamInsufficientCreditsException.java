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

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;

/**
 * {@code creditCheck=fail}: the distinct IDs of the exchange exceed the remaining {@code MaxKeyAccountsUnlocked}
 * credits, so nothing was sent. {@link #getResult()} lists every ID as ignored and unsent. IDs already in Key Accounts
 * cost nothing, so the call might have needed fewer credits: {@link #getCreditsNeeded()} is an upper bound.
 */
public class TamtamInsufficientCreditsException extends TamtamPaymentRequiredException {

    private final int creditsNeeded;
    private final int creditsRemaining;

    public TamtamInsufficientCreditsException(int creditsNeeded, int creditsRemaining, KeyAccountsResult result) {
        super("Not enough TamTam credits: " + creditsNeeded + " distinct IDs need up to " + creditsNeeded
                + " MaxKeyAccountsUnlocked credits, " + creditsRemaining
                + " left; nothing was sent (creditCheck=fail). "
                + "IDs already in Key Accounts cost nothing, so fewer may be needed.", result);
        this.creditsNeeded = creditsNeeded;
        this.creditsRemaining = creditsRemaining;
    }

    /** Credits the exchange would need at most: its distinct valid IDs. */
    public int getCreditsNeeded() {
        return creditsNeeded;
    }

    /** Remaining MaxKeyAccountsUnlocked credits, as GET /v2/credits reported them. */
    public int getCreditsRemaining() {
        return creditsRemaining;
    }
}
