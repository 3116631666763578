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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RandomFaults;
import io.github.cameltamtam.simulator.Stats;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sixteen exchanges of 1 000 company IDs each (16 000 distinct IDs, plus duplicates and invalid values), six, six and
 * four at a time, through a simulator that draws a seeded random mix of 429s, 5xx, connection resets (before and
 * after processing), slow and malformed answers; before the last four the account is left with 400 credits, so they
 * run out part-way. Whatever the faults did, every distinct input ID of every exchange ends up in exactly one outcome —
 * of the result body, or of the result carried by the failed exchange's {@link TamtamException} — and the simulator's
 * state agrees with what was reported.
 * <p>
 * Which request draws which fault depends on the interleaving of concurrent requests, so the outcome of a single
 * exchange (succeeded, failed after retries, ran out of credits) varies from run to run; the invariants checked here
 * hold for all of them.
 */
class FaultsAtScaleTest extends TamtamTestSupport {

    private static final long SEED = 20_260_503L;
    private static final int EXCHANGES = 16;
    private static final int IDS_PER_EXCHANGE = 1000;
    /** Exchanges [PHASES[i], PHASES[i + 1]) run concurrently. */
    private static final int[] PHASES = {0, 6, 12, 16};
    /** Credits left before the last phase. */
    private static final int LAST_CREDITS = 400;
    private static final String PATH = "/api/v2/key-accounts";

    @Override
    protected TamtamSimulator startSimulator() {
        TamtamSimulator sim = TamtamSimulator.builder().rateLimit(0).demoCredits(100_000).start();
        sim.faults().random(SEED, RandomFaults.none()
                .rateLimited(0.02) // each 429 pauses the key for at least 1 s (adaptive pacing)
                .serverError(0.05)
                .reset(0.03)
                .resetAfterProcessing(0.03)
                .malformedBody(0.03)
                .slow(0.05, Duration.ofMillis(40)));
        return sim;
    }

    @Override
    protected void configure(TamtamConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestsPerSecond(500);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        // failures stay on the exchange for the test to inspect, without the error handler's ERROR log
        return directRoutes()
                .route("direct:default", "tamtam:keyAccounts")
                .route("direct:fewRetries", "tamtam:keyAccounts?maxRetries=1&skipInvalidIds=true")
                .route("direct:failOnPayment",
                        "tamtam:keyAccounts?failOnPaymentRequired=true&maxConcurrentRequests=4&batchSize=40");
    }

    /** One exchange's input and what it must account for. */
    private record Job(String name, String endpoint, Object body, List<String> distinct, List<String> invalid) {
    }

    @Test
    void everyIdEndsInExactlyOneOutcomeUnderRandomFaults() throws Exception {
        Set<String> preseeded = new HashSet<>();
        List<Job> jobs = new ArrayList<>();
        for (int k = 0; k < EXCHANGES; k++) {
            jobs.add(job(k, preseeded));
        }

        List<Exchange> outs = new ArrayList<>();
        for (int phase = 0; phase + 1 < PHASES.length; phase++) {
            if (phase == PHASES.length - 2) {
                simulator.demoAccount().setCredits(LAST_CREDITS);
            }
            List<CompletableFuture<Exchange>> running = new ArrayList<>();
            for (Job job : jobs.subList(PHASES[phase], PHASES[phase + 1])) {
                running.add(template.asyncSend(job.endpoint(), e -> e.getMessage().setBody(job.body())));
            }
            for (CompletableFuture<Exchange> future : running) {
                outs.add(future.get(120, TimeUnit.SECONDS)); // a hung exchange fails the test here
            }
        }

        Map<String, ?> keyAccounts = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL);
        Set<String> allValid = new HashSet<>();
        int reportedAdded = 0;
        int reportedRequests = 0;
        for (int k = 0; k < EXCHANGES; k++) {
            Job job = jobs.get(k);
            Exchange out = outs.get(k);
            KeyAccountsResult result;
            if (out.getException() != null) {
                TamtamException error = assertInstanceOf(TamtamException.class, out.getException(), job.name());
                result = error.getResult();
                assertNotNull(result, job.name() + ": a failure after requests carries the result: " + error);
                if (error instanceof TamtamPaymentRequiredException) {
                    assertTrue(result.isPaymentRequired(), job.name());
                    assertTrue(result.getFailedCompanyLinkedinIds().isEmpty(), job.name());
                } else {
                    assertInstanceOf(TamtamApiException.class, error, job.name());
                    assertTrue(!result.getFailedCompanyLinkedinIds().isEmpty(), job.name() + ": " + result);
                }
            } else {
                result = out.getMessage().getBody(KeyAccountsResult.class);
                assertNotNull(result, job.name());
                assertTrue(result.getFailedCompanyLinkedinIds().isEmpty(), job.name() + ": " + result);
                assertEquals(result.getRequestCount(), out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
            }

            assertEveryIdInExactlyOneOutcome(job.name(), job.distinct(), result);
            assertEquals(job.invalid(), result.getInvalidCompanyLinkedinIds().stream()
                    .map(InvalidCompanyLinkedinId::value).toList(), job.name() + ": skipped invalid values");
            if (!result.isPaymentRequired()) {
                assertTrue(result.getIgnoredCompanyLinkedinIds().isEmpty(), job.name() + ": " + result);
            }

            // the simulator agrees with what was reported
            for (String id : result.getNewlyAddedCompanyLinkedinIds()) {
                assertTrue(keyAccounts.containsKey(id), job.name() + ": reported added but not in Key Accounts: " + id);
            }
            for (String id : result.getAlreadyInKeyAccountsLinkedinIds()) {
                assertTrue(keyAccounts.containsKey(id), job.name() + ": reported already there but is not: " + id);
            }
            Set<String> unsent = Set.copyOf(result.getUnsentCompanyLinkedinIds());
            for (String id : result.getIgnoredCompanyLinkedinIds()) {
                // an ID never sent is in Key Accounts only if it was there before; one the API ignored is not there
                boolean expected = unsent.contains(id) && preseeded.contains(id);
                assertEquals(expected, keyAccounts.containsKey(id), job.name() + ": ignored " + id);
            }
            allValid.addAll(job.distinct());
            // IDs confirmed on retry may have been present before (an attempt of unknown outcome): not surely charged
            reportedAdded += result.getNewlyAddedCompanyLinkedinIds().size()
                    - result.getConfirmedOnRetryCompanyLinkedinIds().size();
            reportedRequests += result.getRequestCount();
        }

        // nothing outside the inputs was added; no ID charged twice; every request sent is counted by its exchange
        assertTrue(allValid.containsAll(keyAccounts.keySet()), "only input IDs are in Key Accounts");
        assertEquals(keyAccounts.size() - preseeded.size(), simulator.demoAccount().usedCredits(),
                "one credit per added company");
        assertTrue(reportedAdded <= simulator.demoAccount().usedCredits(),
                "reported added " + reportedAdded + " > credits used " + simulator.demoAccount().usedCredits());
        assertEquals(0, simulator.demoAccount().credits(), "the credits ran out part-way");
        assertEquals(simulator.requests("POST", PATH).size(), reportedRequests, "requests counted by the exchanges");

        // the faults really happened (the seeded draws hold each kind within the first 100 requests; a run makes ~300)
        Stats stats = simulator.stats();
        assertTrue(stats.rateLimited() > 0, stats::toString);
        assertTrue(stats.resets() > 0, stats::toString);
        assertTrue(stats.malformed() > 0, stats::toString);
        assertTrue(stats.byStatus(500) + stats.byStatus(502) + stats.byStatus(503) + stats.byStatus(504) > 0,
                stats::toString);
    }

    /**
     * Exchange {@code k}, on one of three endpoints (default options; one retry and skipping invalid IDs; failing on
     * payment_required, four requests in flight, batches of 40): 1 000 distinct IDs from its own range, every 20th already in Key Accounts, 50 duplicates; its
     * body a List of String, a CSV text with a header and an extra column, or a List of Long; on the
     * {@code skipInvalidIds} endpoint a few invalid values too.
     */
    private Job job(int k, Set<String> preseeded) {
        String endpoint = k % 4 == 1 ? "direct:fewRetries" : k % 4 == 2 ? "direct:failOnPayment" : "direct:default";
        boolean skipInvalid = endpoint.equals("direct:fewRetries");
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < IDS_PER_EXCHANGE; i++) {
            String id = String.valueOf(1_000_000 + k * 10_000 + i);
            distinct.add(id);
            if (i % 20 == 7) {
                simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, id, null, 1);
                preseeded.add(id);
            }
        }
        List<String> values = new ArrayList<>(distinct);
        for (int i = 0; i < 50; i++) {
            values.add(i * 19, distinct.get(i * 13)); // duplicates, later occurrences dropped
        }
        List<String> invalid = new ArrayList<>();
        if (skipInvalid) {
            invalid = List.of("n/a", "12a4", "-17");
            values.add(100, "n/a");
            values.add(500, "12a4");
            values.add(900, "-17");
        }
        // first occurrences of the values, in order, are the distinct IDs in input order
        List<String> expected = new ArrayList<>(new LinkedHashSet<>(values));
        expected.removeAll(invalid);

        Object body;
        switch (k % 3) {
            case 0 -> body = values;
            case 1 -> {
                StringBuilder csv = new StringBuilder("name,company_linkedin_id\r\n");
                for (String v : values) {
                    csv.append("\"Company ").append(v).append(", Inc.\",").append(v).append("\r\n");
                }
                body = csv.toString();
            }
            default -> {
                List<Object> mixed = new ArrayList<>();
                for (String v : values) {
                    mixed.add(v.chars().allMatch(Character::isDigit) ? (Object) Long.valueOf(v) : v);
                }
                body = mixed;
            }
        }
        return new Job("exchange " + k + " (" + endpoint + ")", endpoint, body, expected, invalid);
    }

    /**
     * The accounting invariant: every distinct valid input ID is in exactly one of added, already, ignored or failed
     * (none lost, none counted twice), each list keeps input order, and unsent IDs are a subset of the ignored ones.
     */
    static void assertEveryIdInExactlyOneOutcome(String name, List<String> distinctInput, KeyAccountsResult result) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < distinctInput.size(); i++) {
            position.put(distinctInput.get(i), i);
        }
        Map<String, String> outcomeOf = new HashMap<>();
        record Outcome(String name, List<String> ids) {
        }
        for (Outcome outcome : List.of(
                new Outcome("added", result.getNewlyAddedCompanyLinkedinIds()),
                new Outcome("already", result.getAlreadyInKeyAccountsLinkedinIds()),
                new Outcome("ignored", result.getIgnoredCompanyLinkedinIds()),
                new Outcome("failed", result.getFailedCompanyLinkedinIds()))) {
            int last = -1;
            for (String id : outcome.ids()) {
                Integer at = position.get(id);
                if (at == null) {
                    fail(name + ": " + outcome.name() + " lists " + id + ", which is not an input ID");
                }
                String before = outcomeOf.put(id, outcome.name());
                if (before != null) {
                    fail(name + ": " + id + " counted twice: " + before + " and " + outcome.name());
                }
                assertTrue(at > last, name + ": " + outcome.name() + " is not in input order at " + id);
                last = at;
            }
        }
        if (outcomeOf.size() != distinctInput.size()) {
            List<String> lost = distinctInput.stream().filter(id -> !outcomeOf.containsKey(id)).limit(10).toList();
            fail(name + ": " + (distinctInput.size() - outcomeOf.size()) + " IDs in no outcome, e.g. " + lost);
        }
        assertEquals(distinctInput.size(), result.accountedIds(), name);
        int last = -1;
        for (String id : result.getUnsentCompanyLinkedinIds()) {
            assertEquals("ignored", outcomeOf.get(id), name + ": unsent " + id + " is not among the ignored IDs");
            assertTrue(position.get(id) > last, name + ": unsent is not in input order at " + id);
            last = position.get(id);
        }
    }
}
