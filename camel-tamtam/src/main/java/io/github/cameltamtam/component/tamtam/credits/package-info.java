/**
 * The {@code credits} operation's API call, {@code GET /v2/credits} ({@code CreditsApi}): sent by the credits
 * producer, the keyAccounts credit pre-flight, the health check and the verifier.
 * <p>
 * Knows the client and the model only. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.credits;
