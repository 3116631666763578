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
import java.util.concurrent.TimeUnit;

/**
 * The in-JVM pacer, the default: the {@link PacerSlots} slots of one key, waited for on the caller's scheduler. It
 * knows nothing of other JVMs using the key; 429s are handled by the {@link AdaptiveKeyPacer} around it.
 */
public final class LocalKeyPacer implements KeyPacer {

    private final PacerSlots slots;

    public LocalKeyPacer(double requestsPerSecond) {
        this.slots = new PacerSlots(requestsPerSecond);
    }

    @Override
    public CompletableFuture<Permit> acquire(ScheduledExecutorService scheduler, Waiter wanted) {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
        PacerSlots.Reservation reservation = slots.reserve();
        later(scheduler, reservation.number(), reservation.delayNanos(), wanted, permit);
        return permit;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void later(ScheduledExecutorService scheduler, long reservation, long delayNanos, Waiter wanted,
            CompletableFuture<Permit> permit) {
        try {
            if (delayNanos <= 0) {
                start(scheduler, reservation, wanted, permit);
            } else {
                wanted.waitsAtMost(delayNanos);
                scheduler.schedule(() -> start(scheduler, reservation, wanted, permit), delayNanos,
                        TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) { // scheduler shut down: the context is stopping
            slots.cancel(reservation);
            permit.completeExceptionally(e);
        }
    }

    private void start(ScheduledExecutorService scheduler, long reservation, Waiter wanted,
            CompletableFuture<Permit> permit) {
        try {
            if (permit.isDone()) { // given up by the caller
                slots.cancel(reservation);
                return;
            }
            if (!wanted.wanted()) {
                slots.cancel(reservation);
                permit.complete(null);
                return;
            }
            PacerSlots.Start start = slots.tryStart(reservation);
            if (!start.started()) {
                later(scheduler, reservation, start.waitNanos(), wanted, permit);
                return;
            }
            long number = start.number();
            if (!permit.complete(() -> slots.finished(number))) {
                slots.finished(number);
            }
        } catch (Throwable e) { // an Error too: the permit must complete, or its request would wait for ever
            slots.cancel(reservation);
            permit.completeExceptionally(e);
        }
    }

    /** Nothing to do here: the {@link AdaptiveKeyPacer} around this pacer pauses and slows down. */
    @Override
    public void throttled(Duration pause) {
        // the adaptive wrapper does the slowing down for this JVM
    }

    @Override
    public void limitTo(double requestsPerSecond) {
        slots.limitTo(requestsPerSecond);
    }

    /** The slot arithmetic, for tests and reports. */
    public PacerSlots slots() {
        return slots;
    }

    @Override
    public String toString() {
        return "LocalKeyPacer[interval=" + TimeUnit.NANOSECONDS.toMillis(slots.intervalNanos()) + " ms]";
    }
}
