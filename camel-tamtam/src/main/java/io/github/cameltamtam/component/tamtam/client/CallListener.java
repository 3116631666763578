package io.github.cameltamtam.component.tamtam.client;

/**
 * Told by a {@link TamtamClient} what its calls do on the wire, for metrics. Called on the client's threads: keep it
 * quick and non-blocking.
 */
public interface CallListener {

    /** Listens to nothing. */
    CallListener NONE = new CallListener() {
    };

    /** An HTTP request (a first attempt or a retry) is being sent. */
    default void requestSent() {
    }

    /** A failed attempt (5xx, I/O error, malformed answer) will be retried; a 429 is {@link #throttled()} instead. */
    default void retrying() {
    }

    /** The API answered 429 Too Many Requests. */
    default void throttled() {
    }

    /**
     * An attempt got no usable answer although the server may have processed it: the connection was reset or timed out
     * after sending, the answer was malformed, or it was a 500, 502 or 504. An ID a later attempt reports present may
     * have been added by this one.
     */
    default void outcomeUnknown() {
    }
}
