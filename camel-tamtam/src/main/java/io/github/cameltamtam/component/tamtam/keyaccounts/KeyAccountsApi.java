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
