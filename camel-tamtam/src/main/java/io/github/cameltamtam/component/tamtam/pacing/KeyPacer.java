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
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Decides when the next request with one API key may be sent. One per API key and base URL for a whole CamelContext
 * ({@link KeyPacers}), so every endpoint and exchange using the key shares it. Waiting never blocks a thread.
 * <p>
 * The modes: {@link LocalKeyPacer} paces this JVM only (the default, nothing to set up); {@link SharedKeyPacer} takes
 * every request's slot from one Bucket4j bucket in a store all replicas share (the {@code pacerProxyManager}
 * option); {@link AdaptiveKeyPacer} wraps either and slows down when the API answers 429 (always on).
 */
public interface KeyPacer {

    /**
     * Waits for the moment the next request may be sent.
     *
     * @param  scheduler where waits are scheduled
     * @param  wanted    the request: asked when the slot comes, right before it would start (false gives the slot
     *                   up), and told how long each wait will be
     * @return           completes with the permit when the request may go now (send it at once, then call
     *                   {@link Permit#finished()} when the answer, or a failure, has come), with {@code null} when
     *                   {@code wanted} said no, or exceptionally when the pacer cannot work (e.g. its store failed).
     *                   Completing the returned future from outside (e.g. to fail the call) gives the slot up.
     */
    CompletableFuture<Permit> acquire(ScheduledExecutorService scheduler, Waiter wanted);

    /**
     * The API answered 429 to a request with this key: slow down every request with the key.
     *
     * @param pause how long nothing should be sent (at least the API's 1-second window, or its Retry-After)
     */
    void throttled(Duration pause);

    /** Lowers the rate when another endpoint sharing the key asks for less; never raises it. */
    void limitTo(double requestsPerSecond);

    /** The shared store this pacer takes its slots from, or null when it paces this JVM only. */
    default SharedStoreState sharedStore() {
        return null;
    }

    /** Ends what this pacer runs of its own (threads waiting on a store); nothing for a pacer without any. */
    default void close() {
        // nothing to end
    }

    /**
     * A request waiting for its slot. Besides saying whether it is still wanted, it is told of every wait the pacer
     * schedules for it: a wait whose end never comes (its task was lost to an {@code Error}) is how the request knows
     * that it must not wait any longer.
     */
    @FunctionalInterface
    interface Waiter {

        /** Asked when the slot comes, right before the request would start: false gives the slot up. */
        boolean wanted();

        /** The pacer comes back to this request within {@code nanos} (a scheduled wait, a call of its store). */
        default void waitsAtMost(long nanos) {
            // a request that does not watch its waits
        }

        /**
         * The request waits for other requests of the key (the answer of the first one, the slots reserved ahead),
         * each of them bounded: there is no bound of its own.
         */
        default void waitsForOthers() {
            // a request that does not watch its waits
        }

        /** This waiter, wanted only while {@code condition} also holds; told of the same waits. */
        default Waiter and(BooleanSupplier condition) {
            Waiter outer = this;
            return new Waiter() {
                @Override
                public boolean wanted() {
                    return condition.getAsBoolean() && outer.wanted();
                }

                @Override
                public void waitsAtMost(long nanos) {
                    outer.waitsAtMost(nanos);
                }

                @Override
                public void waitsForOthers() {
                    outer.waitsForOthers();
                }
            };
        }
    }

    /** A granted slot; the request is being sent. */
    @FunctionalInterface
    interface Permit {

        /** The answer, or a failure, of the request has come; calling it again has no further effect. */
        void finished();
    }
}
