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
package io.github.cameltamtam.component.tamtam;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameltamtam.component.tamtam.client.HttpClients;
import io.github.cameltamtam.component.tamtam.client.ProxyCredentials;
import io.github.cameltamtam.component.tamtam.client.RetryPolicy;
import io.github.cameltamtam.component.tamtam.client.TamtamClient;
import io.github.cameltamtam.component.tamtam.pacing.KeyPacer;
import io.github.cameltamtam.component.tamtam.pacing.KeyPacers;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The TamTam component ({@code tamtam:}). Holds the options shared by its endpoints and the HTTP clients it builds,
 * which run on the component's own executor and never follow redirects; stopping the component shuts that executor
 * and its scheduler down at once. The request pacers, one per API key, live at CamelContext level
 * ({@link KeyPacers}) so every endpoint and exchange using a key shares the API's rate limit.
 */
@Component("tamtam")
public class TamtamComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Shared options of all tamtam endpoints; each endpoint may override them.")
    private TamtamConfiguration configuration = new TamtamConfiguration();

    @Metadata(label = "advanced", description = "A java.net.http.HttpClient to use instead of the one the component builds "
            + "(connectTimeout, the proxy and TLS options are then the client's own business). It must "
            + "not follow redirects (a 3xx would carry the API key to another host) and must have no "
            + "Authenticator (the JDK then drops the Authorization header): the endpoint refuses to "
            + "start otherwise. The component does not stop it.")
    private HttpClient httpClient;

    @Metadata(label = "advanced", javaType = "io.github.bucket4j.distributed.proxy.ProxyManager", description = "Shared pacing across replicas: a Bucket4j ProxyManager with String keys (PostgreSQL, MySQL, "
            + "Redis, Hazelcast, Infinispan... e.g. #bean:tamtamProxyManager). Every replica (JVM or "
            + "CamelContext) given the same store takes each request's slot from one bucket per API key "
            + "(named by a SHA-256 hash of the key, never the key): no burst, one request per "
            + "1/requestsPerSecond plus a small margin across all replicas together, and a 429 puts the "
            + "bucket in debt so that every replica pauses. Needs com.bucket4j:bucket4j_jdk17-core and the "
            + "store's Bucket4j module on the class path. Unset (the default): each CamelContext paces "
            + "on its own.")
    private Object pacerProxyManager;

    @Metadata(label = "advanced", defaultValue = "2s", javaType = "java.time.Duration", description = "With a pacerProxyManager: the longest a request waits for one answer of the shared store "
            + "(its slot, or a 429's debt). A store that fails or does not answer in time is logged once "
            + "at WARN (naming the store's type, never the key), counted (tamtam.pacer.store.failures) "
            + "and shown by the health check and the dev console; meanwhile each replica paces on its own "
            + "(local and adaptive pacing, at requestsPerSecond), and takes its slots from the shared "
            + "bucket again once the store answers (asked at most once a second). Also give the store's "
            + "connections timeouts of their own (PgJDBC: socketTimeout, connectTimeout): a call blocked "
            + "in the driver is ended only by those.")
    private long pacerStoreTimeout = 2000;

    @Metadata(label = "advanced", defaultValue = "false", description = "With a pacerProxyManager: when the shared store fails or does not answer within "
            + "pacerStoreTimeout, fail the requests it gave no slot to (a TamtamPacerStoreException; "
            + "their IDs are reported failed, never sent) instead of pacing them on this replica alone.")
    private boolean failOnPacerStoreFailure;

    @Metadata(label = "security", defaultValue = "false", description = "Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.")
    private boolean useGlobalSslContextParameters;

    private ScheduledExecutorService scheduler;
    private HttpClients httpClients;

    public TamtamComponent() {
        registerExtension(TamtamComponentVerifierExtension::new);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TamtamConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation(remaining));
        TamtamEndpoint endpoint = new TamtamEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        refuseKeysCamelCannotMask(uri, endpointConfiguration.getApiKey());
        return endpoint;
    }

    /**
     * Camel masks a {@code RAW(...)} value only up to its first {@code )} (and {@code RAW{...}} up to its first
     * {@code }}), so the rest of such a key would show in the endpoint URI of logs, JMX names, health-check ids and
     * metric tags. Refused, naming the character, never the key.
     */
    private static void refuseKeysCamelCannotMask(String uri, String apiKey) {
        if (apiKey == null) {
            return;
        }
        if (uri.contains("apiKey=RAW(") && apiKey.indexOf(')') >= 0) {
            throw new IllegalArgumentException("The apiKey in the endpoint URI contains ')' at position "
                    + (apiKey.indexOf(')') + 1) + ", which Camel cannot mask in RAW(...) in "
                    + "the endpoint URIs it shows: write it as RAW{...}, or set it on the "
                    + "component (camel.component.tamtam.api-key)");
        }
        if (uri.contains("apiKey=RAW{") && apiKey.indexOf('}') >= 0) {
            throw new IllegalArgumentException("The apiKey in the endpoint URI contains '}' at position "
                    + (apiKey.indexOf('}') + 1) + ", which Camel cannot mask in RAW{...} in "
                    + "the endpoint URIs it shows: write it as RAW(...), or set it on the "
                    + "component (camel.component.tamtam.api-key)");
        }
    }

    private static TamtamOperation operation(String remaining) {
        for (TamtamOperation operation : TamtamOperation.values()) {
            if (operation.name().equalsIgnoreCase(remaining)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown tamtam operation '" + remaining + "': supported operations are "
                + java.util.Arrays.toString(TamtamOperation.values()));
    }

    /** The pacer shared by every endpoint of the CamelContext that uses the same base URL and API key. */
    KeyPacer pacerFor(URI baseUri, String apiKey, double requestsPerSecond, String endpoint) {
        return KeyPacers.of(getCamelContext()).pacerFor(baseUri, apiKey, requestsPerSecond, pacerProxyManager, endpoint,
                new KeyPacers.StoreSettings(Duration.ofMillis(pacerStoreTimeout), failOnPacerStoreFailure));
    }

    /** A client for these options and this base URL, sending through {@code pacer}, retrying up to {@code maxRetries}. */
    TamtamClient newClient(TamtamConfiguration config, URI baseUri, KeyPacer pacer, int maxRetries) throws Exception {
        return new TamtamClient(httpClientFor(config), baseUri, config.getApiKey(),
                ProxyCredentials.proxyAuthorization(config.getProxyHost(), config.getProxyUsername(),
                        config.getProxyPassword(), baseUri),
                pacer,
                new RetryPolicy(maxRetries, Duration.ofMillis(config.getRetryDelay()),
                        Duration.ofMillis(config.getMaxRetryWait()), Duration.ofMillis(config.getMaxThrottleWait())),
                Duration.ofMillis(config.getRequestTimeout()), scheduler());
    }

    /**
     * The HTTP client for these connection settings: the configured one (checked), or one built and shared per settings,
     * running on the component's executor.
     *
     * @throws IllegalArgumentException when a supplied client would leak the key (redirects) or drop it (authenticator)
     */
    HttpClient httpClientFor(TamtamConfiguration config) throws Exception {
        if (httpClient != null) {
            return HttpClients.checked(httpClient);
        }
        SSLContextParameters ssl = config.getSslContextParameters();
        if (ssl == null) {
            ssl = retrieveGlobalSslContextParameters();
        }
        return httpClients().clientFor(config.getConnectTimeout(), config.getProxyHost(), config.getProxyPort(), ssl);
    }

    /** Schedules pacing and retry waits; owned by the component, stopped with it. */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler =
                    getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "TamtamScheduler", 1);
        }
        return scheduler;
    }

    /** The HTTP clients this component built, and their executor. */
    private synchronized HttpClients httpClients() {
        if (httpClients == null) {
            httpClients = new HttpClients(getCamelContext(), this);
        }
        return httpClients;
    }

    /**
     * Stops the HTTP clients and their executor (see {@link HttpClients#stop()}) and the scheduler, at once: a retry
     * waiting for a long Retry-After keeps no thread alive (the endpoints fail their pending calls).
     */
    @Override
    protected void doStop() throws Exception {
        ScheduledExecutorService stopScheduler;
        HttpClients stopClients;
        synchronized (this) {
            stopScheduler = scheduler;
            stopClients = httpClients;
            scheduler = null;
        }
        if (stopClients != null) {
            stopClients.stop();
        }
        if (stopScheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(stopScheduler);
        }
        super.doStop();
    }

    public TamtamConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TamtamConfiguration configuration) {
        this.configuration = configuration;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public long getPacerStoreTimeout() {
        return pacerStoreTimeout;
    }

    public void setPacerStoreTimeout(long pacerStoreTimeout) {
        this.pacerStoreTimeout = pacerStoreTimeout;
    }

    public boolean isFailOnPacerStoreFailure() {
        return failOnPacerStoreFailure;
    }

    public void setFailOnPacerStoreFailure(boolean failOnPacerStoreFailure) {
        this.failOnPacerStoreFailure = failOnPacerStoreFailure;
    }

    public Object getPacerProxyManager() {
        return pacerProxyManager;
    }

    public void setPacerProxyManager(Object pacerProxyManager) {
        this.pacerProxyManager = pacerProxyManager;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
