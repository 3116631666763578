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

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.github.cameltamtam.component.tamtam.TamtamApiException;
import io.github.cameltamtam.component.tamtam.pacing.KeyPacer;
import io.github.cameltamtam.component.tamtam.support.Futures;
import io.github.cameltamtam.component.tamtam.support.Watchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a {@link TamtamClient} and the state of its attempts: waits for the key's pacer slot, sends
 * ({@link ApiTransport}), and has the {@link AnswerSorter} decide what each answer means: the result, a retry, a
 * re-send after a 429, or the failure. {@link #result()} completes once, with the parsed answer, {@code null}
 * (abandoned unsent) or the failure.
 * <p>
 * Every step says by when the next one is due: a scheduled wait its end, the pacer each of its waits, a request in
 * flight the cut of a stalled answer (twice the request timeout). A call whose next step has not come
 * {@link Watchdog#GRACE_NANOS} past that moment waits on a task that was lost (an {@code OutOfMemoryError} killed it):
 * {@link #check(long)}, asked by the client's {@link Watchdog}, makes the lost cut itself, or fails the call.
 */
final class ApiCall<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TamtamClient.class);

    private final ApiTransport transport;
    private final ApiFailures failures;
    private final KeyPacer pacer;
    private final CallRetries retries;
    private final ScheduledExecutorService scheduler;
    private final CallListener listener;
    private final ApiRequest<T> request;
    private final BooleanSupplier startAllowed;
    private final CallListener counts;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final long cutNanos;
    private final NextStep nextStep = new NextStep();
    private final AnswerSorter<T> answers;
    private volatile ApiTransport.Attempt inFlight;
    /** The slot of the request in flight, until its answer has come. */
    private volatile KeyPacer.Permit permitInFlight;

    ApiCall(TamtamClient client, CallListener listener, ApiRequest<T> request, BooleanSupplier startAllowed,
            CallListener counts) {
        this.transport = client.transport;
        this.failures = client.failures;
        this.pacer = client.pacer;
        this.retries = new CallRetries(client.retryPolicy, System::nanoTime);
        this.scheduler = client.scheduler;
        this.listener = listener;
        this.request = request;
        this.startAllowed = startAllowed;
        this.counts = counts;
        this.cutNanos = client.requestTimeout.multipliedBy(2).toNanos();
        this.answers = new AnswerSorter<>(request, client, retries, listener, counts, result, this::schedule);
    }

    /**
     * Asked by the client's {@link Watchdog} once a second: when the call's next step is overdue by more than
     * {@link Watchdog#GRACE_NANOS}, the task that should have made it was lost. A request in flight is then cut (as its
     * own cut would have: the answer fails with a {@code TimeoutException} and is retried or reported as usual); any
     * other step fails the call, giving its slot back.
     *
     * @param  nowNanos the time of the watchdog's tick, on {@link System#nanoTime()}
     * @return          true once the call is over
     */
    boolean check(long nowNanos) {
        if (result.isDone()) {
            return true;
        }
        long overdue = nextStep.lostFor(nowNanos);
        if (overdue < 0) {
            return false;
        }
        ApiTransport.Attempt attempt = inFlight;
        if (attempt != null && !attempt.answer().isDone()) {
            nextStep.within(0);
            LOG.warn("{}: its stalled answer was not cut in time (the task that should have was lost, e.g. to an "
                    + "OutOfMemoryError): cut now", request.describe());
            attempt.answer().completeExceptionally(new TimeoutException("no complete answer in time"));
            return result.isDone();
        }
        KeyPacer.Permit permit = permitInFlight;
        if (permit != null) {
            permit.finished();
        }
        String lost = request.describe() + " was failed: its next step was " + TimeUnit.NANOSECONDS.toSeconds(overdue)
                + " s overdue, so a task it waited on was lost (an OutOfMemoryError or another Error killed it); the "
                + "outcome of its requests is unknown";
        LOG.warn("{}", lost);
        result.completeExceptionally(TamtamApiException.noAnswer(lost, null));
        return true;
    }

    /** Waits {@code wait}, then for a pacer slot, then sends attempt number {@code attempt} (0 = first). */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    void schedule(int attempt, Duration wait) {
        try {
            nextStep.within(wait.toNanos());
            scheduler.schedule(() -> {
                try {
                    awaitSlot(attempt);
                } catch (Throwable t) { // an Error (OutOfMemoryError...) fails the call, never leaves it pending
                    result.completeExceptionally(t);
                }
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) { // scheduler shut down: the context is stopping
            result.completeExceptionally(e);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void awaitSlot(int attempt) {
        // the first attempt is given up unsent when its call is no longer wanted; any is when close() failed it
        CompletableFuture<KeyPacer.Permit> slot;
        try {
            nextStep.within(0);
            // once a request of this call went out (a 429 re-sends attempt 0), it is no longer "unsent": never abandon it
            slot = pacer.acquire(scheduler, nextStep.waiter(
                    () -> !result.isDone() && (attempt > 0 || retries.throttled() || startAllowed.getAsBoolean())));
        } catch (Throwable e) { // e.g. a shared pacer's store refusing at once; an Error too
            result.completeExceptionally(failures.pacerFailed(e));
            return;
        }
        result.whenComplete((answer, error) -> slot.complete(null));
        slot.whenComplete((permit, error) -> {
            try {
                nextStep.within(0);
                if (error != null) {
                    result.completeExceptionally(failures.pacerFailed(Futures.unwrap(error)));
                } else if (permit == null) {
                    result.complete(null);
                } else if (result.isDone()) {
                    permit.finished();
                } else {
                    send(attempt, permit);
                }
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
    }

    /** Sends attempt {@code attempt}; {@code permit} is told finished once it is answered or failed. */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void send(int attempt, KeyPacer.Permit permit) {
        boolean sent = false;
        try {
            HttpRequest httpRequest = transport.httpRequest(request);
            counts.requestSent();
            listener.requestSent();
            long started = System.nanoTime();
            permitInFlight = permit;
            nextStep.within(cutNanos);
            ApiTransport.Attempt current = transport.send(request, httpRequest, attempt);
            inFlight = current;
            if (result.isDone()) { // closed while sending
                cancelInFlight();
            }
            current.answer().whenComplete((response, error) -> {
                try {
                    nextStep.within(0);
                    if (error != null) {
                        cancelInFlight(); // a timed-out download must not go on
                    }
                    permit.finished();
                    permitInFlight = null;
                    answers.sort(attempt, started, response, error);
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            sent = true;
        } catch (Throwable t) {
            result.completeExceptionally(t);
        } finally {
            if (!sent) {
                permit.finished();
            }
        }
    }

    /** Stops the attempt in progress, if any: no further byte of its answer is read, its connection is closed. */
    void cancelInFlight() {
        ApiTransport.Attempt current = inFlight;
        if (current != null) {
            current.cancel();
        }
    }

    /** The outcome of the call. */
    CompletableFuture<T> result() {
        return result;
    }
}
