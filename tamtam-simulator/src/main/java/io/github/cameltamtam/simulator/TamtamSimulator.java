package io.github.cameltamtam.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A faithful, stateful stand-in for the TamTam public API, served over real loopback sockets
 * ({@code http://127.0.0.1:PORT/api}). Embeddable in tests ({@code try (var sim = TamtamSimulator.start())})
 * and runnable alone ({@link #main(String[])}).
 *
 * <p>Endpoints: {@code POST /api/v2/key-accounts}, {@code GET /api/v2/key-accounts}, {@code GET /api/v2/credits},
 * {@code POST /api/v2/companies/search}. Authentication: the raw API key in {@code Authorization}; anything else
 * (including {@code Bearer <key>}) is answered 401.
 *
 * <p>Order of handling of each request: it is read completely and recorded ({@link #requests()}); the rate
 * limiter decides; a fault, if one is due, is applied ({@link #faults()}); the configured latency is waited; then
 * the endpoint answers (404 unknown path, 405 wrong method, 401 bad key, 400/422 bad body, 200).
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

    private static final System.Logger LOG = System.getLogger(TamtamSimulator.class.getName());
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    private final ServerSocket serverSocket;
    private final int port;
    private final URI baseUrl;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RequestLog log = new RequestLog();
    private final Stats stats = new Stats(log);
    private final Faults faults = new Faults();
    private final ApiHandler handler = new ApiHandler(accounts);
    private final Object arrivalLock = new Object();
    /** Admitted arrival times per API key; guarded by {@link #arrivalLock}. */
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
    private volatile int rateLimit;
    private volatile Duration latency;

    private TamtamSimulator(Builder b) {
        this.rateLimit = b.rateLimit;
        this.latency = b.latency;
        try {
            serverSocket = b.tls == null ? new ServerSocket() : b.tls.getServerSocketFactory().createServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), b.port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + b.port, e);
        }
        port = serverSocket.getLocalPort();
        baseUrl = URI.create((b.tls == null ? "http" : "https") + "://127.0.0.1:" + port + "/api");
        if (b.demoAccount) {
            createAccount(DEMO_API_KEY, b.demoCredits, DEMO_USER_EMAIL);
        }
        AtomicInteger threadNo = new AtomicInteger();
        workers = new ThreadPoolExecutor(b.workerThreads, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "tamtam-simulator-" + port + "-worker-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    workerThreads.removeIf(w -> w.getState() == Thread.State.TERMINATED);
                    workerThreads.add(t);
                    return t;
                });
        acceptor = new Thread(this::acceptLoop, "tamtam-simulator-" + port + "-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
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

    /** @return a builder with the defaults of {@link #start()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URL, {@code http://127.0.0.1:PORT/api} ({@code https} when built with TLS; no trailing slash) */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return connections currently open (accepted and not yet closed by either side) */
    public int openConnections() {
        return openSockets.size();
    }

    /** @return the TCP port the simulator listens on */
    public int port() {
        return port;
    }

    /**
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
     * @return the demo account ({@link #DEMO_API_KEY})
     * @throws IllegalArgumentException if the simulator was built without it
     */
    public Account demoAccount() {
        return account(DEMO_API_KEY);
    }

    /** @return a snapshot of all recorded requests, in arrival order */
    public List<RecordedRequest> requests() {
        return log.snapshot(null, null);
    }

    /**
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

    /** @return the fault injection of this simulator */
    public Faults faults() {
        return faults;
    }

    /** @return the counters of this simulator */
    public Stats stats() {
        return stats;
    }

    /**
     * Sets the rate limit; takes effect for the next request.
     *
     * @param requestsPerSecond requests admitted per API key in any 1-second window; 0 = unlimited
     */
    public void setRateLimit(int requestsPerSecond) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("rate limit must be >= 0: " + requestsPerSecond);
        }
        this.rateLimit = requestsPerSecond;
    }

    /** @return the current rate limit, requests per second per key; 0 = unlimited */
    public int rateLimit() {
        return rateLimit;
    }

    /**
     * Sets the fixed delay before each answer (and before each reset); takes effect for the next request.
     *
     * @param latency the delay, not negative
     */
    public void setLatency(Duration latency) {
        this.latency = requireLatency(latency);
    }

    /** @return the current fixed latency */
    public Duration latency() {
        return latency;
    }

    /**
     * Stops the simulator: closes the server socket and every open connection (requests still waiting for
     * their latency or delay are abandoned unanswered), and waits up to 5 s for its threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(serverSocket);
        for (Socket s : openSockets) {
            closeQuietly(s);
        }
        workers.shutdownNow();
        if (Thread.currentThread() == acceptor || workerThreads.contains(Thread.currentThread())) {
            return; // closed from inside: cannot wait for ourselves
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            acceptor.join(5_000);
            workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            for (Thread t : workerThreads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            workerThreads.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TamtamSimulator[" + baseUrl + ", rateLimit=" + rateLimit + ", latency=" + latency
                + (closed.get() ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- server

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed.get() || serverSocket.isClosed()) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "accept failed", e);
                continue;
            }
            openSockets.add(socket);
            if (closed.get()) {
                openSockets.remove(socket);
                closeQuietly(socket);
                return;
            }
            long id = connectionIds.incrementAndGet();
            try {
                workers.execute(() -> serve(socket, id));
            } catch (RejectedExecutionException e) {
                openSockets.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket, long connectionId) {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Http.Reader reader = new Http.Reader(in, out);
            while (!closed.get()) {
                Http.Request request;
                try {
                    request = reader.read();
                } catch (Http.BadRequest e) {
                    out.write(Http.encode(ApiHandler.problem(e.status, e.getMessage(), null), true));
                    out.flush();
                    socket.shutdownOutput();
                    return;
                }
                if (request == null) {
                    return;
                }
                Http.Response response = exchange(connectionId, request);
                if (response == null) {
                    socket.setSoLinger(true, 0);
                    socket.close(); // RST
                    return;
                }
                if (response.streamed() != null) {
                    out.write(Http.encode(response, true));
                    out.flush();
                    response.streamed().write(in, out);
                    return;
                }
                boolean close = !request.keepAlive() || closed.get();
                out.write(Http.encode(response, close));
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the peer went away, or the simulator is closing
        } catch (RuntimeException | Error e) {
            if (!closed.get()) {
                LOG.log(System.Logger.Level.WARNING, "connection " + connectionId + " failed", e);
            }
        } finally {
            openSockets.remove(socket);
            closeQuietly(socket);
        }
    }

    /** Handles one request; returns the answer, or {@code null} to reset the connection. */
    private Http.Response exchange(long connectionId, Http.Request request) throws InterruptedException {
        ApiHandler.JsonBody json = ApiHandler.JsonBody.parse(request.body());
        String key = request.headers().get("authorization");
        RequestLog.Entry entry;
        boolean limited;
        synchronized (arrivalLock) {
            long nanos = System.nanoTime();
            entry = new RequestLog.Entry(connectionId, request.method(), request.path(), request.headers(),
                    new String(request.body(), StandardCharsets.UTF_8), json.companyIds(), nanos,
                    System.currentTimeMillis());
            log.add(entry);
            int limit = rateLimit;
            limited = limit > 0 && key != null && !key.isEmpty() && !admit(key, nanos, limit);
        }
        stats.received();

        if (limited) {
            sleep(latency);
            return answer(entry, ApiHandler.tooManyRequests(), false);
        }
        Fault fault = faults.next(request.method(), request.path());
        if (fault == null) {
            sleep(latency);
            return answer(entry, process(request, json), false);
        }
        switch (fault.kind()) {
            case DELAY:
                sleep(fault.delayDuration());
                sleep(latency);
                return answer(entry, process(request, json).withHeaders(fault.headers()), false);
            case STATUS:
                sleep(latency);
                if (fault.processesRequest()) {
                    process(request, json);
                }
                return answer(entry, ApiHandler.faultResponse(fault), false);
            case RESET:
                sleep(latency);
                return reset(entry);
            case RESET_AFTER_PROCESSING:
                sleep(latency);
                process(request, json);
                return reset(entry);
            case MALFORMED_BODY:
                sleep(latency);
                return answer(entry, ApiHandler.malformed(process(request, json), fault), true);
            case ENDLESS_BODY:
                sleep(latency);
                return answer(entry, ApiHandler.endlessBody(stats), false);
            case STALLED_BODY:
                sleep(latency);
                return answer(entry, ApiHandler.stalledBody(), false);
            default:
                throw new IllegalStateException("unknown fault " + fault);
        }
    }

    /** Sliding-log rate limiter; caller holds {@link #arrivalLock}. */
    private boolean admit(String key, long nanos, int limit) {
        ArrayDeque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!window.isEmpty() && nanos - window.peekFirst() >= ONE_SECOND_NANOS) {
            window.pollFirst();
        }
        if (window.size() >= limit) {
            return false;
        }
        window.addLast(nanos);
        return true;
    }

    private Http.Response process(Http.Request request, ApiHandler.JsonBody json) {
        try {
            return handler.handle(request, json);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "internal error on " + request.method() + " " + request.path(), e);
            return ApiHandler.problem(500, "internal simulator error: " + e, null);
        }
    }

    private Http.Response answer(RequestLog.Entry entry, Http.Response response, boolean malformed) {
        entry.status = response.status();
        stats.answered(response.status(), malformed);
        return response;
    }

    private Http.Response reset(RequestLog.Entry entry) {
        entry.status = 0;
        stats.connectionReset();
        return null;
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (d.isZero()) {
            return;
        }
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    private static Duration requireLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        return latency;
    }

    // ---------------------------------------------------------------- command line

    /**
     * Runs a simulator until the process is killed. Options: {@code --port N} (default 0 = free port),
     * {@code --credits N} (demo account credits, default 1000), {@code --rate-limit N} (default 10, 0 =
     * unlimited), {@code --latency-ms N} (default 0). Prints the base URL, the demo API key and user email.
     *
     * @param args the options ({@code --name value} or {@code --name=value})
     */
    public static void main(String[] args) {
        Builder builder = builder();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    usage(System.out);
                    return;
                }
                String name = arg;
                String value;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                int n;
                try {
                    n = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number for " + name + ": " + value);
                }
                switch (name) {
                    case "--port" -> builder.port(n);
                    case "--credits" -> builder.demoCredits(n);
                    case "--rate-limit" -> builder.rateLimit(n);
                    case "--latency-ms" -> builder.latency(Duration.ofMillis(n));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("tamtam-simulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        TamtamSimulator sim;
        try {
            sim = builder.start();
        } catch (UncheckedIOException e) {
            System.err.println("tamtam-simulator: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "tamtam-simulator-shutdown"));
        PrintStream out = System.out;
        out.println("TamTam simulator listening on " + sim.baseUrl());
        out.println("  base URL:   " + sim.baseUrl());
        out.println("  API key:    " + DEMO_API_KEY);
        out.println("  user email: " + DEMO_USER_EMAIL);
        out.println("  credits:    " + sim.demoAccount().credits() + ", rate limit: "
                + (sim.rateLimit() == 0 ? "unlimited" : sim.rateLimit() + " req/s") + ", latency: "
                + sim.latency().toMillis() + " ms");
        out.println("Stop with Ctrl+C.");
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            sim.close();
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar tamtam-simulator.jar [--port N] [--credits N] [--rate-limit N] [--latency-ms N]");
        out.println("  --port N        port on 127.0.0.1, 0 = a free port (default 0)");
        out.println("  --credits N     credits of the demo account (default 1000)");
        out.println("  --rate-limit N  requests per second per API key, 0 = unlimited (default 10)");
        out.println("  --latency-ms N  fixed delay before each answer (default 0)");
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
        private javax.net.ssl.SSLContext tls;

        private Builder() {
        }

        /**
         * Serves https with this server context (e.g. {@link SelfSignedTls#serverContext()}) instead of plain http.
         *
         * @param serverContext an SSLContext initialised with the server's key
         * @return this
         */
        public Builder tls(javax.net.ssl.SSLContext serverContext) {
            this.tls = Objects.requireNonNull(serverContext, "serverContext");
            return this;
        }

        /**
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
         * @param latency fixed delay before each answer; default {@link Duration#ZERO}
         * @return this
         */
        public Builder latency(Duration latency) {
            this.latency = requireLatency(latency);
            return this;
        }

        /**
         * @param create whether to create the demo account ({@link #DEMO_API_KEY}); default true
         * @return this
         */
        public Builder demoAccount(boolean create) {
            this.demoAccount = create;
            return this;
        }

        /**
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
         * @return the running simulator
         * @throws UncheckedIOException if the port cannot be bound
         */
        public TamtamSimulator start() {
            return new TamtamSimulator(this);
        }
    }
}
