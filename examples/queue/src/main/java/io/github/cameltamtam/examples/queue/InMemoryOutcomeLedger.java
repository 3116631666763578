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
