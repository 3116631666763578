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
package io.github.cameltamtam.component.tamtam.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before retrying: exponential backoff from {@code retryDelay} with up to 50 % random
 * jitter, a server's {@code Retry-After} taking precedence, every wait capped by {@code maxRetryWait}. Throttling
 * (429) is not retried by this policy: the key's pacer waits, bounded in total by {@code maxThrottleWait}.
 *
 * @param maxRetries      retries after the first attempt, for 5xx, I/O errors and malformed answers
 * @param retryDelay      the first backoff
 * @param maxRetryWait    cap on any single wait; a longer Retry-After is not waited for
 * @param maxThrottleWait how long after its first 429 a request may still be sent again
 */
public record RetryPolicy(int maxRetries, Duration retryDelay, Duration maxRetryWait, Duration maxThrottleWait) {

    /** The backoff before retry number {@code retry} (1 for the first retry), random jitter included, capped. */
    public Duration backoff(int retry) {
        return backoff(retry, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The backoff before retry number {@code retry}: {@code retryDelay} doubled per retry, plus up to 50 % of it as
     * {@code random} (in [0, 1)) says, capped by {@code maxRetryWait}.
     */
    public Duration backoff(int retry, double random) {
        long base = retryDelay.toMillis() << Math.min(retry - 1, 20);
        long jittered = base + (long) (random * (base / 2 + 1));
        return Duration.ofMillis(Math.min(jittered, maxRetryWait.toMillis()));
    }

    /** Whether a server-requested wait is longer than this policy will wait. */
    public boolean exceedsCap(Duration wait) {
        return wait.compareTo(maxRetryWait) > 0;
    }
}
