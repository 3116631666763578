/**
 * One TamTam API call over HTTP, done right: {@code TamtamClient} sends an {@code ApiRequest} through the key's pacer,
 * a bounded body ({@code BoundedBody}), retries ({@code RetryPolicy}, {@code RetryAfter}), 429 handling and key
 * redaction ({@code KeyRedactor}); {@code ApiFailures} words its failures; {@code HttpClients} builds and stops the JDK
 * HTTP clients; {@code BaseUrlPolicy} and {@code ProxyCredentials} check the connection options.
 * <p>
 * Knows no operation: each operation builds its own {@code ApiRequest} in its package. The only package that names
 * {@code java.net.http} (besides the component's {@code httpClient} option). Imports {@code pacing}, the model and the
 * exceptions only. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.client;
