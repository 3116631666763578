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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameltamtam.component.tamtam.support.Watchdog;

/**
 * The calls of a {@link KeyAccountsBatchRun} in flight, by batch, until their answer is handled: handled once, by the
 * call's continuation or, when that was lost (an {@code Error} killed it), by the watchdog. Thread-safe.
 *
 * @param <A> the answer of a call
 */
final class BatchCalls<A> {

    private final Map<Integer, CompletableFuture<A>> calls = new HashMap<>();
    /** When the watchdog first saw the call of a batch answered but not handled. */
    private final Map<Integer, Long> answeredSince = new HashMap<>();

    /** The call of batch {@code index} is in flight. */
    synchronized void sent(int index, CompletableFuture<A> call) {
        calls.put(index, call);
    }

    /** Claims the answer of batch {@code index}: true once, for the one who handles it. */
    synchronized boolean claim(int index) {
        answeredSince.remove(index);
        return calls.remove(index) != null;
    }

    /**
     * The calls answered at least {@link Watchdog#GRACE_NANOS} before {@code nowNanos} (as first seen by this method)
     * whose answer is still not handled: their continuation was lost.
     */
    synchronized Map<Integer, CompletableFuture<A>> lost(long nowNanos) {
        Map<Integer, CompletableFuture<A>> lost = new HashMap<>();
        calls.forEach((index, call) -> {
            if (call.isDone()) {
                long since = answeredSince.computeIfAbsent(index, i -> nowNanos);
                if (nowNanos - since - Watchdog.GRACE_NANOS >= 0) {
                    lost.put(index, call);
                }
            }
        });
        return lost;
    }
}
