package io.github.cameltamtam.component.tamtam;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;

/**
 * The store of the shared pacer (the Bucket4j {@code ProxyManager} of the {@code pacerProxyManager} option) failed, so
 * the request waiting for a slot was not sent. Redelivering the exchange is safe and succeeds once the store is back:
 * IDs already added are answered as present, at no cost. The cause is the store's failure.
 */
public class TamtamPacerStoreException extends TamtamException {

    public TamtamPacerStoreException(String message, KeyAccountsResult result, Throwable cause) {
        super(message, result, cause);
    }

    @Override
    public TamtamPacerStoreException withResult(KeyAccountsResult result) {
        TamtamPacerStoreException copy = new TamtamPacerStoreException(getMessage(), result, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
