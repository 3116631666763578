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

    private final ProxyManager<String> store;
    private final String bucketKey;
    private final ThreadPoolExecutor blocking;
    private volatile long intervalNanos;
    private volatile Bucket bucket;
    /** Whether the first request of this pacer was given its slot; the others wait for {@link #firstAnswered}. */
    private final AtomicBoolean firstTaken = new AtomicBoolean();
    /** Completes once the first request was answered (or failed, or gave its slot up): the HTTP client is warm. */
    private final CompletableFuture<Void> firstAnswered = new CompletableFuture<>();
    /** This JVM's own pacing of the key, passed after the shared slot: its window guard and spacing. */
    private final LocalKeyPacer ownGuard;

    private SharedKeyPacer(ProxyManager<String> store, String bucketKey, double requestsPerSecond) {
        this.store = store;
        this.bucketKey = bucketKey;
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
     * @throws IllegalArgumentException when it is not a {@code ProxyManager}
     */
    @SuppressWarnings("unchecked")
    public static KeyPacer create(Object proxyManager, URI baseUri, String apiKey, double requestsPerSecond) {
        if (!(proxyManager instanceof ProxyManager<?>)) {
            throw new IllegalArgumentException("pacerProxyManager must be a Bucket4j "
                                               + "io.github.bucket4j.distributed.proxy.ProxyManager but was a "
                                               + proxyManager.getClass().getName());
        }
        return new SharedKeyPacer((ProxyManager<String>) proxyManager, bucketKey(baseUri, apiKey), requestsPerSecond);
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

    @Override
    public CompletableFuture<Permit> acquire(ScheduledExecutorService scheduler, BooleanSupplier wanted) {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
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

    /** Takes the next slot from the bucket and completes {@code permit} when it comes. */
    private void reserve(ScheduledExecutorService scheduler, BooleanSupplier wanted, CompletableFuture<Permit> permit,
            Permit onFinished) {
        bucket.consume(1, blocking).whenComplete((waitNanos, error) -> {
            if (error != null) {
                Throwable cause = Futures.unwrap(error);
                permit.completeExceptionally(new PacerStoreException(
                        "The shared pacer's Bucket4j store failed: " + cause, cause));
                return;
            }
            try {
                // a slot given up is not given back: adding its token back could let two requests go too close
                scheduler.schedule(() -> passOwnGuard(scheduler, wanted, permit, onFinished), waitNanos,
                        TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) { // scheduler shut down: the context is stopping
                permit.completeExceptionally(e);
            }
        });
    }

    /**
     * The shared slot came: the request still passes this JVM's own pacer ({@link LocalKeyPacer}), whose window guard
     * holds request k + 10 of this JVM until request k was answered and a window has passed, and whose spacing keeps
     * this JVM's own sends one interval apart when two shared slots came close (a late one).
     */
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
    public void throttled(Duration pause) {
        long debt = (pause.toNanos() + intervalNanos - 1) / intervalNanos;
        bucket.available(blocking)
                .thenCompose(available -> debt + available > 0
                        ? bucket.consume(debt + available, blocking) : CompletableFuture.completedFuture(0L))
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        LOG.warn("Could not put the shared pacer's bucket in debt after a 429: {}", error.toString());
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

        /** The tokens in the bucket now, negative when in debt. */
        CompletableFuture<Long> available(Executor blocking) {
            return async != null
                    ? async.getAvailableTokens()
                    : CompletableFuture.supplyAsync(sync::getAvailableTokens, blocking);
        }
    }
}
