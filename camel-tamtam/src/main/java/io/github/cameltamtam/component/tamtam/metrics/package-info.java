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
 * The counters of one endpoint ({@code TamtamEndpointMetrics}: IDs by outcome, requests, retries, 429s, pacer rate)
 * and their optional Micrometer meters ({@code TamtamMicrometerSupport} binds them only when Micrometer is on the
 * class path; {@code TamtamMicrometerMeters} is the only class naming Micrometer).
 * <p>
 * Reads results from the model and calls from the client's {@code CallListener}; never the Camel face. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.metrics;
