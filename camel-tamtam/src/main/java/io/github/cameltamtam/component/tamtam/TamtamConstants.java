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

import org.apache.camel.spi.Metadata;

/**
 * Message headers read and written by the TamTam component.
 * <p>
 * Inputs follow Camel's convention and start with {@code Camel}: {@link #USER_EMAIL} ({@code CamelTamtamUserEmail}),
 * {@link #TAGS} ({@code CamelTamtamTags}) and {@link #TIER_LEVEL} ({@code CamelTamtamTierLevel}) override the endpoint
 * options for one exchange. Camel's HTTP and JMS header filter strategies drop {@code Camel*} headers at the boundary,
 * so an outside caller cannot steer a call through them.
 * <p>
 * Results are named {@code Tamtam} + the response field ({@link #RESULT_TAGS} {@code TamtamTags},
 * {@link #RESULT_TIER_LEVEL} {@code TamtamTierLevel}, the ID lists ...). They are never read, so a result of one call
 * cannot act as an input of a later call.
 */
public final class TamtamConstants {

    @Metadata(label = "producer", description = "In: email of the TamTam user whose Key Accounts receive the companies. Resolution order: "
            + "user_email of a request object in the body, then this header, then the userEmail option.", javaType = "String")
    public static final String USER_EMAIL = "CamelTamtamUserEmail";

    @Metadata(label = "producer", description = "In: tags for this exchange (a List of String, comma-separated text or a JSON array text), "
            + "replacing the tags option; tags replace existing tags on each company.", javaType = "java.util.List<String>")
    public static final String TAGS = "CamelTamtamTags";

    @Metadata(label = "producer", description = "In: tier level 1..3 for this exchange, replacing the tierLevel option.", javaType = "Integer")
    public static final String TIER_LEVEL = "CamelTamtamTierLevel";

    @Metadata(label = "producer", description = "Out: the tags the API applied (echo of the request). Never read as an input.", javaType = "java.util.List<String>")
    public static final String RESULT_TAGS = "TamtamTags";

    @Metadata(label = "producer", description = "Out: the tier the API applied. Never read as an input.", javaType = "Integer")
    public static final String RESULT_TIER_LEVEL = "TamtamTierLevel";

    @Metadata(label = "producer", description = "Out: IDs added to Key Accounts by this exchange (one credit charged per ID), in input order.", javaType = "java.util.List<String>")
    public static final String NEWLY_ADDED_COMPANY_LINKEDIN_IDS = "TamtamNewlyAddedCompanyLinkedinIds";

    @Metadata(label = "producer", description = "Out: the number of entries of TamtamNewlyAddedCompanyLinkedinIds (an Integer: log or branch on it "
            + "without OGNL).", javaType = "Integer")
    public static final String NEWLY_ADDED_COMPANY_COUNT = "TamtamNewlyAddedCompanyCount";

    @Metadata(label = "producer", description = "Out: IDs that were already in Key Accounts (no credit charged), in input order.", javaType = "java.util.List<String>")
    public static final String ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS = "TamtamAlreadyInKeyAccountsLinkedinIds";

    @Metadata(label = "producer", description = "Out: the number of entries of TamtamAlreadyInKeyAccountsLinkedinIds (an Integer: log or branch on it "
            + "without OGNL).", javaType = "Integer")
    public static final String ALREADY_IN_KEY_ACCOUNTS_COUNT = "TamtamAlreadyInKeyAccountsCount";

    @Metadata(label = "producer", description = "Out: IDs not added because the account ran out of credits: those the API ignored plus "
            + "those never sent after it reported payment_required.", javaType = "java.util.List<String>")
    public static final String IGNORED_COMPANY_LINKEDIN_IDS = "TamtamIgnoredCompanyLinkedinIds";

    @Metadata(label = "producer", description = "Out: the number of entries of TamtamIgnoredCompanyLinkedinIds (an Integer: log or branch on it "
            + "without OGNL).", javaType = "Integer")
    public static final String IGNORED_COMPANY_COUNT = "TamtamIgnoredCompanyCount";

    @Metadata(label = "producer", description = "Out: true when the account ran out of credits during this exchange.", javaType = "Boolean")
    public static final String PAYMENT_REQUIRED = "TamtamPaymentRequired";

    @Metadata(label = "producer", description = "Out: IDs never sent because credits ran out in an earlier batch (a subset of the ignored IDs).", javaType = "java.util.List<String>")
    public static final String UNSENT_COMPANY_LINKEDIN_IDS = "TamtamUnsentCompanyLinkedinIds";

    @Metadata(label = "producer", description = "Out: the number of entries of TamtamUnsentCompanyLinkedinIds (an Integer: log or branch on it "
            + "without OGNL).", javaType = "Integer")
    public static final String UNSENT_COMPANY_COUNT = "TamtamUnsentCompanyCount";

    @Metadata(label = "producer", description = "Out: input values that are not valid LinkedIn company IDs, skipped because skipInvalidIds=true "
            + "(each with its line or position in the result body).", javaType = "java.util.List<String>")
    public static final String INVALID_COMPANY_LINKEDIN_IDS = "TamtamInvalidCompanyLinkedinIds";

    @Metadata(label = "producer", description = "Out: the number of entries of TamtamInvalidCompanyLinkedinIds (an Integer: log or branch on it "
            + "without OGNL).", javaType = "Integer")
    public static final String INVALID_COMPANY_COUNT = "TamtamInvalidCompanyCount";

    @Metadata(label = "producer", description = "Out: IDs whose outcome is unknown because their request failed after all retries, or that "
            + "were not sent because of that failure. Re-sending them is safe: present companies cost nothing.", javaType = "java.util.List<String>")
    public static final String FAILED_COMPANY_LINKEDIN_IDS = "TamtamFailedCompanyLinkedinIds";

    @Metadata(label = "producer", description = "Out: the number of entries of TamtamFailedCompanyLinkedinIds (an Integer: log or branch on it "
            + "without OGNL).", javaType = "Integer")
    public static final String FAILED_COMPANY_COUNT = "TamtamFailedCompanyCount";

    @Metadata(label = "producer", description = "Out: the newly added IDs (also in TamtamNewlyAddedCompanyLinkedinIds) that an answer reported "
            + "already present after an earlier attempt may have added them - a retry of their batch "
            + "after an unknown outcome (a 5xx, a reset connection), or an earlier delivery of the "
            + "exchange. They count as added by this exchange, confirmed on retry: the API's answer cannot tell them "
            + "from companies present before the exchange, so the credits spent may be fewer than this list.", javaType = "java.util.List<String>")
    public static final String CONFIRMED_ON_RETRY_COMPANY_LINKEDIN_IDS = "TamtamConfirmedOnRetryCompanyLinkedinIds";

    @Metadata(label = "producer", description = "Out: the number of entries of TamtamConfirmedOnRetryCompanyLinkedinIds (an Integer: log or "
            + "branch on it without OGNL).", javaType = "Integer")
    public static final String CONFIRMED_ON_RETRY_COMPANY_COUNT = "TamtamConfirmedOnRetryCompanyCount";

    @Metadata(label = "producer", description = "Out: number of HTTP requests this exchange made, retries included.", javaType = "Integer")
    public static final String REQUEST_COUNT = "TamtamRequestCount";

    @Metadata(label = "producer", description = "Out: number of this exchange's requests answered 429 (throttled) and sent again once the key's "
            + "adaptive pacer allowed; included in TamtamRequestCount. 0 when pacing kept every request "
            + "within the rate limit; above 0 when other clients (or replicas without a shared "
            + "pacerProxyManager) use the same key.", javaType = "Integer")
    public static final String THROTTLED_REQUEST_COUNT = "TamtamThrottledRequestCount";

    @Metadata(label = "producer", description = "Out: the remaining MaxKeyAccountsUnlocked credits as GET /v2/credits reported them: set by "
            + "tamtam:credits, and by tamtam:keyAccounts when creditCheck is fail or trim (read before "
            + "the first batch).", javaType = "Integer")
    public static final String REMAINING_KEY_ACCOUNTS_CREDITS = "TamtamRemainingKeyAccountsCredits";

    @Metadata(label = "producer", description = "Out (dryRun=true): the distinct valid IDs a real call would send, in input order.", javaType = "java.util.List<String>")
    public static final String PLANNED_COMPANY_LINKEDIN_IDS = "TamtamPlannedCompanyLinkedinIds";

    @Metadata(label = "producer", description = "Out (dryRun=true): the number of add requests a real call would send, retries not counted.", javaType = "Integer")
    public static final String PLANNED_REQUEST_COUNT = "TamtamPlannedRequestCount";

    private TamtamConstants() {
    }
}
