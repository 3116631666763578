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

import java.util.ArrayDeque;

/**
 * How many slots one replica holds reserved ahead in the shared bucket: at most {@link #limit} reservations are made
 * or being made whose slot has not come yet; the other requests wait here, in this JVM, in order, without touching
 * the store. So a replica that dies without stopping leaves the others at most {@code limit} slots of its own, and
 * one that stops knows how many to give back ({@link #close()}).
 */
final class ReservationsAhead {

    private final int limit;
    /** Reservations made or being made whose slot has not come yet; guarded by {@code waiting}. */
    private int reserved;
    /** Reservations waiting until fewer than {@link #limit} slots are reserved ahead. */
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

    /** @param limit the slots that may be reserved ahead at once, at least 1 */
    ReservationsAhead(int limit) {
        this.limit = limit;
    }

    /** The limit for a rate: one second's worth of slots, at least 1. */
    static ReservationsAhead oneSecondAt(double requestsPerSecond) {
        return new ReservationsAhead(Math.max(1, (int) Math.ceil(requestsPerSecond)));
    }

    /**
     * Runs {@code reservation} now when fewer than {@link #limit} slots are reserved ahead, otherwise once an earlier
     * one is {@link #done()}. Every reservation run must end with {@link #done()}.
     */
    void submit(Runnable reservation) {
        boolean now;
        synchronized (waiting) {
            now = reserved < limit;
            if (now) {
                reserved++;
            } else {
                waiting.add(reservation);
            }
        }
        if (now) {
            reservation.run();
        }
    }

    /** A reserved slot came (or the reservation failed, or was given up): the next one waiting runs. */
    void done() {
        Runnable next;
        synchronized (waiting) {
            next = waiting.poll();
            if (next == null) {
                reserved--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /**
     * Stops reserving: the waiting reservations are dropped, and a new one waits as if {@link #limit} slots were
     * reserved ahead.
     *
     * @return the slots reserved ahead whose time has not come, to give back to the bucket
     */
    int close() {
        synchronized (waiting) {
            int unused = reserved;
            reserved = limit; // nothing reserves any more
            waiting.clear();
            return unused;
        }
    }
}
