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
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * One key's bucket in the shared pacer's Bucket4j store, every call bounded by the store timeout: reserve slots
 * ({@code consumeIgnoringRateLimits}), give unused ones back, read the tokens available. The bucket holds no burst:
 * capacity 1, one token per interval. Stores with an asynchronous API (Redis/Lettuce, Hazelcast…) are called
 * asynchronously; blocking ones (JDBC) run on two daemon threads of this bucket, never on a Camel thread, and a call
 * whose time is up before a thread takes it is not made at all. A call still blocked in the store's driver when its
 * time is up is left to the driver's own timeouts; its answer, when it comes, is thrown away.
 * <p>
 * The only class that names Bucket4j, an optional dependency: loaded only when a {@code pacerProxyManager} is set.
 */
final class SharedBucket {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ProxyManager<String> store;
    private final String storeName;
    private final String key;
    private final long timeoutNanos;
    private final ThreadPoolExecutor blocking;
    private volatile long intervalNanos;
    private volatile Proxy proxy;

    private SharedBucket(ProxyManager<String> store, String key, long intervalNanos, Duration timeout) {
        this.store = store;
        this.storeName = store.getClass().getSimpleName();
        this.key = key;
        this.timeoutNanos = timeout.toNanos();
        this.blocking = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "tamtam-shared-pacer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        blocking.allowCoreThreadTimeOut(true);
        configure(intervalNanos);
    }

    /**
     * The bucket of one key in {@code proxyManager}.
     *
     * @param  timeout                  the longest wait for one answer of the store
     * @throws IllegalArgumentException when it is not a {@code ProxyManager}
     */
    @SuppressWarnings("unchecked")
    static SharedBucket of(Object proxyManager, URI baseUri, String apiKey, long intervalNanos, Duration timeout) {
        if (!(proxyManager instanceof ProxyManager<?>)) {
            throw new IllegalArgumentException("pacerProxyManager must be a Bucket4j "
                    + "io.github.bucket4j.distributed.proxy.ProxyManager but was a "
                    + proxyManager.getClass().getName());
        }
        return new SharedBucket((ProxyManager<String>) proxyManager, bucketKey(baseUri, apiKey), intervalNanos,
                timeout);
    }

    /** {@code tamtam-} and the SHA-256 of base URL and key, in hex: names the key's bucket, never revealing the key. */
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

    /**
     * One token per {@code interval} from now on. A slower configuration (a longer interval, a higher version)
     * replaces a faster one in the store, not back.
     */
    void configure(long interval) {
        intervalNanos = interval;
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(interval)))
                .build();
        long version = TimeUnit.NANOSECONDS.toMicros(interval);
        if (store.isAsyncModeSupported()) {
            AsyncBucketProxy async = store.asAsync().builder()
                    .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                    .build(key, () -> CompletableFuture.completedFuture(configuration));
            proxy = new Proxy(null, async);
        } else {
            BucketProxy sync = store.builder()
                    .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                    .build(key, () -> configuration);
            proxy = new Proxy(sync, null);
        }
    }

    /** The time between two slots. */
    long intervalNanos() {
        return intervalNanos;
    }

    /** The store's type (its {@code ProxyManager}'s class name), never its address or credentials. */
    String storeName() {
        return storeName;
    }

    /** The longest wait for one answer of the store. */
    Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /** Takes {@code tokens} at once, going into debt; completes with how long until they are covered. */
    CompletableFuture<Long> reserve(long tokens) {
        return bounded(Proxy::consume, tokens);
    }

    /** Adds {@code tokens} back (lessens the debt of slots reserved and not used); completes with 0. */
    CompletableFuture<Long> giveBack(long tokens) {
        return bounded(Proxy::giveBack, tokens);
    }

    /** The tokens in the bucket now, negative when in debt. */
    CompletableFuture<Long> available() {
        return bounded((current, ignored, executor) -> current.available(executor), 0L);
    }

    /** Ends the store threads (a call blocked in the store's driver ends with the driver's own timeout). */
    void close() {
        blocking.shutdownNow();
    }

    /**
     * Runs one call of the store, bounded by the store timeout. A blocking store's call runs on this bucket's
     * threads; if its time is up before a thread takes it, it is not made at all.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the callbacks complete their own futures
    private CompletableFuture<Long> bounded(StoreCall call, long argument) {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        try {
            Executor onlyIfAwaited = task -> blocking.execute(() -> {
                if (!answer.isDone()) {
                    task.run();
                }
            });
            call.apply(proxy, argument, onlyIfAwaited).whenComplete((value, error) -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                } else {
                    answer.complete(value);
                }
            });
        } catch (Throwable t) { // refused at once (pool shut down), or an Error
            answer.completeExceptionally(t);
        }
        return answer.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** One call of the store on the bucket's proxy, blocking ones on the given executor. */
    @FunctionalInterface
    private interface StoreCall {
        CompletableFuture<Long> apply(Proxy proxy, long argument, Executor blocking);
    }

    /** The key's bucket through the store's asynchronous API, or its blocking one run on {@code blocking} threads. */
    private record Proxy(BucketProxy sync, AsyncBucketProxy async) {

        CompletableFuture<Long> consume(long tokens, Executor blocking) {
            return async != null
                    ? async.consumeIgnoringRateLimits(tokens)
                    : CompletableFuture.supplyAsync(() -> sync.consumeIgnoringRateLimits(tokens), blocking);
        }

        CompletableFuture<Long> giveBack(long tokens, Executor blocking) {
            return async != null
                    ? async.addTokens(tokens).thenApply(ignored -> 0L)
                    : CompletableFuture.supplyAsync(() -> {
                        sync.addTokens(tokens);
                        return 0L;
                    }, blocking);
        }

        CompletableFuture<Long> available(Executor blocking) {
            return async != null
                    ? async.getAvailableTokens()
                    : CompletableFuture.supplyAsync(sync::getAvailableTokens, blocking);
        }
    }
}
