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
