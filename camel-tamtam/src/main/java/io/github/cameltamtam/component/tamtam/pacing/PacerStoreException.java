package io.github.cameltamtam.component.tamtam.pacing;

/**
 * The store a shared pacer takes its slots from (the Bucket4j {@code ProxyManager} of the {@code pacerProxyManager}
 * option) failed, so no slot was given: the request it was for was not sent.
 */
public class PacerStoreException extends RuntimeException {

    public PacerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
