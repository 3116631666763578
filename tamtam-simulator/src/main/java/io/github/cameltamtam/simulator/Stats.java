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

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one simulator. A counter is updated before the answer (or reset) is written, so a client that has
 * its answer sees it counted. Thread-safe.
 */
public final class Stats {

    private final RequestLog log;
    private final LongAdder total = new LongAdder();
    private final LongAdder resets = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder streamedBytes = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    Stats(RequestLog log) {
        this.log = log;
    }

    /** Returns requests received (answered, reset or still in progress). */
    public long total() {
        return total.sum();
    }

    /**
     * Returns requests answered with that status (a malformed-body answer counts as 200; resets count under none).
     *
     * @param status an HTTP status
     * @return requests answered with that status (a malformed-body answer counts as 200; resets count under none)
     */
    public long byStatus(int status) {
        LongAdder a = byStatus.get(status);
        return a == null ? 0 : a.sum();
    }

    /** Returns connections reset by a {@link Fault#reset()} or {@link Fault#resetAfterProcessing()} fault. */
    public long resets() {
        return resets.sum();
    }

    /** Returns answers sent with a malformed body. */
    public long malformed() {
        return malformed.sum();
    }

    /** Returns body bytes written by {@link Fault#endlessBody()} answers, so far. */
    public long streamedBytes() {
        return streamedBytes.sum();
    }

    void streamed(long bytes) {
        streamedBytes.add(bytes);
    }

    /** Returns 429 answers, from the rate limiter or from faults. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /**
     * The most requests carrying this API key that arrived within any 1-second window (half-open interval of
     * 1 s), computed from the recorded arrivals of <em>all</em> requests whose {@code Authorization} header is
     * exactly {@code apiKey}, including those the rate limiter rejected. Based on the recorded requests, so
     * {@link TamtamSimulator#clearRequests()} resets it.
     *
     * @param apiKey the raw API key
     * @return the maximum count, 0 if none
     */
    public int maxRequestsInAnyOneSecondWindow(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        long[] t = log.arrivalsOf(apiKey);
        int max = 0;
        int i = 0;
        for (int j = 0; j < t.length; j++) {
            while (t[j] - t[i] >= 1_000_000_000L) {
                i++;
            }
            max = Math.max(max, j - i + 1);
        }
        return max;
    }

    /** Sets every counter to zero (recorded requests are not touched). */
    public void reset() {
        total.reset();
        resets.reset();
        malformed.reset();
        rateLimited.reset();
        byStatus.clear();
    }

    void received() {
        total.increment();
    }

    void answered(int status, boolean malformedBody) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 429) {
            rateLimited.increment();
        }
        if (malformedBody) {
            malformed.increment();
        }
    }

    void connectionReset() {
        resets.increment();
    }

    @Override
    public String toString() {
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.sum()));
        return "Stats[total=" + total() + ", byStatus=" + statuses + ", resets=" + resets() + ", malformed="
                + malformed() + ", rateLimited=" + rateLimited() + "]";
    }
}
