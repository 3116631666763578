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

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.TamtamException;
import io.github.cameltamtam.component.tamtam.client.CallCounts;
import io.github.cameltamtam.component.tamtam.client.CallListener;
import io.github.cameltamtam.component.tamtam.client.TamtamClient;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResponse;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.component.tamtam.support.Futures;
import io.github.cameltamtam.component.tamtam.support.Watchdog;

/**
 * Sends one exchange's planned batches ({@link KeyAccountsPlanner}), in input order, up to {@code maxConcurrent} in
 * flight (the key's pacer sets the rate). Once an answer reports {@code payment_required}, or a batch fails after its
 * retries, no further batch starts; batches in flight finish (with their retries) and are reported: a batch that was
 * sent is never counted unsent. Completes with the merged result, or exceptionally with the failure (carrying the
 * merged result) — also when no request failed but an answer left IDs out, since an exchange that ends with any ID
 * whose outcome is unknown must not pass for success. Each answer is merged as it arrives and then dropped: what the
 * run keeps is a few bytes per ID (see {@link KeyAccountsResultMerger}).
 * <p>
 * Never left waiting by an {@code Error}: each answer is handled through the client's {@link Watchdog}, which handles
 * it itself when its continuation was lost, and fails the outcome with an {@code Error} met on the way, at a later
 * tick if it cannot at once (an {@code OutOfMemoryError} while the heap is full).
 */
public final class KeyAccountsBatchRun {

    private enum State {
        WAITING,
        IN_FLIGHT,
        ANSWERED,
        FAILED,
        NOT_SENT
    }

    private final TamtamClient client;
    private final List<KeyAccountsRequest> batches;
    private final List<InvalidCompanyLinkedinId> invalid;
    private final int maxConcurrent;
    private final int batchCount;
    private final State[] states;
    /** Per batch: an attempt got no usable answer although the server may have processed it (see CallListener). */
    private final boolean[] retried;
    private final Predicate<String> earlierAttemptsMayHaveAdded;
    private final KeyAccountsResultMerger merger;
    private final CallCounts counts = new CallCounts();
    private final ImportProgress progress;
    private final CompletableFuture<KeyAccountsResult> outcome = new CompletableFuture<>();

    private int nextBatch;
    private int inFlight;
    private volatile KeyAccountsResultMerger.Stop stop = KeyAccountsResultMerger.Stop.NONE;
    private Throwable failure;
    private boolean finished;

    /** @param batches the requests to send, as {@link KeyAccountsPlanner#batches} planned them */
    public KeyAccountsBatchRun(TamtamClient client, List<KeyAccountsRequest> batches, RequestParameters parameters,
            List<InvalidCompanyLinkedinId> invalid, int maxConcurrent) {
        this(client, batches, parameters, invalid, maxConcurrent, id -> false, null);
    }

    /**
     * @param batches                     the requests to send, as {@link KeyAccountsPlanner#batches} planned them
     * @param earlierAttemptsMayHaveAdded accepts the IDs an earlier delivery of the exchange may have added: reported
     *                                    present now, they count as added, confirmed on retry
     * @param progress                    counts the IDs of each batch whose request has completed, or null
     */
    public KeyAccountsBatchRun(TamtamClient client, List<KeyAccountsRequest> batches, RequestParameters parameters,
            List<InvalidCompanyLinkedinId> invalid, int maxConcurrent, Predicate<String> earlierAttemptsMayHaveAdded,
            ImportProgress progress) {
        this.earlierAttemptsMayHaveAdded = earlierAttemptsMayHaveAdded;
        this.client = client;
        this.progress = progress;
        this.batches = batches;
        this.merger = new KeyAccountsResultMerger(parameters,
                batches.stream().map(KeyAccountsRequest::getCompanyLinkedinIds).toList());
        this.invalid = invalid;
        this.maxConcurrent = maxConcurrent;
        this.batchCount = batches.size();
        this.states = new State[batchCount];
        this.retried = new boolean[batchCount];
        Arrays.fill(states, State.WAITING);
    }

    /** Starts sending; the future completes once, after the last batch in flight is done. */
    public CompletableFuture<KeyAccountsResult> start() {
        launchMore();
        return outcome;
    }

    /** Fails the outcome with {@code error} (an Error the run met), its progress ended. */
    private void failWith(Throwable error) {
        try {
            ended();
        } finally {
            outcome.completeExceptionally(error);
        }
    }

    /** The run is over: its progress no longer shows it in flight. */
    private void ended() {
        if (progress != null) {
            progress.end();
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void launchMore() {
        while (true) {
            int index;
            synchronized (this) {
                if (stop != KeyAccountsResultMerger.Stop.NONE || nextBatch >= batchCount || inFlight >= maxConcurrent) {
                    break;
                }
                index = nextBatch++;
                inFlight++;
                states[index] = State.IN_FLIGHT;
            }
            KeyAccountsRequest request = batches.get(index);
            CompletableFuture<KeyAccountsResponse> answer;
            try {
                answer = client.call(KeyAccountsApi.addKeyAccounts(request),
                        () -> stop == KeyAccountsResultMerger.Stop.NONE,
                        listenerOf(index));
            } catch (Throwable t) {
                answer = CompletableFuture.failedFuture(t);
            }
            // run once, by the answer's continuation or, should an Error have killed it, by the watchdog; an Error the
            // handling meets (OutOfMemoryError...) fails the exchange, never leaves it pending
            client.watchdog().whenComplete(answer, (response, error) -> onBatchDone(index, response, error), outcome,
                    "The answer of batch " + (index + 1) + " of " + batchCount);
        }
        finishIfDone();
    }

    /** Counts the batch's requests for the exchange and notes an attempt of unknown outcome. */
    private CallListener listenerOf(int index) {
        return new CallListener() {
            @Override
            public void requestSent() {
                counts.requestSent();
            }

            @Override
            public void retrying() {
                counts.retrying();
            }

            @Override
            public void outcomeUnknown() {
                synchronized (KeyAccountsBatchRun.this) {
                    retried[index] = true;
                }
            }

            @Override
            public void throttled() {
                counts.throttled();
            }
        };
    }

    private void onBatchDone(int index, KeyAccountsResponse response, Throwable error) {
        if (progress != null && (response != null || error != null)) {
            progress.sent(batch(index).size());
        }
        if (error == null && response != null) {
            merger.answered(index, response, mayHaveAdded(index)); // told now: the answer is not kept
        }
        synchronized (this) {
            inFlight--;
            if (error != null) {
                states[index] = State.FAILED;
                if (failure == null) {
                    failure = Futures.unwrap(error);
                }
                if (stop == KeyAccountsResultMerger.Stop.NONE) {
                    // the first reason to stop decides what the batches never sent count as
                    stop = KeyAccountsResultMerger.Stop.FAILURE;
                }
            } else if (response == null) {
                states[index] = State.NOT_SENT;
            } else {
                states[index] = State.ANSWERED;
                if (response.isPaymentRequired() && stop == KeyAccountsResultMerger.Stop.NONE) {
                    stop = KeyAccountsResultMerger.Stop.PAYMENT_REQUIRED;
                }
            }
        }
        launchMore();
    }

    private void finishIfDone() {
        KeyAccountsResult result;
        Throwable error;
        synchronized (this) {
            boolean done = inFlight == 0 && (nextBatch >= batchCount || stop != KeyAccountsResultMerger.Stop.NONE);
            if (!done || finished) {
                return;
            }
            finished = true;
            try {
                result = merge();
            } catch (Throwable t) { // an Error (OutOfMemoryError...) fails the exchange with it
                failWith(t);
                return;
            }
            error = failure;
        }
        if (error == null && !result.getFailedCompanyLinkedinIds().isEmpty()) {
            // an ID whose outcome is unknown never passes for success
            error = TamtamApiException.unusableAnswer("TamTam API answers left "
                    + result.getFailedCompanyLinkedinIds().size()
                    + " IDs unreported: their outcome is unknown (see TamtamFailedCompanyLinkedinIds)", 200, null);
        }
        ended();
        if (error == null) {
            outcome.complete(result);
        } else {
            outcome.completeExceptionally(TamtamException.of(error, result));
        }
    }

    private KeyAccountsResult merge() {
        for (int i = 0; i < batchCount; i++) {
            switch (states[i]) {
                case ANSWERED -> {
                    // told when its answer arrived
                }
                case FAILED -> merger.failed(i);
                default -> merger.notSent(i, stop);
            }
        }
        return merger.result(invalid, counts.requests(), counts.throttledRequests());
    }

    /**
     * Accepts the IDs of batch {@code i} an earlier attempt may have added: all of them when an attempt of the batch
     * had an unknown outcome, else those an earlier delivery may have added.
     */
    private Predicate<String> mayHaveAdded(int i) {
        synchronized (this) {
            if (retried[i]) {
                return id -> true;
            }
        }
        return earlierAttemptsMayHaveAdded;
    }

    private List<String> batch(int index) {
        return batches.get(index).getCompanyLinkedinIds();
    }
}
