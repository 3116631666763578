package io.github.cameltamtam.component.tamtam;

import java.net.URI;
import java.time.Duration;

import io.github.cameltamtam.component.tamtam.client.BaseUrlPolicy;
import io.github.cameltamtam.component.tamtam.client.RetryPolicy;
import io.github.cameltamtam.component.tamtam.client.TamtamClient;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Add companies, named by their numeric LinkedIn ID, to a user's TamTam Key Accounts: the body (a list, an array, a
 * CSV file, a stream, a single ID) becomes paced, batched API calls and a per-ID result.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "tamtam", title = "TamTam", syntax = "tamtam:operation",
             producerOnly = true, category = { Category.SAAS, Category.API }, headersClass = TamtamConstants.class)
public class TamtamEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriParam
    private TamtamConfiguration configuration;

    private TamtamClient client;

    public TamtamEndpoint(String uri, TamtamComponent component, TamtamConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public TamtamComponent getComponent() {
        return (TamtamComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return switch (configuration.getOperation()) {
            case keyAccounts -> new KeyAccountsProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The tamtam component only sends (producer): it has no consumer");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TamtamComponent component = getComponent();
        URI baseUri = BaseUrlPolicy.check(configuration.getBaseUrl());
        client = new TamtamClient(
                component.httpClientFor(configuration),
                baseUri,
                configuration.getApiKey(),
                ProxyCredentials.proxyAuthorization(configuration, baseUri),
                component.pacerFor(baseUri, configuration.getApiKey(), configuration.getRequestsPerSecond()),
                new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryDelay()),
                        Duration.ofMillis(configuration.getMaxRetryWait()),
                        Duration.ofMillis(configuration.getMaxThrottleWait())),
                Duration.ofMillis(configuration.getRequestTimeout()),
                component.scheduler());
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null; // the stopped component's HTTP client must become unreferenced to be released (Java 17)
        }
        super.doStop();
    }

    /** The client of this endpoint's key and base URL; available once the endpoint is started. */
    TamtamClient getClient() {
        TamtamClient current = client;
        if (current == null) {
            throw new IllegalStateException("The tamtam endpoint is not started (or was stopped)");
        }
        return current;
    }

    /** The options of this endpoint. */
    public TamtamConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TamtamConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
