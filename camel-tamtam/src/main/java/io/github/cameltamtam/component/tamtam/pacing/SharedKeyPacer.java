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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameltamtam.component.tamtam.support.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared pacer: every request with the key, from every replica (JVM, CamelContext) whose component has the same
 * Bucket4j {@link ProxyManager} store, takes its slot from one bucket in that store. The bucket allows no burst:
 * capacity 1, one token per {@code 1/requestsPerSecond} seconds plus {@link PacerSlots#SAFETY_MARGIN}, so the
 * replicas together send evenly spaced requests and no rolling 1-second window at the server holds more than the
 * limit.
 * <p>
 * A slot is a reservation ({@code consumeIgnoringRateLimits(1)}): the token is taken at once, the bucket going into
 * debt, and the answer says how long until the slot comes, so replicas are served in the order they asked, with one
 * round trip to the store per request. A 429 puts the bucket in debt for the pause ({@link #throttled(Duration)}), so
 * every replica waits, not only the one that was told.
 * <p>
 * A slot is a moment, so a request sent late arrives close to the next ones. The first requests of a fresh JVM are
 * the latest: its HTTP client, still cold, held the first slots of 3 freshly started replicas back for 1.3 s and then
 * sent them within 40 ms (11 × 429 at the server). So the first request of this pacer goes alone, and the others take
 * their slots only once it was answered; after that, slots are taken as soon as asked. And after its shared slot a
 * request still passes this JVM's own {@link LocalKeyPacer}: the window guard that keeps a single process at 0 × 429.
 * <p>
 * Stores with an asynchronous API (Redis/Lettuce, Hazelcast…) are used asynchronously; blocking ones (JDBC) run on
 * two daemon threads of this pacer, never on a Camel thread.
 * <p>
 * <b>Nothing left behind.</b> A replica reserves at most {@link #aheadLimit} slots ahead (one second's worth at
 * {@code requestsPerSecond}); its other requests wait in this JVM, in order, without touching the store. So a replica
 * that dies without stopping leaves the others at most about one second of its reservations, and one that stops
 * gives its reserved, unused slots back to the bucket ({@link #close()}).
 * <p>
 * <b>A slow or failed store.</b> Every store call is bounded by {@code storeTimeout} ({@code pacerStoreTimeout}): a
 * call that fails or is not answered in time makes this replica pace on its own — its {@link LocalKeyPacer}, with the
 * {@link AdaptiveKeyPacer} around it slowing down on 429s — with one WARN naming the store's type (never the key),
 * until a probe (at most one a second, one at a time) is answered: then the shared bucket is used again (one INFO).
 * With {@code failOnStoreFailure}, a request whose slot the store did not give fails instead
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
 * This class is the only one that uses Bucket4j, an optional dependency: it is loaded only when a
 * {@code pacerProxyManager} is configured.
 */
public final class SharedKeyPacer implements KeyPacer {

    private static final Logger LOG = LoggerFactory.getLogger(SharedKeyPacer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** How often, at most, a store that failed is asked again (one probe at a time). */
    static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ProxyManager<String> store;
    private final String storeName;
    private final String bucketKey;
    private final long storeTimeoutNanos;
    private final boolean failOnStoreFailure;
    /** True while the store is not answering: requests are paced by this JVM alone. */
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong storeFailures = new AtomicLong();
    private volatile long lastFailureNanos;
    /** The store's last failure, the cause of the requests failed while it is not answering. */
    private volatile Throwable lastFailure;
    /** Slots this replica may hold reserved in the bucket and not yet used: one second's worth. */
    private final int aheadLimit;
    /** Reservations made or being made whose slot has not come yet; guarded by {@code waitingToReserve}. */
    private int reservedAhead;
    /** Requests waiting in this JVM until fewer than {@link #aheadLimit} slots are reserved ahead. */
    private final java.util.ArrayDeque<Runnable> waitingToReserve = new java.util.ArrayDeque<>();
    private final ThreadPoolExecutor blocking;
    private volatile long intervalNanos;
    private volatile Bucket bucket;
    /** Whether the first request of this pacer was given its slot; the others wait for {@link #firstAnswered}. */
    private final AtomicBoolean firstTaken = new AtomicBoolean();
    /** Completes once the first request was answered (or failed, or gave its slot up): the HTTP client is warm. */
    private final CompletableFuture<Void> firstAnswered = new CompletableFuture<>();
    /** This JVM's own pacing of the key, passed after the shared slot: its window guard and spacing. */
    private final LocalKeyPacer ownGuard;

    private SharedKeyPacer(ProxyManager<String> store, String bucketKey, double requestsPerSecond,
            Duration storeTimeout, boolean failOnStoreFailure) {
        this.store = store;
        this.storeName = store.getClass().getSimpleName();
        this.bucketKey = bucketKey;
        this.storeTimeoutNanos = storeTimeout.toNanos();
        this.failOnStoreFailure = failOnStoreFailure;
        this.aheadLimit = Math.max(1, (int) Math.ceil(requestsPerSecond));
        this.ownGuard = new LocalKeyPacer(requestsPerSecond);
        this.blocking = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "tamtam-shared-pacer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        blocking.allowCoreThreadTimeOut(true);
        configure(PacerSlots.intervalFor(requestsPerSecond));
    }

    /**
     * The shared pacer of one key.
     *
     * @param  proxyManager             a Bucket4j {@code ProxyManager<String>}
     * @param  storeTimeout             the longest wait for one answer of the store
     * @param  failOnStoreFailure       fail a request the store gave no slot to, instead of pacing it locally
     * @throws IllegalArgumentException when it is not a {@code ProxyManager}
     */
    @SuppressWarnings("unchecked")
    public static KeyPacer create(Object proxyManager, URI baseUri, String apiKey, double requestsPerSecond,
            Duration storeTimeout, boolean failOnStoreFailure) {
        if (!(proxyManager instanceof ProxyManager<?>)) {
            throw new IllegalArgumentException("pacerProxyManager must be a Bucket4j "
                    + "io.github.bucket4j.distributed.proxy.ProxyManager but was a "
                    + proxyManager.getClass().getName());
        }
        return new SharedKeyPacer((ProxyManager<String>) proxyManager, bucketKey(baseUri, apiKey), requestsPerSecond,
                storeTimeout, failOnStoreFailure);
    }

    /** {@code tamtam-} and the SHA-256 of base URL and key, in hex: names the key's bucket without revealing the key. */
    static String bucketKey(URI baseUri, String apiKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((baseUri.toString().toLowerCase(Locale.ROOT) + '\u0000' + apiKey)
                    .getBytes(StandardCharsets.UTF_8));
            return "tamtam-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private void configure(long interval) {
        intervalNanos = interval;
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(interval)))
                .build();
        // a slower configuration (a longer interval, a higher version) replaces a faster one in the store, not back
        long version = TimeUnit.NANOSECONDS.toMicros(interval);
        if (store.isAsyncModeSupported()) {
            AsyncBucketProxy async = store.asAsync().builder()
                    .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                    .build(bucketKey, () -> CompletableFuture.completedFuture(configuration));
            bucket = new Bucket(null, async);
        } else {
            BucketProxy sync = store.builder()
                    .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                    .build(bucketKey, () -> configuration);
            bucket = new Bucket(sync, null);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    @Override
    public CompletableFuture<Permit> acquire(ScheduledExecutorService scheduler, BooleanSupplier wanted) {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
        if (storeDown.get()) {
            probe();
            if (storeDown.get()) {
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
     * {@link #aheadLimit} slots are already reserved ahead.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void reserve(ScheduledExecutorService scheduler, BooleanSupplier wanted, CompletableFuture<Permit> permit,
            Permit onFinished) {
        Runnable reservation = () -> {
            if (permit.isDone()) { // given up while waiting in this JVM: nothing reserved
                reservationDone();
                return;
            }
            storeCall(bucket::consume, 1L).whenComplete((waitNanos, error) -> {
                try {
                    if (error != null) {
                        reservationDone();
                        storeFailed(error);
                        withoutStore(scheduler, wanted, permit, onFinished, error);
                        return;
                    }
                    // a slot given up is not given back: adding its token back could let two requests go too close
                    scheduler.schedule(() -> {
                        reservationDone();
                        passOwnGuard(scheduler, wanted, permit, onFinished);
                    }, waitNanos, TimeUnit.NANOSECONDS);
                } catch (Throwable t) { // scheduler shut down (the context is stopping), or an Error
                    reservationDone();
                    permit.completeExceptionally(t);
                }
            });
        };
        boolean now;
        synchronized (waitingToReserve) {
            now = reservedAhead < aheadLimit;
            if (now) {
                reservedAhead++;
            } else {
                waitingToReserve.add(reservation);
            }
        }
        if (now) {
            reservation.run();
        }
    }

    /** A reserved slot came (or the reservation failed): the next request waiting in this JVM may reserve. */
    private void reservationDone() {
        Runnable next;
        synchronized (waitingToReserve) {
            next = waitingToReserve.poll();
            if (next == null) {
                reservedAhead--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /**
     * No slot from the store: this JVM paces the request on its own ({@link LocalKeyPacer}; the adaptive pacer around
     * this one slows down on 429s), or, with {@code failOnStoreFailure}, the request fails.
     */
    private void withoutStore(ScheduledExecutorService scheduler, BooleanSupplier wanted,
            CompletableFuture<Permit> permit, Permit onFinished, Throwable error) {
        if (failOnStoreFailure) {
            Throwable cause = error == null ? lastFailure : Futures.unwrap(error);
            permit.completeExceptionally(new PacerStoreException("The shared pacer's store failed (" + storeName
                    + (cause == null ? "" : ": " + describe(cause))
                    + "); failOnPacerStoreFailure is set: request not sent", cause));
            return;
        }
        passOwnGuard(scheduler, wanted, permit, onFinished);
    }

    /**
     * Runs one call of the store, bounded by the store timeout. A blocking store's call runs on this pacer's threads;
     * if its time is up before a thread takes it, it is not made at all.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private CompletableFuture<Long> storeCall(
            java.util.function.BiFunction<Long, Executor, CompletableFuture<Long>> call,
            long argument) {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        try {
            Executor onlyIfAwaited = task -> blocking.execute(() -> {
                if (!answer.isDone()) {
                    task.run();
                }
            });
            call.apply(argument, onlyIfAwaited).whenComplete((value, error) -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                } else {
                    answer.complete(value);
                }
            });
        } catch (Throwable t) { // refused at once (pool shut down), or an Error
            answer.completeExceptionally(t);
        }
        return answer.orTimeout(storeTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** A store call failed or timed out: from now on, requests are paced by this JVM until a probe is answered. */
    private void storeFailed(Throwable error) {
        lastFailure = Futures.unwrap(error);
        storeFailures.incrementAndGet();
        lastFailureNanos = System.nanoTime();
        if (storeDown.compareAndSet(false, true)) {
            LOG.warn("The shared pacer's store ({}) {}: this replica paces its requests on its own (local and adaptive "
                    + "pacing) until the store answers again", storeName, describe(Futures.unwrap(error)));
        }
    }

    /** Asks a store that failed again, at most once a second and one call at a time; an answer ends the fallback. */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void probe() {
        if (System.nanoTime() - lastFailureNanos < PROBE_INTERVAL_NANOS || !probing.compareAndSet(false, true)) {
            return;
        }
        storeCall((ignored, executor) -> bucket.available(executor), 0L).whenComplete((available, error) -> {
            if (error != null) {
                storeFailures.incrementAndGet();
                lastFailureNanos = System.nanoTime();
            } else if (storeDown.compareAndSet(true, false)) {
                LOG.info("The shared pacer's store ({}) answers again: requests take their slots from the shared "
                        + "bucket again", storeName);
            }
            probing.set(false);
        });
    }

    private String describe(Throwable cause) {
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return "did not answer within " + TimeUnit.NANOSECONDS.toMillis(storeTimeoutNanos)
                    + " ms (pacerStoreTimeout)";
        }
        return "failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    @Override
    public SharedStoreState sharedStore() {
        return new SharedStoreState() {
            @Override
            public String storeName() {
                return storeName;
            }

            @Override
            public boolean answering() {
                return !storeDown.get();
            }

            @Override
            public long failures() {
                return storeFailures.get();
            }
        };
    }

    /**
     * Gives the slots reserved ahead and not used back to the bucket (bounded by the store timeout; best effort: a
     * replica that cannot leaves at most one second of them), then ends this pacer's store threads (a call blocked in
     * the store's driver ends with the driver's own timeout).
     */
    @Override
    public void close() {
        int unused;
        synchronized (waitingToReserve) {
            unused = reservedAhead;
            reservedAhead = aheadLimit; // nothing reserves any more
            waitingToReserve.clear();
        }
        if (unused > 0 && !storeDown.get()) {
            try {
                storeCall((tokens, executor) -> bucket.giveBack(tokens, executor), (long) unused).join();
            } catch (RuntimeException e) {
                LOG.debug("Could not give {} unused slots back to the shared pacer's store: {}", unused, e.toString());
            }
        }
        blocking.shutdownNow();
    }

    /**
     * The shared slot came: the request still passes this JVM's own pacer ({@link LocalKeyPacer}), whose window guard
     * holds request k + 10 of this JVM until request k was answered and a window has passed, and whose spacing keeps
     * this JVM's own sends one interval apart when two shared slots came close (a late one).
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private void passOwnGuard(ScheduledExecutorService scheduler, BooleanSupplier wanted,
            CompletableFuture<Permit> permit, Permit onFinished) {
        if (permit.isDone()) {
            return;
        }
        CompletableFuture<Permit> own = ownGuard.acquire(scheduler, () -> !permit.isDone() && wanted.getAsBoolean());
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

    /** Puts the bucket in debt so that its next slot is {@code pause} from now, for every replica. */
    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    public void throttled(Duration pause) {
        if (storeDown.get()) {
            return; // the adaptive pacer around this one pauses this JVM; the store is not answering
        }
        long debt = (pause.toNanos() + intervalNanos - 1) / intervalNanos;
        storeCall((ignored, executor) -> bucket.available(executor), 0L)
                .thenCompose(available -> debt + available > 0
                        ? storeCall(bucket::consume, debt + available) : CompletableFuture.completedFuture(0L))
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        storeFailed(error);
                    }
                });
    }

    @Override
    public synchronized void limitTo(double requestsPerSecond) {
        ownGuard.limitTo(requestsPerSecond);
        long interval = PacerSlots.intervalFor(requestsPerSecond);
        if (interval > intervalNanos) {
            configure(interval);
        }
    }

    @Override
    public String toString() {
        return "SharedKeyPacer[interval=" + TimeUnit.NANOSECONDS.toMillis(intervalNanos) + " ms, store="
                + store.getClass().getSimpleName() + "]";
    }

    /** The key's bucket through the store's asynchronous API, or its blocking one run on {@code blocking} threads. */
    private record Bucket(BucketProxy sync, AsyncBucketProxy async) {

        /** Takes {@code tokens} at once, going into debt; completes with how long until they are covered. */
        CompletableFuture<Long> consume(long tokens, Executor blocking) {
            return async != null
                    ? async.consumeIgnoringRateLimits(tokens)
                    : CompletableFuture.supplyAsync(() -> sync.consumeIgnoringRateLimits(tokens), blocking);
        }

        /** Adds {@code tokens} back (lessens the debt of slots reserved and not used); completes with 0. */
        CompletableFuture<Long> giveBack(long tokens, Executor blocking) {
            return async != null
                    ? async.addTokens(tokens).thenApply(ignored -> 0L)
                    : CompletableFuture.supplyAsync(() -> {
                        sync.addTokens(tokens);
                        return 0L;
                    }, blocking);
        }

        /** The tokens in the bucket now, negative when in debt. */
        CompletableFuture<Long> available(Executor blocking) {
            return async != null
                    ? async.getAvailableTokens()
                    : CompletableFuture.supplyAsync(sync::getAvailableTokens, blocking);
        }
    }
}
