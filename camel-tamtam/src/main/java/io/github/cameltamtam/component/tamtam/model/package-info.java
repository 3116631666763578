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
 * The values bodies and headers carry, with the API's field names for Jackson: the request and answer of
 * {@code POST /v2/key-accounts}, the credit lines, problem documents, the per-ID result of an exchange
 * ({@code KeyAccountsResult}) and a dry run's plan. Exported (OSGi) and public API.
 * <p>
 * Immutable where Jackson allows; imports nothing of the component but {@code ids} (a result's ID lists may be its
 * compact read-only views, kept without copying).
 */
package io.github.cameltamtam.component.tamtam.model;
