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
 * One TamTam API call over HTTP, done right: {@code TamtamClient} sends an {@code ApiRequest} through the key's pacer,
 * a bounded body ({@code BoundedBody}), retries ({@code RetryPolicy}, {@code RetryAfter}), 429 handling and key
 * redaction ({@code KeyRedactor}); {@code ApiCall} runs one call's attempts, each sent by {@code ApiTransport}, with
 * {@code NextStep} saying when its next step is due; {@code AnswerSorter} decides what an answer means and what
 * follows it, with {@code CallRetries} for the waits; {@code ApiFailures} words its failures; {@code HttpClients} builds and stops the JDK
 * HTTP clients; {@code BaseUrlPolicy} and {@code ProxyCredentials} check the connection options.
 * <p>
 * Knows no operation: each operation builds its own {@code ApiRequest} in its package. The only package that names
 * {@code java.net.http} (besides the component's {@code httpClient} option). Imports {@code pacing}, the model and the
 * exceptions only. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.client;
