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

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.support.Watchdog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchCallsTest {

    private static final long T0 = TimeUnit.HOURS.toNanos(1);

    private final BatchCalls<String> calls = new BatchCalls<>();

    @Test
    void anAnswerIsClaimedOnceWhoeverComesFirst() {
        calls.sent(0, new CompletableFuture<>());

        assertTrue(calls.claim(0), "the continuation, or the watchdog");
        assertFalse(calls.claim(0), "the other one then leaves it");
    }

    @Test
    void anAnswerNobodyHandledIsLostOnceTheGracePassedSinceItWasFirstSeen() {
        CompletableFuture<String> answered = new CompletableFuture<>();
        CompletableFuture<String> waiting = new CompletableFuture<>();
        calls.sent(0, answered);
        calls.sent(1, waiting);
        answered.complete("answer"); // its continuation never runs: nobody claims it

        assertEquals(Map.of(), calls.lost(T0), "first seen answered now");
        assertEquals(Map.of(), calls.lost(T0 + Watchdog.GRACE_NANOS - 1));
        assertEquals(Set.of(0), calls.lost(T0 + Watchdog.GRACE_NANOS).keySet(), "the call still waiting is not lost");

        assertTrue(calls.claim(0));
        assertEquals(Map.of(), calls.lost(T0 + 2 * Watchdog.GRACE_NANOS), "handled: no longer lost");
    }
}
