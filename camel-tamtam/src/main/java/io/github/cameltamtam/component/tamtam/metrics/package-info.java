/**
 * The counters of one endpoint ({@code TamtamEndpointMetrics}: IDs by outcome, requests, retries, 429s, pacer rate)
 * and their optional Micrometer meters ({@code TamtamMicrometerSupport} binds them only when Micrometer is on the
 * class path; {@code TamtamMicrometerMeters} is the only class naming Micrometer).
 * <p>
 * Reads results from the model and calls from the client's {@code CallListener}; never the Camel face. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.metrics;
