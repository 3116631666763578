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
package io.github.cameltamtam.examples.queue;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;

/** The ledger of a single instance without a database (demo mode): outcomes live as long as the process. */
public final class InMemoryOutcomeLedger implements OutcomeLedger {

    private final Map<String, String> outcomeById = new ConcurrentHashMap<>();

    @Override
    public void record(Exchange batch) {
        OutcomeLedger.outcomes(batch)
                .forEach((outcome, ids) -> ids.forEach(id -> outcomeById.putIfAbsent(id, outcome)));
    }

    @Override
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        outcomeById.values().forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
        return counts;
    }
}
