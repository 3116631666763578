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
 * The {@code credits} operation's API call, {@code GET /v2/credits} ({@code CreditsApi}): sent by the credits
 * producer, the keyAccounts credit pre-flight, the health check and the verifier.
 * <p>
 * Knows the client and the model only. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.credits;
