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
 * The TamTam API operation an endpoint performs: the path of {@code tamtam:operation}.
 */
public enum TamtamOperation {

    /** Add companies, named by numeric LinkedIn ID, to a user's Key Accounts ({@code POST /v2/key-accounts}). */
    keyAccounts,

    /** Read the account's credit lines ({@code GET /v2/credits}); spends no credit. */
    credits
}
