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
