package io.github.cameltamtam.component.tamtam;

/**
 * The credit pre-flight of {@code tamtam:keyAccounts} ({@code creditCheck}): whether, before the first batch, the
 * remaining {@code MaxKeyAccountsUnlocked} credits are read and compared with the distinct IDs to send. IDs already in
 * Key Accounts cost nothing, so the comparison is an upper bound of what the call will spend.
 */
public enum TamtamCreditCheck {

    /** No pre-flight (the default): batches are sent until the API answers {@code payment_required}. */
    off,

    /** Fail the exchange before any add request when the distinct IDs exceed the remaining credits. */
    fail,

    /** Send only as many IDs as there are credits, in input order; report the rest as ignored and unsent. */
    trim
}
