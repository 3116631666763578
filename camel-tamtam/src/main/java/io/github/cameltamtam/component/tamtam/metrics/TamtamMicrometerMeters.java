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
package io.github.cameltamtam.component.tamtam.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;
import org.apache.camel.util.URISupport;

/**
 * The Micrometer meters of one endpoint, read from its {@link TamtamEndpointMetrics} (names in
 * {@link TamtamEndpointMetrics.Names}), tagged {@code endpoint} (the URI, secrets masked). Only loaded through
 * {@link TamtamMicrometerSupport}, when Micrometer is on the class path.
 */
final class TamtamMicrometerMeters implements AutoCloseable {

    /** The name camel-micrometer binds its registry under. */
    static final String CAMEL_METRICS_REGISTRY = "metricsRegistry";

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private TamtamMicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static AutoCloseable bind(CamelContext context, String endpointUri, TamtamEndpointMetrics metrics) {
        MeterRegistry registry = registry(context);
        if (registry == null) {
            return null;
        }
        TamtamMicrometerMeters bound = new TamtamMicrometerMeters(registry);
        bound.register(metrics, Tags.of("endpoint", URISupport.sanitizeUri(endpointUri)));
        return bound;
    }

    /** The registry bound as {@code metricsRegistry} (camel-micrometer's name), else the only one bound. */
    static MeterRegistry registry(CamelContext context) {
        MeterRegistry named = context.getRegistry().lookupByNameAndType(CAMEL_METRICS_REGISTRY, MeterRegistry.class);
        return named != null ? named : context.getRegistry().findSingleByType(MeterRegistry.class);
    }

    private void register(TamtamEndpointMetrics m, Tags tags) {
        ids(m, tags, TamtamEndpointMetrics.Names.OUTCOME_ADDED, TamtamEndpointMetrics::getIdsAdded);
        ids(m, tags, TamtamEndpointMetrics.Names.OUTCOME_ALREADY_PRESENT, TamtamEndpointMetrics::getIdsAlreadyPresent);
        ids(m, tags, TamtamEndpointMetrics.Names.OUTCOME_IGNORED, TamtamEndpointMetrics::getIdsIgnored);
        ids(m, tags, TamtamEndpointMetrics.Names.OUTCOME_INVALID, TamtamEndpointMetrics::getIdsInvalid);
        ids(m, tags, TamtamEndpointMetrics.Names.OUTCOME_FAILED, TamtamEndpointMetrics::getIdsFailed);
        counter(m, tags, TamtamEndpointMetrics.Names.REQUESTS, "HTTP requests sent, retries included",
                TamtamEndpointMetrics::getRequests);
        counter(m, tags, TamtamEndpointMetrics.Names.RETRIES, "Retried requests", TamtamEndpointMetrics::getRetries);
        counter(m, tags, TamtamEndpointMetrics.Names.THROTTLED, "Answers 429 Too Many Requests",
                TamtamEndpointMetrics::getThrottled);
        counter(m, tags, TamtamEndpointMetrics.Names.PAYMENT_REQUIRED, "Exchanges that ran out of credits",
                TamtamEndpointMetrics::getPaymentRequired);
        counter(m, tags, TamtamEndpointMetrics.Names.PACER_STORE_FAILURES,
                "Calls to the shared pacer's store that failed or were not answered within pacerStoreTimeout",
                TamtamEndpointMetrics::getPacerStoreFailures);
        meters.add(Gauge.builder(TamtamEndpointMetrics.Names.PACER_STORE_FALLBACK, m,
                TamtamEndpointMetrics::getPacerStoreFallback)
                .description("1 while the shared pacer's store is not answering and the replica paces on its own")
                .tags(tags).register(registry));
        meters.add(Gauge.builder(TamtamEndpointMetrics.Names.PACER_RATE, m, TamtamEndpointMetrics::getPacerRate)
                .description("Requests per second the pacer of the endpoint's API key lets through")
                .baseUnit("requests/s").tags(tags).register(registry));
        meters.add(Gauge.builder(TamtamEndpointMetrics.Names.CREDITS_REMAINING, m,
                TamtamEndpointMetrics::getCreditsRemaining)
                .description("Key Accounts credits left as last read; 0 means exhausted, -1 not read yet")
                .baseUnit("credits").tags(tags).register(registry));
        meters.add(Gauge.builder(TamtamEndpointMetrics.Names.IDS_IN_FLIGHT, m, TamtamEndpointMetrics::getIdsInFlight)
                .description("Distinct company IDs of the exchanges sending now").tags(tags).register(registry));
        meters.add(Gauge.builder(TamtamEndpointMetrics.Names.IDS_IN_FLIGHT_DONE, m,
                TamtamEndpointMetrics::getIdsInFlightDone)
                .description("Company IDs of the exchanges sending now whose request has completed").tags(tags)
                .register(registry));
    }

    private void ids(TamtamEndpointMetrics m, Tags tags, String outcome,
            ToDoubleFunction<TamtamEndpointMetrics> value) {
        meters.add(FunctionCounter.builder(TamtamEndpointMetrics.Names.IDS, m, value)
                .description("Company IDs by outcome").tags(tags).tag("outcome", outcome).register(registry));
    }

    private void counter(TamtamEndpointMetrics m, Tags tags, String name, String description,
            ToDoubleFunction<TamtamEndpointMetrics> value) {
        meters.add(FunctionCounter.builder(name, m, value).description(description).tags(tags).register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
