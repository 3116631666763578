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
package io.github.cameltamtam.component.tamtam.credits;

import io.github.cameltamtam.component.tamtam.client.ApiRequest;
import io.github.cameltamtam.component.tamtam.model.Credits;

/**
 * The API call of the {@code credits} operation, also made by the credit pre-flight of {@code keyAccounts}, the health
 * check and the verifier: {@code GET /v2/credits}. Spends no credit.
 */
public final class CreditsApi {

    static final String PATH = "/v2/credits";

    private CreditsApi() {
    }

    /** The call that reads the account's credit lines. An answer without a credits list is malformed (retried, then failed). */
    public static ApiRequest<Credits> credits() {
        return ApiRequest.get(PATH, Credits.class, Credits::defect);
    }
}
