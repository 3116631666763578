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
/**
 * When the next request with one API key may go. {@code KeyPacer} is the face; {@code KeyPacers} holds one per key
 * and base URL for a CamelContext; {@code LocalKeyPacer} paces this JVM on the slot arithmetic of {@code PacerSlots};
 * {@code SharedKeyPacer} takes every slot from one Bucket4j bucket shared by all replicas ({@code SharedBucket}, the
 * only class naming Bucket4j, an optional dependency), holds at most one second of slots reserved ahead
 * ({@code ReservationsAhead}) and paces on its own while the store does not answer ({@code StoreFallback});
 * {@code AdaptiveKeyPacer} wraps either and slows down after a 429.
 * <p>
 * Imports nothing of the component but {@code support}: no HTTP, no Camel face. Time is a nanosecond clock that tests
 * can move. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.pacing;
