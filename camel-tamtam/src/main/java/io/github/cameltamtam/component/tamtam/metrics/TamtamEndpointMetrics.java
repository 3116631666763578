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
package io.github.cameltamtam.component.tamtam.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.github.cameltamtam.component.tamtam.client.CallListener;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;

/**
 * The counters of one tamtam endpoint since it was created: what happened to the company IDs it was given, the HTTP
 * requests it made, and the pacer's rate. Shown as JMX attributes of the endpoint, in the {@code tamtam} dev console
 * and, when a Micrometer {@code MeterRegistry} is bound, as meters ({@link Names}). Thread-safe and lock-free.
 */
public final class TamtamEndpointMetrics {

    /** Metric names: the Micrometer meter names; also the keys of {@link #snapshot()}. */
    public static final class Names {
        /** Company IDs by outcome: a counter with tag {@code outcome} = one of the {@code OUTCOME_*} values. */
        public static final String IDS = "tamtam.ids";
        public static final String OUTCOME_ADDED = "added";
        public static final String OUTCOME_ALREADY_PRESENT = "already_present";
        public static final String OUTCOME_IGNORED = "ignored";
        public static final String OUTCOME_INVALID = "invalid";
        public static final String OUTCOME_FAILED = "failed";
        /** HTTP requests sent, retries included. */
        public static final String REQUESTS = "tamtam.requests";
        /** Requests that were retries of an earlier attempt. */
        public static final String RETRIES = "tamtam.retries";
        /** Answers 429 Too Many Requests. */
        public static final String THROTTLED = "tamtam.throttled";
        /** Exchanges in which the account ran out of credits. */
        public static final String PAYMENT_REQUIRED = "tamtam.payment.required";
        /** Calls to the shared pacer's store that failed or were not answered within pacerStoreTimeout. */
        public static final String PACER_STORE_FAILURES = "tamtam.pacer.store.failures";
        /** 1 while the shared pacer's store is not answering and the replica paces on its own, else 0. */
        public static final String PACER_STORE_FALLBACK = "tamtam.pacer.store.fallback";
        /** The pacer's current rate for the endpoint's key, in requests per second. */
        public static final String PACER_RATE = "tamtam.pacer.rate";
        /** The Key Accounts credits left, as last read (health check, tamtam:credits); -1 before any read. */
        public static final String CREDITS_REMAINING = "tamtam.credits.remaining";
        /** Distinct company IDs of the exchanges sending now (a gauge). */
        public static final String IDS_IN_FLIGHT = "tamtam.ids.in.flight";
        /** Of {@link #IDS_IN_FLIGHT}, those whose request has completed (a gauge). */
        public static final String IDS_IN_FLIGHT_DONE = "tamtam.ids.in.flight.done";

        private Names() {
        }
    }

    private final LongAdder idsAdded = new LongAdder();
    private final LongAdder idsAlreadyPresent = new LongAdder();
    private final LongAdder idsIgnored = new LongAdder();
    private final LongAdder idsInvalid = new LongAdder();
    private final LongAdder idsFailed = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder paymentRequired = new LongAdder();
    private volatile DoubleSupplier pacerRate = () -> 0;
    private volatile long creditsRemaining = -1;
    private volatile LongSupplier pacerStoreFailures = () -> 0;
    private volatile BooleanSupplier pacerStoreFallback = () -> false;
    private volatile LongSupplier idsInFlight = () -> 0;
    private volatile LongSupplier idsInFlightDone = () -> 0;

    /** Counts what one {@code keyAccounts} exchange did to its IDs, and whether it ran out of credits. */
    public void record(KeyAccountsResult result) {
        idsAdded.add(result.getNewlyAddedCompanyLinkedinIds().size());
        idsAlreadyPresent.add(result.getAlreadyInKeyAccountsLinkedinIds().size());
        idsIgnored.add(result.getIgnoredCompanyLinkedinIds().size());
        idsInvalid.add(result.getInvalidCompanyLinkedinIds().size());
        idsFailed.add(result.getFailedCompanyLinkedinIds().size());
        if (result.isPaymentRequired()) {
            paymentRequired.increment();
        }
    }

    /** Counts the requests, retries and 429s of the endpoint's client. */
    public CallListener callListener() {
        return new CallListener() {
            @Override
            public void requestSent() {
                requests.increment();
            }

            @Override
            public void retrying() {
                retries.increment();
            }

            @Override
            public void throttled() {
                throttled.increment();
            }
        };
    }

    /** The Key Accounts credits left, as an answer just read them. */
    public void creditsRemaining(long remaining) {
        this.creditsRemaining = remaining;
    }

    /** The Key Accounts credits left as last read (health check, tamtam:credits); -1 before any read. */
    public long getCreditsRemaining() {
        return creditsRemaining;
    }

    /** Where {@link #getPacerRate()} reads the key's pacer rate from. */
    public void pacerRate(DoubleSupplier rate) {
        this.pacerRate = rate;
    }

    /** The shared pacer's store: its failures and whether the replica paces on its own now. */
    public void pacerStore(LongSupplier failures, BooleanSupplier fallback) {
        this.pacerStoreFailures = failures;
        this.pacerStoreFallback = fallback;
    }

    /** Calls to the shared pacer's store that failed or timed out; 0 without a shared store. */
    public long getPacerStoreFailures() {
        return pacerStoreFailures.getAsLong();
    }

    /** 1 while the shared store is not answering and the key is paced by this replica alone, else 0. */
    public int getPacerStoreFallback() {
        return pacerStoreFallback.getAsBoolean() ? 1 : 0;
    }

    /** Where {@link #getIdsInFlight()} and {@link #getIdsInFlightDone()} are read from. */
    public void importProgress(LongSupplier inFlight, LongSupplier inFlightDone) {
        this.idsInFlight = inFlight;
        this.idsInFlightDone = inFlightDone;
    }

    /** Distinct company IDs of the exchanges sending now. */
    public long getIdsInFlight() {
        return idsInFlight.getAsLong();
    }

    /** Of {@link #getIdsInFlight()}, those whose request has completed. */
    public long getIdsInFlightDone() {
        return idsInFlightDone.getAsLong();
    }

    public long getIdsAdded() {
        return idsAdded.sum();
    }

    public long getIdsAlreadyPresent() {
        return idsAlreadyPresent.sum();
    }

    public long getIdsIgnored() {
        return idsIgnored.sum();
    }

    public long getIdsInvalid() {
        return idsInvalid.sum();
    }

    public long getIdsFailed() {
        return idsFailed.sum();
    }

    public long getRequests() {
        return requests.sum();
    }

    public long getRetries() {
        return retries.sum();
    }

    public long getThrottled() {
        return throttled.sum();
    }

    public long getPaymentRequired() {
        return paymentRequired.sum();
    }

    /** Requests per second the key's pacer currently lets through; 0 before the endpoint starts. */
    public double getPacerRate() {
        return pacerRate.getAsDouble();
    }

    /** Every value by metric name ({@code tamtam.ids.added} etc. for the ID outcomes), in a stable order. */
    public Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Names.IDS + "." + Names.OUTCOME_ADDED, getIdsAdded());
        values.put(Names.IDS + "." + Names.OUTCOME_ALREADY_PRESENT, getIdsAlreadyPresent());
        values.put(Names.IDS + "." + Names.OUTCOME_IGNORED, getIdsIgnored());
        values.put(Names.IDS + "." + Names.OUTCOME_INVALID, getIdsInvalid());
        values.put(Names.IDS + "." + Names.OUTCOME_FAILED, getIdsFailed());
        values.put(Names.REQUESTS, getRequests());
        values.put(Names.RETRIES, getRetries());
        values.put(Names.THROTTLED, getThrottled());
        values.put(Names.PAYMENT_REQUIRED, getPaymentRequired());
        values.put(Names.PACER_RATE, getPacerRate());
        values.put(Names.CREDITS_REMAINING, getCreditsRemaining());
        values.put(Names.PACER_STORE_FAILURES, getPacerStoreFailures());
        values.put(Names.PACER_STORE_FALLBACK, getPacerStoreFallback());
        values.put(Names.IDS_IN_FLIGHT, getIdsInFlight());
        values.put(Names.IDS_IN_FLIGHT_DONE, getIdsInFlightDone());
        return values;
    }

    @Override
    public String toString() {
        return "TamtamEndpointMetrics" + snapshot();
    }
}
