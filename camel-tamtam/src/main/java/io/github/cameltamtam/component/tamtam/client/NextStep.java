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

import java.util.function.BooleanSupplier;

import io.github.cameltamtam.component.tamtam.pacing.KeyPacer;
import io.github.cameltamtam.component.tamtam.support.Watchdog;

/**
 * When the next step of one {@link ApiCall} is due: each step says it (a scheduled wait its end, the pacer each of its
 * waits, a request in flight the cut of its answer), and the {@link Watchdog} asks whether it is overdue. Exempt while
 * the pacer holds the call behind other requests of the key, whose own steps are watched.
 */
final class NextStep {

    /** By when, on {@link System#nanoTime()}, the next step is due. */
    private volatile long dueBy = System.nanoTime();
    private volatile boolean waitingForOthers;

    /** The next step is due within {@code nanos} from now. */
    void within(long nanos) {
        waitingForOthers = false;
        dueBy = System.nanoTime() + nanos;
    }

    /**
     * How long the next step has been overdue at {@code nowNanos}, when that is more than {@link Watchdog#GRACE_NANOS}
     * (the task that should have made it was lost); else -1.
     */
    long lostFor(long nowNanos) {
        long overdue = nowNanos - dueBy;
        return waitingForOthers || overdue - Watchdog.GRACE_NANOS < 0 ? -1 : overdue;
    }

    /** The call waiting for its pacer slot, {@code wanted} while that holds: each wait the pacer tells sets the step. */
    KeyPacer.Waiter waiter(BooleanSupplier wanted) {
        return new KeyPacer.Waiter() {
            @Override
            public boolean wanted() {
                within(0);
                return wanted.getAsBoolean();
            }

            @Override
            public void waitsAtMost(long nanos) {
                within(nanos);
            }

            @Override
            public void waitsForOthers() {
                waitingForOthers = true;
            }
        };
    }
}
