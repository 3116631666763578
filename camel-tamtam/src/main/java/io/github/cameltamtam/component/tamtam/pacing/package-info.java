/**
 * When the next request with one API key may go. {@code KeyPacer} is the face; {@code KeyPacers} holds one per key
 * and base URL for a CamelContext; {@code LocalKeyPacer} paces this JVM on the slot arithmetic of {@code PacerSlots};
 * {@code SharedKeyPacer} takes every slot from one Bucket4j bucket shared by all replicas (the only class naming
 * Bucket4j, an optional dependency); {@code AdaptiveKeyPacer} wraps either and slows down after a 429.
 * <p>
 * Imports nothing of the component but {@code support}: no HTTP, no Camel face. Time is a nanosecond clock that tests
 * can move. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.pacing;
