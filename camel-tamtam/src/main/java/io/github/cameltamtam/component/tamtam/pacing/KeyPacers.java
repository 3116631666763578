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
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.Service;

/**
 * One {@link KeyPacer} per API key and base URL for a whole CamelContext, shared by every tamtam component instance,
 * endpoint and exchange of that context: the API's rate limit is per key, not per endpoint. Each is an
 * {@link AdaptiveKeyPacer} around a {@link LocalKeyPacer}, or around a {@link SharedKeyPacer} when a Bucket4j
 * {@code ProxyManager} is given; the first endpoint of a key decides which. Stopped with the CamelContext: each
 * pacer's own threads end ({@link KeyPacer#close()}) and a restarted context makes new pacers.
 */
public final class KeyPacers implements Service {

    private final Map<String, Owned> pacers = new ConcurrentHashMap<>();

    private KeyPacers() {
    }

    /** The pacers of this CamelContext (kept as a context plugin). */
    public static KeyPacers of(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (extension) {
            KeyPacers pacers = extension.getContextPlugin(KeyPacers.class);
            if (pacers == null) {
                pacers = new KeyPacers();
                extension.addContextPlugin(KeyPacers.class, pacers);
                try {
                    context.addService(pacers, true, true); // stopped with the context
                } catch (Exception e) {
                    throw new IllegalStateException("cannot register the tamtam pacers with the CamelContext", e);
                }
            }
            return pacers;
        }
    }

    /**
     * The pacer of this key and base URL, at the rate its first endpoint asked. The rate limit is the key's, so every
     * endpoint of a key must ask the same rate: a different one is refused, naming both endpoints, rather than changing
     * the pace of the other endpoints.
     *
     * @param  proxyManager             a Bucket4j {@code ProxyManager<String>} for the shared mode, or null for this
     *                                  JVM only
     * @param  endpoint                 the asking endpoint as it may be shown (secrets masked)
     * @param  store                    how the shared mode treats a store that fails or is slow (unused without a
     *                                  proxyManager)
     * @throws IllegalArgumentException when the key's pacer runs at another rate
     */
    public KeyPacer pacerFor(URI baseUri, String apiKey, double requestsPerSecond, Object proxyManager,
            String endpoint, StoreSettings store) {
        Owned owned = pacers.computeIfAbsent(baseUri.toString().toLowerCase(Locale.ROOT) + '\u0000' + apiKey,
                k -> new Owned(new AdaptiveKeyPacer(proxyManager == null
                        ? new LocalKeyPacer(requestsPerSecond)
                        // loads Bucket4j, an optional dependency, only here
                        : SharedKeyPacer.create(proxyManager, baseUri, apiKey, requestsPerSecond, store.timeout(),
                                store.failOnFailure()),
                        requestsPerSecond),
                        requestsPerSecond, endpoint));
        if (Double.compare(owned.requestsPerSecond(), requestsPerSecond) != 0) {
            throw new IllegalArgumentException("requestsPerSecond=" + requestsPerSecond + " of " + endpoint
                    + " conflicts with requestsPerSecond=" + owned.requestsPerSecond()
                    + " of " + owned.endpoint() + ": both use the same API key and base URL, "
                    + "whose rate limit they share. Give both the same value (e.g. the "
                    + "component option requestsPerSecond); to slow one route down, use "
                    + "Camel's throttle EIP");
        }
        return owned.pacer();
    }

    /** A key's pacer, the rate it runs at and the endpoint that created it. */
    private record Owned(KeyPacer pacer, double requestsPerSecond, String endpoint) {
    }

    @Override
    public void start() {
        // pacers are made on demand
    }

    /** Closes every pacer (ends their store threads) and forgets them. */
    @Override
    public void stop() {
        pacers.values().forEach(owned -> owned.pacer().close());
        pacers.clear();
    }

    /**
     * How the shared pacer treats its store.
     *
     * @param timeout       the longest wait for one answer of the store; then the replica paces on its own
     * @param failOnFailure fail the requests the store gave no slot to instead
     */
    public record StoreSettings(Duration timeout, boolean failOnFailure) {
    }

    @Override
    public String toString() {
        return "KeyPacers[" + pacers.size() + " keys]";
    }
}
