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
package io.github.cameltamtam.simulator;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

/**
 * A faithful, stateful stand-in for the TamTam public API, served over real loopback sockets
 * ({@code http://127.0.0.1:PORT/api}). Embeddable in tests ({@code try (var sim = TamtamSimulator.start())})
 * and runnable alone ({@link Main}).
 *
 * <p>Endpoints: {@code POST /api/v2/key-accounts}, {@code GET /api/v2/key-accounts}, {@code GET /api/v2/credits},
 * {@code POST /api/v2/companies/search}. Authentication: the raw API key in {@code Authorization}; anything else
 * (including {@code Bearer <key>}) is answered 401.
 *
 * <p>Order of handling of each request: it is read completely and recorded ({@link #requests()}); the rate
 * limiter decides; a fault, if one is due, is applied ({@link #faults()}); the configured latency is waited; then
 * the endpoint answers (404 unknown path, 405 wrong method, 401 bad key, 400/422 bad body, 200). This facade holds
 * the state; the socket side is {@code Server}, the order above {@code RequestPipeline}, the limit
 * {@code RateLimiter}, and the command line {@link Main}.
 *
 * <p><b>Rate limit</b>: per {@code Authorization} header value, across all endpoints, at most N requests
 * admitted in any rolling 1-second window (a sliding log of arrival times, {@link System#nanoTime()}, taken
 * when the request has been read). Like common API gateways, a request rejected with 429 is <em>not</em>
 * added to the log, so it does not consume allowance: a client that keeps retrying is admitted again as soon
 * as the oldest admitted request leaves the window. The 429 body is exactly
 * {@code {"Message": "Too Many Requests"}} ({@code application/json}), without {@code Retry-After}. Requests
 * without an {@code Authorization} header are not rate limited (they get 401). A rate-limited request consumes
 * no fault.
 *
 * <p><b>Server</b>: one thread per open connection from a pool of daemon threads (HTTP/1.1, keep-alive,
 * pipelining, {@code Content-Length} and chunked request bodies; {@code Upgrade: h2c} is ignored and answered in
 * HTTP/1.1). Quiet: it logs (through {@link System.Logger}) only unexpected internal errors.
 */
public final class TamtamSimulator implements AutoCloseable {

    /** API key of the demo account that {@link #start()} creates. */
    public static final String DEMO_API_KEY = "demo-key-0000";
    /** The one user of the demo account. */
    public static final String DEMO_USER_EMAIL = "demo@example.com";

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final RequestLog log = new RequestLog();
    private final Stats stats = new Stats(log);
    private final Faults faults = new Faults();
    private final RateLimiter limiter;
    private final RequestPipeline pipeline;
    private final Server server;
    private final URI baseUrl;

    private TamtamSimulator(Builder b) {
        limiter = new RateLimiter(b.rateLimit, System::nanoTime);
        pipeline = new RequestPipeline(log, stats, faults, limiter, new ApiHandler(accounts), b.latency);
        if (b.demoAccount) {
            createAccount(DEMO_API_KEY, b.demoCredits, DEMO_USER_EMAIL);
        }
        server = new Server(b.tls, b.port, b.workerThreads, pipeline);
        baseUrl = URI.create((b.tls == null ? "http" : "https") + "://127.0.0.1:" + server.port() + "/api");
    }

    /**
     * Starts a simulator with the defaults: free port, rate limit 10/s, no latency, and the demo account
     * ({@link #DEMO_API_KEY}, user {@link #DEMO_USER_EMAIL}, 1000 credits).
     *
     * @return the running simulator
     */
    public static TamtamSimulator start() {
        return builder().start();
    }

    /** Returns a builder with the defaults of {@link #start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the base URL, {@code http://127.0.0.1:PORT/api} ({@code https} when built with TLS; no trailing slash).
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns connections currently open (accepted and not yet closed by either side). */
    public int openConnections() {
        return server.openConnections();
    }

    /** Returns the TCP port the simulator listens on. */
    public int port() {
        return server.port();
    }

    /**
     * Returns the account with that key.
     *
     * @param apiKey an API key
     * @return the account with that key
     * @throws IllegalArgumentException if there is none
     */
    public Account account(String apiKey) {
        Account a = apiKey == null ? null : accounts.get(apiKey);
        if (a == null) {
            throw new IllegalArgumentException("no account with that API key");
        }
        return a;
    }

    /**
     * Creates an account.
     *
     * @param apiKey     its API key
     * @param credits    its {@code MaxKeyAccountsUnlocked} credits
     * @param userEmails its users
     * @return the account
     * @throws IllegalArgumentException if an account with that key exists or an argument is invalid
     */
    public Account createAccount(String apiKey, int credits, String... userEmails) {
        Account account = new Account(apiKey, credits);
        for (String email : userEmails) {
            account.addUser(email);
        }
        if (accounts.putIfAbsent(apiKey, account) != null) {
            throw new IllegalArgumentException("an account with that API key exists");
        }
        return account;
    }

    /**
     * Returns the demo account ({@link #DEMO_API_KEY}).
     *
     * @return the demo account ({@link #DEMO_API_KEY})
     * @throws IllegalArgumentException if the simulator was built without it
     */
    public Account demoAccount() {
        return account(DEMO_API_KEY);
    }

    /** Returns a snapshot of all recorded requests, in arrival order. */
    public List<RecordedRequest> requests() {
        return log.snapshot(null, null);
    }

    /**
     * Returns a snapshot of the recorded requests with that method and path, in arrival order.
     *
     * @param method an HTTP method, e.g. {@code "POST"}
     * @param path   a path, e.g. {@code "/api/v2/key-accounts"} ({@code "/v2/key-accounts"} is taken as the same)
     * @return a snapshot of the recorded requests with that method and path, in arrival order
     */
    public List<RecordedRequest> requests(String method, String path) {
        Objects.requireNonNull(method, "method");
        return log.snapshot(method, Faults.normalizePath(Objects.requireNonNull(path, "path")));
    }

    /** Forgets the recorded requests (counters in {@link #stats()} are kept). */
    public void clearRequests() {
        log.clear();
    }

    /** Returns the fault injection of this simulator. */
    public Faults faults() {
        return faults;
    }

    /** Returns the counters of this simulator. */
    public Stats stats() {
        return stats;
    }

    /**
     * Sets the rate limit; takes effect for the next request.
     *
     * @param requestsPerSecond requests admitted per API key in any 1-second window; 0 = unlimited
     */
    public void setRateLimit(int requestsPerSecond) {
        limiter.setLimit(requestsPerSecond);
    }

    /** Returns the current rate limit, requests per second per key; 0 = unlimited. */
    public int rateLimit() {
        return limiter.limit();
    }

    /**
     * Sets the fixed delay before each answer (and before each reset); takes effect for the next request.
     *
     * @param latency the delay, not negative
     */
    public void setLatency(Duration latency) {
        pipeline.setLatency(latency);
    }

    /** Returns the current fixed latency. */
    public Duration latency() {
        return pipeline.latency();
    }

    /**
     * Stops the simulator: closes the server socket and every open connection (requests still waiting for
     * their latency or delay are abandoned unanswered), and waits up to 5 s for its threads to end. Idempotent.
     */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "TamtamSimulator[" + baseUrl + ", rateLimit=" + rateLimit() + ", latency=" + latency()
                + (server.isClosed() ? ", closed" : "") + "]";
    }

    /**
     * Runs a simulator from the command line; the same as {@link Main#main(String[])}, kept so that commands naming
     * this class as the main class keep working.
     *
     * @param args the options, see {@link Main}
     */
    public static void main(String[] args) {
        Main.main(args);
    }

    // ---------------------------------------------------------------- builder

    /** Configures and starts a {@link TamtamSimulator}. Not thread-safe. */
    public static final class Builder {
        private int port;
        private int rateLimit = 10;
        private Duration latency = Duration.ZERO;
        private boolean demoAccount = true;
        private int demoCredits = 1000;
        private int workerThreads = 64;
        private SSLContext tls;

        private Builder() {
        }

        /**
         * Serves https with this server context (e.g. {@link SelfSignedTls#serverContext()}) instead of plain http.
         *
         * @param serverContext an SSLContext initialised with the server's key
         * @return this
         */
        public Builder tls(SSLContext serverContext) {
            this.tls = Objects.requireNonNull(serverContext, "serverContext");
            return this;
        }

        /**
         * Sets the port to listen on.
         *
         * @param port the port on 127.0.0.1; 0 (default) = a free port
         * @return this
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the rate limit.
         *
         * @param requestsPerSecond requests admitted per API key in any 1-second window; default 10, 0 = unlimited
         * @return this
         */
        public Builder rateLimit(int requestsPerSecond) {
            if (requestsPerSecond < 0) {
                throw new IllegalArgumentException("rate limit must be >= 0: " + requestsPerSecond);
            }
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /**
         * Sets the fixed latency.
         *
         * @param latency fixed delay before each answer; default {@link Duration#ZERO}
         * @return this
         */
        public Builder latency(Duration latency) {
            this.latency = RequestPipeline.requireLatency(latency);
            return this;
        }

        /**
         * Sets whether the demo account is created.
         *
         * @param create whether to create the demo account ({@link #DEMO_API_KEY}); default true
         * @return this
         */
        public Builder demoAccount(boolean create) {
            this.demoAccount = create;
            return this;
        }

        /**
         * Sets the credits of the demo account.
         *
         * @param credits credits of the demo account; default 1000
         * @return this
         */
        public Builder demoCredits(int credits) {
            if (credits < 0) {
                throw new IllegalArgumentException("credits must be >= 0: " + credits);
            }
            this.demoCredits = credits;
            return this;
        }

        /**
         * Worker threads kept ready (default 64). Each open connection is served by one thread; the pool grows
         * beyond this number when more connections are open (idle keep-alive connections never starve new ones),
         * and threads above it retire after 30 s idle.
         *
         * @param n at least 1
         * @return this
         */
        public Builder workerThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workerThreads must be >= 1: " + n);
            }
            this.workerThreads = n;
            return this;
        }

        /**
         * Returns the running simulator.
         *
         * @return the running simulator
         * @throws UncheckedIOException if the port cannot be bound
         */
        public TamtamSimulator start() {
            return new TamtamSimulator(this);
        }
    }
}
