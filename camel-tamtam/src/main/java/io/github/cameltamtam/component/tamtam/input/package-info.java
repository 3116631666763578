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
 * Body to company IDs: the readers of every supported body shape (lists, arrays, CSV, streams, files, request
 * objects), the LinkedIn-ID rules, CSV delimiter and column choice, and the email rule ({@code EmailAddress}).
 * Produces {@code CompanyLinkedinIds}: distinct valid IDs in input order (de-duplicated and kept in compact form by
 * {@code ids.CompactIdSet}), duplicates and invalid values counted.
 * <p>
 * Imports nothing of the Camel face but {@code TamtamInvalidInputException} (the error naming field, value and line),
 * and nothing of {@code client}, {@code pacing} or {@code keyaccounts}. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.input;
