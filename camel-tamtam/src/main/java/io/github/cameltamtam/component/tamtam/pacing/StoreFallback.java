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
package io.github.cameltamtam.component.tamtam.pacing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.cameltamtam.component.tamtam.support.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the shared pacer's store is answering, or this replica paces on its own meanwhile. A store call that
 * failed or was not answered in time starts the fallback, with one WARN naming the store's type (never the key); a
 * probe (at most one per {@link #PROBE_INTERVAL_NANOS}, one at a time, on a nanosecond clock tests can move) that is
 * answered ends it, with one INFO. Counts the failed calls, and words the failure of a request the store gave no
 * slot to ({@code failOnPacerStoreFailure}).
 */
final class StoreFallback implements SharedStoreState {

    /** The shared pacer's logger: its fallback is what users watch for. */
    private static final Logger LOG = LoggerFactory.getLogger(SharedKeyPacer.class);

    /** How often, at most, a store that failed is asked again (one probe at a time). */
    static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String storeName;
    private final Duration storeTimeout;
    private final LongSupplier clock;
    /** True while the store is not answering: requests are paced by this JVM alone. */
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastFailureNanos;
    /** The store's last failure, the cause of the requests failed while it is not answering. */
    private volatile Throwable lastFailure;

    /**
     * @param storeName    the store's type, named in the log and in failures
     * @param storeTimeout the longest wait for one answer of the store ({@code pacerStoreTimeout})
     * @param clock        a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    StoreFallback(String storeName, Duration storeTimeout, LongSupplier clock) {
        this.storeName = storeName;
        this.storeTimeout = storeTimeout;
        this.clock = clock;
    }

    /** Whether the store is not answering: requests take no slot from it. */
    boolean active() {
        return down.get();
    }

    /** A store call failed or timed out: from now on, requests are paced by this JVM until a probe is answered. */
    void failed(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        lastFailure = cause;
        failures.incrementAndGet();
        lastFailureNanos = clock.getAsLong();
        if (down.compareAndSet(false, true)) {
            LOG.warn("The shared pacer's store ({}) {}: this replica paces its requests on its own (local and adaptive "
                    + "pacing) until the store answers again", storeName, describe(cause));
        }
    }

    /**
     * Asks a store that failed again through {@code call}, at most once per {@link #PROBE_INTERVAL_NANOS} since its
     * last failure and one call at a time; an answer ends the fallback.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callback completes nothing but this state
    void probe(Supplier<CompletableFuture<?>> call) {
        if (clock.getAsLong() - lastFailureNanos < PROBE_INTERVAL_NANOS || !probing.compareAndSet(false, true)) {
            return;
        }
        call.get().whenComplete((answer, error) -> {
            if (error != null) {
                failures.incrementAndGet();
                lastFailureNanos = clock.getAsLong();
            } else if (down.compareAndSet(true, false)) {
                LOG.info("The shared pacer's store ({}) answers again: requests take their slots from the shared "
                        + "bucket again", storeName);
            }
            probing.set(false);
        });
    }

    /**
     * The failure of a request the store gave no slot to, with {@code failOnPacerStoreFailure}.
     *
     * @param error the store call's failure, or null for a request that found the store already down (then the
     *              store's last failure is the cause)
     */
    PacerStoreException requestFailure(Throwable error) {
        Throwable cause = error == null ? lastFailure : Futures.unwrap(error);
        return new PacerStoreException("The shared pacer's store failed (" + storeName
                + (cause == null ? "" : ": " + describe(cause))
                + "); failOnPacerStoreFailure is set: request not sent", cause);
    }

    private String describe(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return "did not answer within " + storeTimeout.toMillis() + " ms (pacerStoreTimeout)";
        }
        return "failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    @Override
    public String storeName() {
        return storeName;
    }

    @Override
    public boolean answering() {
        return !down.get();
    }

    @Override
    public long failures() {
        return failures.get();
    }
}
