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
 * The Camel face of the TamTam component: what users, docs, Kamelets, the starter and the Quarkus extension name.
 * {@code TamtamComponent}, {@code TamtamEndpoint}, {@code TamtamConfiguration} (the options), {@code TamtamConstants}
 * (the headers), {@code TamtamOperation}, {@code TamtamCreditCheck}, one producer per operation on the shared
 * asynchronous frame {@code TamtamAsyncProducer}, the health check, the dev console, the verifier, and the typed
 * exceptions routes catch with {@code onException}. Exported (OSGi) with {@code .model}.
 * <p>
 * Keep here only what Camel or a user names: the work of an operation goes to its package ({@code keyaccounts},
 * {@code credits}), HTTP to {@code client}, pacing to {@code pacing}, counters to {@code metrics}. Lower packages may
 * use the options, constants and exceptions, never the component, endpoint or producers ({@code ArchitectureTest}).
 */
package io.github.cameltamtam.component.tamtam;
