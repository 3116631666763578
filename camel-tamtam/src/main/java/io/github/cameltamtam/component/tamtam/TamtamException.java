package io.github.cameltamtam.component.tamtam;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.RuntimeCamelException;

/**
 * Base of the exceptions a {@code tamtam:} exchange fails with. When requests were already made, {@link #getResult()}
 * says what happened to every ID so far (nothing is lost); otherwise it is null. Messages never contain the API key.
 */
public class TamtamException extends RuntimeCamelException {

    private final transient KeyAccountsResult result;

    public TamtamException(String message, KeyAccountsResult result, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    public TamtamException(String message) {
        this(message, null, null);
    }

    /** What happened to every company ID of the exchange up to the failure, or null when nothing was sent. */
    public KeyAccountsResult getResult() {
        return result;
    }
}
