package io.github.cameltamtam.component.tamtam.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what some calls of one exchange did on the wire: HTTP requests sent (retries and 429 re-sends included) and
 * answers 429. Given to {@link TamtamClient#call}; thread-safe.
 */
public final class CallCounts implements CallListener {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();

    @Override
    public void requestSent() {
        requests.incrementAndGet();
    }

    @Override
    public void throttled() {
        throttled.incrementAndGet();
    }

    /** HTTP requests sent so far. */
    public int requests() {
        return requests.get();
    }

    /** Answers 429 so far. */
    public int throttledRequests() {
        return throttled.get();
    }

    @Override
    public String toString() {
        return "CallCounts[requests=" + requests + ", throttled=" + throttled + "]";
    }
}
