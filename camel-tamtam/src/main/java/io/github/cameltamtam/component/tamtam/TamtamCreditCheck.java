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
package io.github.cameltamtam.component.tamtam;

/**
 * The credit pre-flight of {@code tamtam:keyAccounts} ({@code creditCheck}): whether, before the first batch, the
 * remaining {@code MaxKeyAccountsUnlocked} credits are read and compared with the distinct IDs to send. IDs already in
 * Key Accounts cost nothing, so the comparison is an upper bound of what the call will spend.
 */
public enum TamtamCreditCheck {

    /** No pre-flight (the default): batches are sent until the API answers {@code payment_required}. */
    off,

    /** Fail the exchange before any add request when the distinct IDs exceed the remaining credits. */
    fail,

    /** Send only as many IDs as there are credits, in input order; report the rest as ignored and unsent. */
    trim
}
