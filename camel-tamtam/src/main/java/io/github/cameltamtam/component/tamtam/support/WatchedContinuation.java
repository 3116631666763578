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
package io.github.cameltamtam.component.tamtam.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a future, run exactly once: by the future's continuation, or, when that was lost (an {@code Error}
 * killed it, or the stage that would have run it), by the {@link Watchdog} once the future has been complete for
 * {@link Watchdog#GRACE_NANOS}. An action that throws fails its target future with what it threw; should that fail
 * too (no memory yet), the watchdog fails the target at a later tick. Made by {@link Watchdog#whenComplete}.
 *
 * @param <T> what the future completes with
 */
final class WatchedContinuation<T> implements Watchdog.Watched {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final CompletableFuture<T> source;
    private final BiConsumer<? super T, ? super Throwable> action;
    private final CompletableFuture<?> target;
    private final String what;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Throwable thrown;
    private boolean seenDone;
    private long doneSince;

    WatchedContinuation(CompletableFuture<T> source, BiConsumer<? super T, ? super Throwable> action,
            CompletableFuture<?> target, String what) {
        this.source = source;
        this.action = action;
        this.target = target;
        this.what = what;
    }

    /** Runs the action, unless it has run (or is running) already. */
    void run(T value, Throwable error) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            action.accept(value, error);
        } catch (Throwable t) { // an Error too: the target fails with it, now or at a later tick
            thrown = t;
            if (target != null) {
                target.completeExceptionally(t);
            }
        }
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the source is complete: the action runs at once
    public boolean check(long nowNanos) {
        if (started.get()) {
            Throwable t = thrown;
            if (t == null || target == null || target.isDone()) {
                return true;
            }
            target.completeExceptionally(t); // it could not be failed when the action threw
            return target.isDone();
        }
        if (!source.isDone()) {
            return false;
        }
        if (!seenDone) {
            seenDone = true;
            doneSince = nowNanos;
            return false;
        }
        if (nowNanos - doneSince - Watchdog.GRACE_NANOS < 0) {
            return false;
        }
        LOG.warn("{} came, but what follows it never ran (its continuation was lost, e.g. to an OutOfMemoryError): run "
                + "now", what);
        source.handle((value, error) -> {
            run(value, error);
            return null;
        });
        return false; // asked again: done once the action ran, or its failure reached the target
    }
}
