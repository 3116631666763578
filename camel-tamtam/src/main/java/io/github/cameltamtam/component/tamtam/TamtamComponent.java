package io.github.cameltamtam.component.tamtam;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameltamtam.component.tamtam.client.KeyPacer;
import io.github.cameltamtam.component.tamtam.client.RequestPacers;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The TamTam component ({@code tamtam:}). Holds the options shared by its endpoints and the HTTP clients; the request
 * pacers, one per API key, live at CamelContext level ({@link RequestPacers}) so every endpoint and exchange using a
 * key shares the API's rate limit.
 */
@Component("tamtam")
public class TamtamComponent extends DefaultComponent {

    @Metadata(description = "Shared options of all tamtam endpoints; each endpoint may override them.")
    private TamtamConfiguration configuration = new TamtamConfiguration();

    @Metadata(label = "advanced",
              description = "A java.net.http.HttpClient to use instead of the one the component builds "
                            + "(connectTimeout and the proxy options are then the client's own business).")
    private HttpClient httpClient;

    @Metadata(label = "advanced", javaType = "io.github.bucket4j.distributed.proxy.ProxyManager",
              description = "Shared pacing across replicas: a Bucket4j ProxyManager with String keys (PostgreSQL, MySQL, "
                            + "Redis, Hazelcast, Infinispan... e.g. #bean:tamtamProxyManager). Every replica (JVM or "
                            + "CamelContext) given the same store takes each request's slot from one bucket per API key "
                            + "(named by a SHA-256 hash of the key, never the key): no burst, one request per "
                            + "1/requestsPerSecond plus a small margin across all replicas together, and a 429 puts the "
                            + "bucket in debt so that every replica pauses. Needs com.bucket4j:bucket4j_jdk17-core and the "
                            + "store's Bucket4j module on the class path. Unset (the default): each CamelContext paces "
                            + "on its own.")
    private Object pacerProxyManager;

    private final Map<HttpSettings, HttpClient> httpClients = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public TamtamComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TamtamConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation(remaining));
        TamtamEndpoint endpoint = new TamtamEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        return endpoint;
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
    KeyPacer pacerFor(URI baseUri, String apiKey, double requestsPerSecond) {
        return RequestPacers.of(getCamelContext()).pacerFor(baseUri, apiKey, requestsPerSecond, pacerProxyManager);
    }

    /** The HTTP client for these connection settings: the configured one, or one built and shared per settings. */
    HttpClient httpClientFor(TamtamConfiguration config) {
        if (httpClient != null) {
            return httpClient;
        }
        HttpSettings settings = new HttpSettings(config.getConnectTimeout(), config.getProxyHost(), config.getProxyPort(),
                config.getProxyUsername(), config.getProxyPassword());
        return httpClients.computeIfAbsent(settings, HttpSettings::build);
    }

    /** Schedules pacing and retry waits; owned by the component, stopped with it. */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "TamtamScheduler", 1);
        }
        return scheduler;
    }

    @Override
    protected void doStop() throws Exception {
        ScheduledExecutorService toStop;
        synchronized (this) {
            toStop = scheduler;
            scheduler = null;
        }
        if (toStop != null) {
            getCamelContext().getExecutorServiceManager().shutdown(toStop);
        }
        httpClients.clear();
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

    public Object getPacerProxyManager() {
        return pacerProxyManager;
    }

    public void setPacerProxyManager(Object pacerProxyManager) {
        this.pacerProxyManager = pacerProxyManager;
    }

    /** Connection settings an HTTP client is built from. */
    private record HttpSettings(long connectTimeout, String proxyHost, Integer proxyPort, String proxyUsername,
            String proxyPassword) {

        HttpClient build() {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(connectTimeout))
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (proxyHost != null) {
                builder.proxy(ProxySelector.of(new InetSocketAddress(proxyHost, proxyPort)));
                if (proxyUsername != null) {
                    builder.authenticator(new Authenticator() {
                        @Override
                        protected PasswordAuthentication getPasswordAuthentication() {
                            if (getRequestorType() != RequestorType.PROXY) {
                                return null;
                            }
                            return new PasswordAuthentication(proxyUsername,
                                    proxyPassword == null ? new char[0] : proxyPassword.toCharArray());
                        }
                    });
                }
            }
            return builder.build();
        }

        @Override
        public String toString() {
            return "HttpSettings[connectTimeout=" + connectTimeout + ", proxyHost=" + proxyHost + "]";
        }
    }
}
