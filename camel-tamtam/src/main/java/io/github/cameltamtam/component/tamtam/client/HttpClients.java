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

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The JDK HTTP clients of one component: built once per connection settings, never following redirects, running on
 * one executor owned by the component (a Camel-managed thread pool); {@link #stop()} shuts them and it down. A client
 * supplied by the user is {@link #checked(HttpClient) checked} instead: it must neither follow redirects nor have an
 * Authenticator.
 */
public final class HttpClients {

    private final CamelContext context;
    private final Object owner;
    private final Map<HttpSettings, HttpClient> built = new ConcurrentHashMap<>();
    private ExecutorService executor;

    /** @param owner the component, owner of the executor's threads */
    public HttpClients(CamelContext context, Object owner) {
        this.context = context;
        this.owner = owner;
    }

    /**
     * A client supplied by the user, once checked.
     *
     * @throws IllegalArgumentException when it would leak the key (redirects) or drop it (authenticator)
     */
    public static HttpClient checked(HttpClient httpClient) {
        if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("The httpClient option's client follows redirects ("
                    + httpClient.followRedirects() + "): a 3xx would carry the API key to "
                    + "whatever host it names. Build it with "
                    + "followRedirects(HttpClient.Redirect.NEVER)");
        }
        if (httpClient.authenticator().isPresent()) {
            throw new IllegalArgumentException("The httpClient option's client has an Authenticator: the JDK then "
                    + "drops the Authorization header carrying the API key. Use the "
                    + "proxyUsername/proxyPassword options instead");
        }
        return httpClient;
    }

    /**
     * The client for these connection settings, built on first use and shared.
     *
     * @param ssl the TLS settings, or null for the JVM's defaults
     */
    public HttpClient clientFor(long connectTimeout, String proxyHost, Integer proxyPort, SSLContextParameters ssl)
            throws Exception {
        HttpSettings settings = new HttpSettings(connectTimeout, proxyHost, proxyPort, ssl);
        HttpClient existing = built.get(settings);
        if (existing != null) {
            return existing;
        }
        SSLContext sslContext = ssl == null ? null : ssl.createSSLContext(context);
        return built.computeIfAbsent(settings, s -> s.build(sslContext, executor()));
    }

    /** Runs the built clients' work; created on first use, stopped by {@link #stop()}. */
    private synchronized ExecutorService executor() {
        if (executor == null) {
            executor = context.getExecutorServiceManager().newCachedThreadPool(owner, "TamtamHttpClient");
        }
        return executor;
    }

    /**
     * Forgets the built clients and stops their executor at once. On Java 21+ the clients are shut down too; on Java 17
     * the JDK ends a client's selector thread and closes its pooled connections once it is no longer referenced.
     */
    public void stop() {
        ExecutorService stopExecutor;
        synchronized (this) {
            stopExecutor = executor;
            executor = null;
        }
        List<HttpClient> clients = List.copyOf(built.values());
        built.clear();
        for (HttpClient client : clients) {
            shutdownNow(client);
        }
        if (stopExecutor != null) {
            context.getExecutorServiceManager().shutdownNow(stopExecutor);
        }
    }

    /** {@code HttpClient.shutdownNow()} where the JDK has it (21+). */
    private static void shutdownNow(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
        } catch (NoSuchMethodException e) {
            // Java 17: released once unreferenced
        } catch (ReflectiveOperationException | RuntimeException e) {
            // stopping anyway
        }
    }

    /**
     * Connection settings an HTTP client is built from. Proxy credentials are not among them: they travel as a
     * pre-emptive Proxy-Authorization header set by the client per request, because an Authenticator on the JDK
     * client would make it drop the Authorization header that carries the API key.
     */
    private record HttpSettings(long connectTimeout, String proxyHost, Integer proxyPort,
            SSLContextParameters sslContextParameters) {

        HttpClient build(SSLContext sslContext, ExecutorService executor) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(connectTimeout))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(executor);
            if (proxyHost != null) {
                builder.proxy(ProxySelector.of(new InetSocketAddress(proxyHost, proxyPort)));
            }
            if (sslContext != null) {
                builder.sslContext(sslContext);
            }
            return builder.build();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HttpSettings s && connectTimeout == s.connectTimeout
                    && Objects.equals(proxyHost, s.proxyHost) && Objects.equals(proxyPort, s.proxyPort)
                    && sslContextParameters == s.sslContextParameters;
        }

        @Override
        public int hashCode() {
            return Objects.hash(connectTimeout, proxyHost, proxyPort, System.identityHashCode(sslContextParameters));
        }

        @Override
        public String toString() {
            return "HttpSettings[connectTimeout=" + connectTimeout + ", proxyHost=" + proxyHost + "]";
        }
    }
}
