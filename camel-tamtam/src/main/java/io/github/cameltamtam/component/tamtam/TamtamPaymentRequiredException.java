package io.github.cameltamtam.component.tamtam;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;

/**
 * The account ran out of credits during the exchange and {@code failOnPaymentRequired=true}. {@link #getResult()} says
 * which IDs were added, already present, ignored and never sent.
 */
public class TamtamPaymentRequiredException extends TamtamException {

    public TamtamPaymentRequiredException(KeyAccountsResult result) {
        super("TamTam account ran out of credits: " + result.getNewlyAddedCompanyLinkedinIds().size() + " added, "
                + result.getIgnoredCompanyLinkedinIds().size() + " ignored ("
                + result.getUnsentCompanyLinkedinIds().size() + " never sent)", result, null);
    }

    protected TamtamPaymentRequiredException(String message, KeyAccountsResult result) {
        super(message, result, null);
    }

    /** Built with its result: returns itself. */
    @Override
    public TamtamException withResult(KeyAccountsResult result) {
        return this;
    }
}
