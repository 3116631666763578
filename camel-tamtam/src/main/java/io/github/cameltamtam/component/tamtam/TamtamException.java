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

    /**
     * The same failure carrying {@code result}, of the same type. The failures built with their result (running out of
     * credits, not enough credits, invalid input) return themselves.
     */
    public TamtamException withResult(KeyAccountsResult result) {
        TamtamException copy = new TamtamException(getMessage(), result, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * {@code error} as the component raises it: a {@code TamtamException} as it is, anything else (a failure no
     * other type describes) wrapped as its cause, carrying {@code result} (or null).
     */
    public static TamtamException of(Throwable error, KeyAccountsResult result) {
        if (error instanceof TamtamException tamtam) {
            return result == null ? tamtam : tamtam.withResult(result);
        }
        return new TamtamException("TamTam request failed: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")"), result, error);
    }
}
