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
