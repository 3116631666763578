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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import io.github.cameltamtam.component.tamtam.client.ApiRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResponse;

/** The API call of the {@code keyAccounts} operation: {@code POST /v2/key-accounts}, one batch of at most 50 IDs. */
public final class KeyAccountsApi {

    static final String PATH = "/v2/key-accounts";

    private KeyAccountsApi() {
    }

    /**
     * The call that adds one batch; its {@link ApiRequest#body()} is what is sent (a dry run shows it). An answer
     * without the three ID lists is malformed (retried, then failed).
     */
    public static ApiRequest<KeyAccountsResponse> addKeyAccounts(KeyAccountsRequest request) {
        int ids = request.getCompanyLinkedinIds() == null ? 0 : request.getCompanyLinkedinIds().size();
        return ApiRequest.post(PATH, request, KeyAccountsResponse.class, KeyAccountsResponse::defect, ids + " IDs");
    }
}
