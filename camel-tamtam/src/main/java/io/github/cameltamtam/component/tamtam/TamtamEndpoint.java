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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.client.BaseUrlPolicy;
import io.github.cameltamtam.component.tamtam.client.TamtamClient;
import io.github.cameltamtam.component.tamtam.keyaccounts.ImportProgressLog;
import io.github.cameltamtam.component.tamtam.metrics.TamtamEndpointMetrics;
import io.github.cameltamtam.component.tamtam.metrics.TamtamMicrometerSupport;
import io.github.cameltamtam.component.tamtam.pacing.AdaptiveKeyPacer;
import io.github.cameltamtam.component.tamtam.pacing.KeyPacer;
import io.github.cameltamtam.component.tamtam.pacing.SharedStoreState;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Add companies, named by their numeric LinkedIn ID, to a user's TamTam Key Accounts: the body (a list, an array, a
 * CSV file, a stream, a single ID) becomes paced, batched API calls and a per-ID result.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "tamtam", title = "TamTam", syntax = "tamtam:operation", producerOnly = true, category = {
        Category.SAAS, Category.API}, headersClass = TamtamConstants.class)
@ManagedResource(description = "Managed TamTam endpoint: what happened to the company IDs it was given, its requests")
public class TamtamEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriParam
    private TamtamConfiguration configuration;

    private final TamtamEndpointMetrics metrics = new TamtamEndpointMetrics();
    private TamtamClient client;
    private AutoCloseable meters;
    private WritableHealthCheckRepository healthChecks;
    private TamtamHealthCheck healthCheck;
    private volatile ImportProgressLog progress;
    private ScheduledExecutorService progressExecutor;

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
            case credits -> new CreditsProducer(this);
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
        KeyPacer pacer = component.pacerFor(baseUri, configuration.getApiKey(), configuration.getRequestsPerSecond(),
                "endpoint " + URISupport.sanitizeUri(getEndpointUri()));
        metrics.pacerRate(() -> pacer instanceof AdaptiveKeyPacer adaptive
                ? adaptive.currentRate() : configuration.getRequestsPerSecond());
        SharedStoreState store = pacer.sharedStore();
        if (store != null) {
            metrics.pacerStore(store::failures, () -> !store.answering());
        }
        client = component.newClient(configuration, baseUri, pacer, configuration.getMaxRetries());
        client.setListener(metrics.callListener());
        ImportProgressLog imports = new ImportProgressLog(configuration.getProgressInterval(), System::nanoTime,
                this::everyInterval);
        metrics.importProgress(imports::idsInFlight, imports::idsSent);
        progress = imports;
        meters = TamtamMicrometerSupport.bind(getCamelContext(), getEndpointUri(), metrics);
        // health checks are optional (camel-health): found, the endpoint's check joins the producers group
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new TamtamHealthCheck(this, client, store);
            healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (meters != null) {
            meters.close();
            meters = null;
        }
        synchronized (this) {
            if (progressExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(progressExecutor);
                progressExecutor = null;
            }
        }
        if (client != null) {
            client.close();
            client = null; // the stopped component's HTTP client must become unreferenced to be released (Java 17)
        }
        super.doStop();
    }

    /** This endpoint's counters (shown as the JMX attributes below, in the dev console and as meters). */
    TamtamEndpointMetrics getMetrics() {
        return metrics;
    }

    @ManagedAttribute(description = "Company IDs added to Key Accounts (one credit each)")
    public long getIdsAdded() {
        return metrics.getIdsAdded();
    }

    @ManagedAttribute(description = "Company IDs that were already in Key Accounts (no credit)")
    public long getIdsAlreadyPresent() {
        return metrics.getIdsAlreadyPresent();
    }

    @ManagedAttribute(description = "Company IDs not added for lack of credits (ignored by the API or never sent)")
    public long getIdsIgnored() {
        return metrics.getIdsIgnored();
    }

    @ManagedAttribute(description = "Input values skipped as invalid company IDs (skipInvalidIds=true)")
    public long getIdsInvalid() {
        return metrics.getIdsInvalid();
    }

    @ManagedAttribute(description = "Company IDs whose request failed after all retries (outcome unknown)")
    public long getIdsFailed() {
        return metrics.getIdsFailed();
    }

    @ManagedAttribute(description = "HTTP requests sent, retries included")
    public long getRequests() {
        return metrics.getRequests();
    }

    @ManagedAttribute(description = "Retried requests")
    public long getRetries() {
        return metrics.getRetries();
    }

    @ManagedAttribute(description = "Answers 429 Too Many Requests")
    public long getThrottled() {
        return metrics.getThrottled();
    }

    @ManagedAttribute(description = "Exchanges in which the account ran out of credits (payment required)")
    public long getPaymentRequired() {
        return metrics.getPaymentRequired();
    }

    @ManagedAttribute(description = "Calls to the shared pacer's store that failed or were not answered in time")
    public long getPacerStoreFailures() {
        return metrics.getPacerStoreFailures();
    }

    @ManagedAttribute(description = "1 while the shared pacer's store is not answering and this replica paces alone")
    public int getPacerStoreFallback() {
        return metrics.getPacerStoreFallback();
    }

    @ManagedAttribute(description = "Requests per second the pacer of this endpoint's API key currently lets through")
    public double getPacerRate() {
        return metrics.getPacerRate();
    }

    @ManagedAttribute(description = "Key Accounts credits left as last read (health check, tamtam:credits); 0 means "
            + "exhausted, -1 not read yet")
    public long getCreditsRemaining() {
        return metrics.getCreditsRemaining();
    }

    @ManagedAttribute(description = "Distinct company IDs of the exchanges sending now")
    public long getIdsInFlight() {
        return metrics.getIdsInFlight();
    }

    @ManagedAttribute(description = "Company IDs of the exchanges sending now whose request has completed")
    public long getIdsInFlightDone() {
        return metrics.getIdsInFlightDone();
    }

    /** The exchanges of this endpoint sending now, with their progress; null before the endpoint starts. */
    ImportProgressLog getProgress() {
        return progress;
    }

    /** The progress line's scheduler: one thread per endpoint, started by the first exchange that needs it. */
    private Runnable everyInterval(long intervalMillis, Runnable task) {
        ScheduledExecutorService executor;
        synchronized (this) {
            if (progressExecutor == null) {
                progressExecutor = getCamelContext().getExecutorServiceManager()
                        .newSingleThreadScheduledExecutor(this, "TamtamProgress");
            }
            executor = progressExecutor;
        }
        ScheduledFuture<?> future = executor.scheduleAtFixedRate(task, intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
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
