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
package io.github.cameltamtam.component.tamtam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Test helper: the accounting rules every {@link KeyAccountsResult} must keep. */
final class ResultInvariants {

    private ResultInvariants() {
    }

    /**
     * Every ID of {@code distinctValidIds} is in exactly one of added/already/ignored/failed, no other ID is in any of
     * them, unsent is a subset of ignored, and no list holds an ID twice.
     */
    static void assertEveryIdInExactlyOneOutcome(Collection<String> distinctValidIds, KeyAccountsResult result) {
        assertNotNull(result, "no result");
        Map<String, List<String>> placed = new HashMap<>();
        place(placed, "added", result.getNewlyAddedCompanyLinkedinIds());
        place(placed, "already", result.getAlreadyInKeyAccountsLinkedinIds());
        place(placed, "ignored", result.getIgnoredCompanyLinkedinIds());
        place(placed, "failed", result.getFailedCompanyLinkedinIds());
        Set<String> expected = new LinkedHashSet<>(distinctValidIds);
        List<String> problems = new ArrayList<>();
        for (String id : expected) {
            List<String> where = placed.getOrDefault(id, List.of());
            if (where.size() != 1) {
                problems.add(id + " in " + where);
            }
        }
        for (String id : placed.keySet()) {
            if (!expected.contains(id)) {
                problems.add(id + " is not an input ID but is in " + placed.get(id));
            }
        }
        if (!problems.isEmpty()) {
            fail("accounting broken for " + problems.size() + " IDs (" + result + "): "
                    + problems.subList(0, Math.min(20, problems.size())));
        }
        assertEquals(expected.size(), result.accountedIds(), () -> "accountedIds of " + result);
        Set<String> unsent = new HashSet<>(result.getUnsentCompanyLinkedinIds());
        assertEquals(result.getUnsentCompanyLinkedinIds().size(), unsent.size(), "unsent holds duplicates");
        assertTrue(new HashSet<>(result.getIgnoredCompanyLinkedinIds()).containsAll(unsent),
                () -> "unsent is not a subset of ignored: " + result);
    }

    /** The result of an exchange: its body when it succeeded, else the result its TamtamException carries. */
    static KeyAccountsResult resultOf(Exchange exchange) {
        Exception error = exchange.getException();
        if (error == null) {
            return exchange.getMessage().getBody(KeyAccountsResult.class);
        }
        if (error instanceof TamtamException tamtam) {
            assertNotNull(tamtam.getResult(), () -> "a failure after requests must carry the result: " + error);
            return tamtam.getResult();
        }
        throw new AssertionError("unexpected failure type", error);
    }

    /** {@code count} consecutive numeric IDs from {@code first}, as strings. */
    static List<String> ids(long first, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(String.valueOf(first + i));
        }
        return ids;
    }

    private static void place(Map<String, List<String>> placed, String outcome, List<String> ids) {
        for (String id : ids) {
            placed.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome);
        }
    }
}
