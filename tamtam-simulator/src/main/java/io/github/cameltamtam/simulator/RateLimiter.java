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
package io.github.cameltamtam.simulator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The simulator's rate limit: per API key, at most {@link #limit()} requests admitted in any rolling 1-second window,
 * kept as a sliding log of admitted arrival times. A rejected request is not added to the log, so it consumes no
 * allowance: a client that keeps retrying is admitted again as soon as the oldest admitted request leaves the window.
 * Requests without a key are never limited. Thread-safe.
 */
final class RateLimiter {

    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    private final LongSupplier nanoClock;
    /** Admitted arrival times per API key; guarded by {@code this}. */
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
    private volatile int limit;

    /**
     * @param limit     requests admitted per key in any 1-second window; 0 = unlimited
     * @param nanoClock the clock of arrivals, in nanoseconds ({@link System#nanoTime()} outside tests)
     */
    RateLimiter(int limit, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        setLimit(limit);
    }

    /** The arrival time of a request, and whether the limiter admitted it. */
    record Arrival(long nanos, boolean admitted) {
    }

    /**
     * Takes the arrival time of one request from the clock and decides on it.
     *
     * @param key the request's API key ({@code Authorization} header value), or {@code null}
     * @return the arrival; not admitted when the key already has {@link #limit()} admitted requests in the last second
     */
    synchronized Arrival arrive(String key) {
        long nanos = nanoClock.getAsLong();
        int max = limit;
        if (max == 0 || key == null || key.isEmpty()) {
            return new Arrival(nanos, true);
        }
        ArrayDeque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!window.isEmpty() && nanos - window.peekFirst() >= ONE_SECOND_NANOS) {
            window.pollFirst();
        }
        if (window.size() >= max) {
            return new Arrival(nanos, false);
        }
        window.addLast(nanos);
        return new Arrival(nanos, true);
    }

    /**
     * Sets the limit; it applies from the next arrival.
     *
     * @param requestsPerSecond requests admitted per key in any 1-second window; 0 = unlimited
     */
    void setLimit(int requestsPerSecond) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("rate limit must be >= 0: " + requestsPerSecond);
        }
        this.limit = requestsPerSecond;
    }

    /** Returns requests admitted per key in any 1-second window; 0 = unlimited. */
    int limit() {
        return limit;
    }
}
