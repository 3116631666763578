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
