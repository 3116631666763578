package io.github.cameltamtam.component.tamtam.pacing;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * One {@link KeyPacer} per API key and base URL for a whole CamelContext, shared by every tamtam component instance,
 * endpoint and exchange of that context: the API's rate limit is per key, not per endpoint. Each is an
 * {@link AdaptiveKeyPacer} around a {@link LocalKeyPacer}, or around a {@link SharedKeyPacer} when a Bucket4j
 * {@code ProxyManager} is given; the first endpoint of a key decides which.
 */
public final class KeyPacers {

    private final Map<String, KeyPacer> pacers = new ConcurrentHashMap<>();

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
            }
            return pacers;
        }
    }

    /**
     * The pacer of this key and base URL; a lower rate asked by a later endpoint lowers it, a higher one does not.
     *
     * @param proxyManager a Bucket4j {@code ProxyManager<String>} for the shared mode, or null for this JVM only
     */
    public KeyPacer pacerFor(URI baseUri, String apiKey, double requestsPerSecond, Object proxyManager) {
        KeyPacer pacer = pacers.computeIfAbsent(baseUri.toString().toLowerCase(Locale.ROOT) + '\u0000' + apiKey,
                k -> new AdaptiveKeyPacer(proxyManager == null
                        ? new LocalKeyPacer(requestsPerSecond)
                        // loads Bucket4j, an optional dependency, only here
                        : SharedKeyPacer.create(proxyManager, baseUri, apiKey, requestsPerSecond), requestsPerSecond));
        pacer.limitTo(requestsPerSecond);
        return pacer;
    }

    @Override
    public String toString() {
        return "KeyPacers[" + pacers.size() + " keys]";
    }
}
