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
 * How one {@code tamtam:keyAccounts} exchange runs once its producer hands it on: the per-exchange parameters
 * ({@code RequestParameters}), the IDs read once per exchange ({@code ReadOnce}), the batches ({@code KeyAccountsPlanner}),
 * the credit pre-flight ({@code KeyAccountsPreflight}), the paced batch run ({@code KeyAccountsBatchRun}), the merged
 * result ({@code KeyAccountsResultMerger}), the result headers ({@code ResultHeaders}), the dry run and the operation's
 * API call ({@code KeyAccountsApi}).
 * <p>
 * Uses {@code input}, {@code ids}, {@code client}, {@code credits}, the model and the face's options, constants and exceptions;
 * never the component, endpoint or producers. OSGi-private: may change in any release.
 */
package io.github.cameltamtam.component.tamtam.keyaccounts;
