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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared pacer: every request with the key, from every replica (JVM, CamelContext) whose component has the same
 * Bucket4j {@code ProxyManager} store, takes its slot from one bucket in that store. The bucket allows no burst:
 * capacity 1, one token per {@code 1/requestsPerSecond} seconds plus {@link PacerSlots#SAFETY_MARGIN}, so the
 * replicas together send evenly spaced requests and no rolling 1-second window at the server holds more than the
 * limit.
 * <p>
 * A slot is a reservation ({@code consumeIgnoringRateLimits(1)}): the token is taken at once, the bucket going into
 * debt, and the answer says how long until the slot comes, so replicas are served in the order they asked, with one
 * round trip to the store per request ({@link SharedBucket}). A 429 puts the bucket in debt for the pause
 * ({@link #throttled(Duration)}), so every replica waits, not only the one that was told.
 * <p>
 * A slot is a moment, so a request sent late arrives close to the next ones. The first requests of a fresh JVM are
 * the latest: its HTTP client, still cold, held the first slots of 3 freshly started replicas back for 1.3 s and then
 * sent them within 40 ms (11 × 429 at the server). So the first request of this pacer goes alone, and the others take
 * their slots only once it was answered; after that, slots are taken as soon as asked. And after its shared slot a
 * request still passes this JVM's own {@link LocalKeyPacer}: the window guard that keeps a single process at 0 × 429.
 * <p>
 * Stores with an asynchronous API (Redis/Lettuce, Hazelcast…) are used asynchronously; blocking ones (JDBC) run on
 * two daemon threads of its bucket, never on a Camel thread.
 * <p>
 * <b>Nothing left behind.</b> A replica reserves at most one second's worth of slots ahead (at
 * {@code requestsPerSecond}; {@link ReservationsAhead}); its other requests wait in this JVM, in order, without
 * touching the store. So a replica that dies without stopping leaves the others at most about one second of its
 * reservations, and one that stops gives its reserved, unused slots back to the bucket ({@link #close()}).
 * <p>
 * <b>A slow or failed store.</b> Every store call is bounded by {@code storeTimeout} ({@code pacerStoreTimeout}): a
 * call that fails or is not answered in time makes this replica pace on its own — its {@link LocalKeyPacer}, with the
 * {@link AdaptiveKeyPacer} around it slowing down on 429s — with one WARN naming the store's type (never the key),
 * until a probe (at most one a second, one at a time) is answered: then the shared bucket is used again (one INFO;
 * {@link StoreFallback}). With {@code failOnStoreFailure}, a request whose slot the store did not give fails instead
 * ({@link PacerStoreException}). A call still blocked in the store's driver when its time is up is left to
 * the driver's own timeouts (PgJDBC {@code socketTimeout}); it runs on a daemon thread, and its answer, when it comes,
 * is thrown away: it takes no slot that nobody waits for.
 * <p>
 * The bucket's key is {@code tamtam-} plus the SHA-256 of the base URL and API key, never the key itself; the
 * {@code ProxyManager} must take {@code String} keys (a JDBC one built with {@code PrimaryKeyMapper.STRING}, or any
 * one adapted with {@code withMapper}). Slots are computed from the replicas' clocks: keep them synchronised (NTP).
 * When replicas configure different rates, the lowest wins (the bucket's configuration is replaced only by a slower
 * one); raising the rate of an existing bucket needs its entry removed from the store.
 * <p>
 * Bucket4j, an optional dependency, is named by its {@link SharedBucket} only; both are loaded only when a
 * {@code pacerProxyManager} is configured.
 */
public final class SharedKeyPacer implements KeyPacer {

    private static final Logger LOG = LoggerFactory.getLogger(SharedKeyPacer.class);

    private final SharedBucket bucket;
    private final StoreFallback fallback;
    private final boolean failOnStoreFailure;
    /** Slots this replica may hold reserved in the bucket and not yet used: one second's worth. */
    private final ReservationsAhead ahead;
    /** Whether the first request of this pacer was given its slot; the others wait for {@link #firstAnswered}. */
    private final AtomicBoolean firstTaken = new AtomicBoolean();
    /** Completes once the first request was answered (or failed, or gave its slot up): the HTTP client is warm. */
    private final CompletableFuture<Void> firstAnswered = new CompletableFuture<>();
    /** This JVM's own pacing of the key, passed after the shared slot: its window guard and spacing. */
    private final LocalKeyPacer ownGuard;

    private SharedKeyPacer(SharedBucket bucket, double requestsPerSecond, boolean failOnStoreFailure) {
        this.bucket = bucket;
        this.fallback = new StoreFallback(bucket.storeName(), bucket.timeout(), System::nanoTime);
        this.failOnStoreFailure = failOnStoreFailure;
        this.ahead = ReservationsAhead.oneSecondAt(requestsPerSecond);
        this.ownGuard = new LocalKeyPacer(requestsPerSecond);
    }

    /**
     * The shared pacer of one key.
     *
     * @param  proxyManager             a Bucket4j {@code ProxyManager<String>}
     * @param  storeTimeout             the longest wait for one answer of the store
     * @param  failOnStoreFailure       fail a request the store gave no slot to, instead of pacing it locally
     * @throws IllegalArgumentException when it is not a {@code ProxyManager}
     */
    public static KeyPacer create(Object proxyManager, URI baseUri, String apiKey, double requestsPerSecond,
            Duration storeTimeout, boolean failOnStoreFailure) {
        SharedBucket bucket = SharedBucket.of(proxyManager, baseUri, apiKey, PacerSlots.intervalFor(requestsPerSecond),
                storeTimeout);
        return new SharedKeyPacer(bucket, requestsPerSecond, failOnStoreFailure);
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    @Override
    public CompletableFuture<Permit> acquire(ScheduledExecutorService scheduler, Waiter wanted) {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
        if (fallback.active()) {
            fallback.probe(bucket::available);
            if (fallback.active()) {
                withoutStore(scheduler, wanted, permit, () -> {
                }, null);
                return permit;
            }
        }
        if (firstAnswered.isDone()) {
            reserve(scheduler, wanted, permit, () -> {
            });
        } else if (firstTaken.compareAndSet(false, true)) {
            reserve(scheduler, wanted, permit, () -> firstAnswered.complete(null));
            permit.whenComplete((p, error) -> {
                if (p == null) { // given up or failed: no answer to wait for
                    firstAnswered.complete(null);
                }
            });
        } else {
            wanted.waitsForOthers(); // the first request's answer
            firstAnswered.whenComplete((ignored, error) -> {
                if (!permit.isDone()) {
                    reserve(scheduler, wanted, permit, () -> {
                    });
                }
            });
        }
        return permit;
    }

    /**
     * Takes the next slot from the bucket and completes {@code permit} when it comes; waits in this JVM first while
     * one second's worth of slots is already reserved ahead.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void reserve(ScheduledExecutorService scheduler, Waiter wanted, CompletableFuture<Permit> permit,
            Permit onFinished) {
        wanted.waitsForOthers(); // the slots reserved ahead
        ahead.submit(() -> {
            AtomicBoolean released = new AtomicBoolean();
            Runnable done = () -> {
                if (released.compareAndSet(false, true)) {
                    ahead.done();
                }
            };
            if (permit.isDone()) { // given up while waiting in this JVM: nothing reserved
                done.run();
                return;
            }
            // a request failed from outside (its call is over) frees its place, even if the store's answer or the
            // scheduled wait never comes (a task lost to an Error)
            permit.whenComplete((p, error) -> done.run());
            wanted.waitsAtMost(bucket.timeout().toNanos());
            bucket.reserve(1L).whenComplete((waitNanos, error) -> {
                try {
                    if (error != null) {
                        done.run();
                        fallback.failed(error);
                        withoutStore(scheduler, wanted, permit, onFinished, error);
                        return;
                    }
                    // a slot given up is not given back: adding its token back could let two requests go too close
                    wanted.waitsAtMost(waitNanos);
                    scheduler.schedule(() -> {
                        done.run();
                        passOwnGuard(scheduler, wanted, permit, onFinished);
                    }, waitNanos, TimeUnit.NANOSECONDS);
                } catch (Throwable t) { // scheduler shut down (the context is stopping), or an Error
                    done.run();
                    permit.completeExceptionally(t);
                }
            });
        });
    }

    /**
     * No slot from the store: this JVM paces the request on its own ({@link LocalKeyPacer}; the adaptive pacer around
     * this one slows down on 429s), or, with {@code failOnStoreFailure}, the request fails.
     */
    private void withoutStore(ScheduledExecutorService scheduler, Waiter wanted,
            CompletableFuture<Permit> permit, Permit onFinished, Throwable error) {
        if (failOnStoreFailure) {
            permit.completeExceptionally(fallback.requestFailure(error));
            return;
        }
        passOwnGuard(scheduler, wanted, permit, onFinished);
    }

    /**
     * The shared slot came: the request still passes this JVM's own pacer ({@link LocalKeyPacer}), whose window guard
     * holds request k + 10 of this JVM until request k was answered and a window has passed, and whose spacing keeps
     * this JVM's own sends one interval apart when two shared slots came close (a late one).
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void passOwnGuard(ScheduledExecutorService scheduler, Waiter wanted,
            CompletableFuture<Permit> permit, Permit onFinished) {
        if (permit.isDone()) {
            return;
        }
        CompletableFuture<Permit> own = ownGuard.acquire(scheduler, wanted.and(() -> !permit.isDone()));
        permit.whenComplete((p, error) -> own.complete(null)); // giving the outer slot up gives this one up
        own.whenComplete((p, error) -> {
            if (error != null) {
                permit.completeExceptionally(error);
            } else if (p == null) {
                permit.complete(null);
            } else if (!permit.complete(() -> {
                p.finished();
                onFinished.finished();
            })) {
                p.finished();
            }
        });
    }

    @Override
    public SharedStoreState sharedStore() {
        return fallback;
    }

    /**
     * Gives the slots reserved ahead and not used back to the bucket (bounded by the store timeout; best effort: a
     * replica that cannot leaves at most one second of them), then ends this pacer's store threads (a call blocked in
     * the store's driver ends with the driver's own timeout).
     */
    @Override
    public void close() {
        int unused = ahead.close();
        if (unused > 0 && !fallback.active()) {
            try {
                bucket.giveBack(unused).join();
            } catch (RuntimeException e) {
                LOG.debug("Could not give {} unused slots back to the shared pacer's store: {}", unused, e.toString());
            }
        }
        bucket.close();
    }

    /** Puts the bucket in debt so that its next slot is {@code pause} from now, for every replica. */
    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    public void throttled(Duration pause) {
        if (fallback.active()) {
            return; // the adaptive pacer around this one pauses this JVM; the store is not answering
        }
        long interval = bucket.intervalNanos();
        long debt = (pause.toNanos() + interval - 1) / interval;
        bucket.available()
                .thenCompose(available -> debt + available > 0
                        ? bucket.reserve(debt + available) : CompletableFuture.completedFuture(0L))
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        fallback.failed(error);
                    }
                });
    }

    @Override
    public synchronized void limitTo(double requestsPerSecond) {
        ownGuard.limitTo(requestsPerSecond);
        long interval = PacerSlots.intervalFor(requestsPerSecond);
        if (interval > bucket.intervalNanos()) {
            bucket.configure(interval);
        }
    }

    @Override
    public String toString() {
        return "SharedKeyPacer[interval=" + TimeUnit.NANOSECONDS.toMillis(bucket.intervalNanos()) + " ms, store="
                + bucket.storeName() + "]";
    }
}
