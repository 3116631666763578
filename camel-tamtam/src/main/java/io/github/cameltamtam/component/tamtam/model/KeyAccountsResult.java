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
package io.github.cameltamtam.component.tamtam.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.cameltamtam.component.tamtam.ids.IdList;

/**
 * What happened to every company ID of one exchange: the body a {@code tamtam:keyAccounts} call leaves, merged over all
 * its API requests. Serialised by Jackson with the API's field names.
 * <p>
 * Every distinct valid input ID is in exactly one of {@link #getNewlyAddedCompanyLinkedinIds() newly added},
 * {@link #getAlreadyInKeyAccountsLinkedinIds() already present}, {@link #getIgnoredCompanyLinkedinIds() ignored} or
 * {@link #getFailedCompanyLinkedinIds() failed}; {@link #getUnsentCompanyLinkedinIds() unsent} IDs are a subset of the
 * ignored ones; skipped invalid input values are listed apart. All lists keep input order.
 * <p>
 * Survives a hop: it is {@link Serializable} (JMS object messages, persistent aggregation repositories) and Jackson
 * reads back the JSON it writes, with the API's field names.
 */
@JsonPropertyOrder({
        "newly_added_company_linkedin_ids", "already_in_key_accounts_linkedin_ids", "ignored_company_linkedin_ids",
        "payment_required", "tags", "tier_level", "unsent_company_linkedin_ids", "invalid_company_linkedin_ids",
        "failed_company_linkedin_ids", "request_count", "throttled_request_count"})
@JsonIgnoreProperties(ignoreUnknown = true)
public final class KeyAccountsResult implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> newlyAddedCompanyLinkedinIds;
    private final List<String> alreadyInKeyAccountsLinkedinIds;
    private final List<String> ignoredCompanyLinkedinIds;
    private final boolean paymentRequired;
    private final List<String> tags;
    private final Integer tierLevel;
    private final List<String> unsentCompanyLinkedinIds;
    private final List<InvalidCompanyLinkedinId> invalidCompanyLinkedinIds;
    private final List<String> failedCompanyLinkedinIds;
    private final int requestCount;
    private final int throttledRequestCount;
    private final List<String> confirmedOnRetryCompanyLinkedinIds;

    public KeyAccountsResult(List<String> newlyAddedCompanyLinkedinIds, List<String> alreadyInKeyAccountsLinkedinIds,
            List<String> ignoredCompanyLinkedinIds, boolean paymentRequired, List<String> tags,
            Integer tierLevel, List<String> unsentCompanyLinkedinIds,
            List<InvalidCompanyLinkedinId> invalidCompanyLinkedinIds,
            List<String> failedCompanyLinkedinIds, int requestCount) {
        this(newlyAddedCompanyLinkedinIds, alreadyInKeyAccountsLinkedinIds, ignoredCompanyLinkedinIds, paymentRequired,
                tags, tierLevel, unsentCompanyLinkedinIds, invalidCompanyLinkedinIds, failedCompanyLinkedinIds,
                requestCount, 0);
    }

    public KeyAccountsResult(List<String> newlyAddedCompanyLinkedinIds, List<String> alreadyInKeyAccountsLinkedinIds,
            List<String> ignoredCompanyLinkedinIds, boolean paymentRequired, List<String> tags,
            Integer tierLevel, List<String> unsentCompanyLinkedinIds,
            List<InvalidCompanyLinkedinId> invalidCompanyLinkedinIds,
            List<String> failedCompanyLinkedinIds, int requestCount, int throttledRequestCount) {
        this(newlyAddedCompanyLinkedinIds, alreadyInKeyAccountsLinkedinIds, ignoredCompanyLinkedinIds, paymentRequired,
                tags, tierLevel, unsentCompanyLinkedinIds, invalidCompanyLinkedinIds, failedCompanyLinkedinIds,
                requestCount, throttledRequestCount, List.of());
    }

    /**
     * The lists are copied (the component's own compact ID lists are immutable and kept as they are); a missing (null)
     * ID list is empty, missing tags stay null.
     */
    @JsonCreator
    public KeyAccountsResult(
            @JsonProperty("newly_added_company_linkedin_ids") List<String> newlyAddedCompanyLinkedinIds,
            @JsonProperty("already_in_key_accounts_linkedin_ids") List<String> alreadyInKeyAccountsLinkedinIds,
            @JsonProperty("ignored_company_linkedin_ids") List<String> ignoredCompanyLinkedinIds,
            @JsonProperty("payment_required") boolean paymentRequired,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("tier_level") Integer tierLevel,
            @JsonProperty("unsent_company_linkedin_ids") List<String> unsentCompanyLinkedinIds,
            @JsonProperty("invalid_company_linkedin_ids") List<InvalidCompanyLinkedinId> invalidCompanyLinkedinIds,
            @JsonProperty("failed_company_linkedin_ids") List<String> failedCompanyLinkedinIds,
            @JsonProperty("request_count") int requestCount,
            @JsonProperty("throttled_request_count") int throttledRequestCount,
            @JsonProperty("confirmed_on_retry_company_linkedin_ids") List<String> confirmedOnRetryCompanyLinkedinIds) {
        this.newlyAddedCompanyLinkedinIds = copyIds(newlyAddedCompanyLinkedinIds);
        this.alreadyInKeyAccountsLinkedinIds = copyIds(alreadyInKeyAccountsLinkedinIds);
        this.ignoredCompanyLinkedinIds = copyIds(ignoredCompanyLinkedinIds);
        this.paymentRequired = paymentRequired;
        this.tags = tags == null ? null : List.copyOf(tags);
        this.tierLevel = tierLevel;
        this.unsentCompanyLinkedinIds = copyIds(unsentCompanyLinkedinIds);
        this.invalidCompanyLinkedinIds = copy(invalidCompanyLinkedinIds);
        this.failedCompanyLinkedinIds = copyIds(failedCompanyLinkedinIds);
        this.requestCount = requestCount;
        this.throttledRequestCount = throttledRequestCount;
        this.confirmedOnRetryCompanyLinkedinIds = copyIds(confirmedOnRetryCompanyLinkedinIds);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** An ID list as an immutable list: the component's compact lists are kept as they are (no ID copied). */
    private static List<String> copyIds(List<String> ids) {
        return ids == null ? List.of() : IdList.copyOf(ids);
    }

    /** A result for an input with no IDs: nothing sent, nothing charged. */
    public static KeyAccountsResult empty(List<String> tags, Integer tierLevel,
            List<InvalidCompanyLinkedinId> invalid) {
        return new KeyAccountsResult(List.of(), List.of(), List.of(), false, tags, tierLevel, List.of(), invalid,
                List.of(), 0);
    }

    /**
     * A result where nothing was added and the outcome of every ID of {@code failed} is unknown: the exchange failed
     * before or while sending.
     */
    public static KeyAccountsResult allFailed(List<String> tags, Integer tierLevel,
            List<InvalidCompanyLinkedinId> invalid, List<String> failed,
            int requestCount) {
        return new KeyAccountsResult(List.of(), List.of(), List.of(), false, tags, tierLevel, List.of(), invalid,
                failed,
                requestCount);
    }

    /**
     * This result plus IDs never sent for lack of credits (ignored and unsent, and payment required when there are any)
     * and {@code moreRequests} requests.
     */
    public KeyAccountsResult withNotSent(List<String> notSent, int moreRequests) {
        return new KeyAccountsResult(newlyAddedCompanyLinkedinIds, alreadyInKeyAccountsLinkedinIds,
                IdList.concat(ignoredCompanyLinkedinIds, notSent), paymentRequired || !notSent.isEmpty(), tags,
                tierLevel,
                IdList.concat(unsentCompanyLinkedinIds, notSent), invalidCompanyLinkedinIds, failedCompanyLinkedinIds,
                requestCount + moreRequests, throttledRequestCount, confirmedOnRetryCompanyLinkedinIds);
    }

    /** IDs added now; one credit was charged for each. */
    @JsonProperty("newly_added_company_linkedin_ids")
    public List<String> getNewlyAddedCompanyLinkedinIds() {
        return newlyAddedCompanyLinkedinIds;
    }

    /** IDs that were already in Key Accounts; no credit charged. */
    @JsonProperty("already_in_key_accounts_linkedin_ids")
    public List<String> getAlreadyInKeyAccountsLinkedinIds() {
        return alreadyInKeyAccountsLinkedinIds;
    }

    /** IDs not added for lack of credits: ignored by the API, plus those never sent after it said so. */
    @JsonProperty("ignored_company_linkedin_ids")
    public List<String> getIgnoredCompanyLinkedinIds() {
        return ignoredCompanyLinkedinIds;
    }

    /** True when the account ran out of credits during this exchange. */
    @JsonProperty("payment_required")
    public boolean isPaymentRequired() {
        return paymentRequired;
    }

    /** Tags applied, as echoed by the API (or as requested when nothing was sent). */
    @JsonProperty("tags")
    public List<String> getTags() {
        return tags;
    }

    /** Tier applied, as echoed by the API (or as requested when nothing was sent). */
    @JsonProperty("tier_level")
    public Integer getTierLevel() {
        return tierLevel;
    }

    /** IDs never sent because credits ran out in an earlier request; a subset of the ignored IDs. */
    @JsonProperty("unsent_company_linkedin_ids")
    public List<String> getUnsentCompanyLinkedinIds() {
        return unsentCompanyLinkedinIds;
    }

    /** Input values skipped as invalid (only with skipInvalidIds=true), with where they were. */
    @JsonProperty("invalid_company_linkedin_ids")
    public List<InvalidCompanyLinkedinId> getInvalidCompanyLinkedinIds() {
        return invalidCompanyLinkedinIds;
    }

    /**
     * IDs whose outcome is unknown because their request failed after all retries, or that were not sent because of
     * that failure. Empty unless the exchange failed (or the API left an ID out of its answer).
     */
    @JsonProperty("failed_company_linkedin_ids")
    public List<String> getFailedCompanyLinkedinIds() {
        return failedCompanyLinkedinIds;
    }

    /** HTTP requests made, retries included. */
    @JsonProperty("request_count")
    public int getRequestCount() {
        return requestCount;
    }

    /**
     * Requests answered 429 (throttled) and sent again; they are included in {@link #getRequestCount()}. 0 when the
     * key's pacing kept every request within the API's rate limit.
     */
    @JsonProperty("throttled_request_count")
    public int getThrottledRequestCount() {
        return throttledRequestCount;
    }

    /**
     * The newly added IDs (a subset, in input order) that an answer reported already present after an earlier attempt
     * (a retry of their batch after an unknown outcome, or an earlier delivery of the exchange) may have added them:
     * counted as added by this exchange, not as present before it.
     */
    @JsonProperty("confirmed_on_retry_company_linkedin_ids")
    public List<String> getConfirmedOnRetryCompanyLinkedinIds() {
        return confirmedOnRetryCompanyLinkedinIds;
    }

    /** Number of distinct valid IDs this result accounts for (added + already + ignored + failed). */
    public int accountedIds() {
        return newlyAddedCompanyLinkedinIds.size() + alreadyInKeyAccountsLinkedinIds.size()
                + ignoredCompanyLinkedinIds.size() + failedCompanyLinkedinIds.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyAccountsResult that && paymentRequired == that.paymentRequired
                && requestCount == that.requestCount && throttledRequestCount == that.throttledRequestCount
                && newlyAddedCompanyLinkedinIds.equals(that.newlyAddedCompanyLinkedinIds)
                && alreadyInKeyAccountsLinkedinIds.equals(that.alreadyInKeyAccountsLinkedinIds)
                && ignoredCompanyLinkedinIds.equals(that.ignoredCompanyLinkedinIds)
                && Objects.equals(tags, that.tags) && Objects.equals(tierLevel, that.tierLevel)
                && unsentCompanyLinkedinIds.equals(that.unsentCompanyLinkedinIds)
                && invalidCompanyLinkedinIds.equals(that.invalidCompanyLinkedinIds)
                && failedCompanyLinkedinIds.equals(that.failedCompanyLinkedinIds)
                && confirmedOnRetryCompanyLinkedinIds.equals(that.confirmedOnRetryCompanyLinkedinIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(newlyAddedCompanyLinkedinIds, alreadyInKeyAccountsLinkedinIds,
                ignoredCompanyLinkedinIds, paymentRequired, tags, tierLevel, unsentCompanyLinkedinIds,
                invalidCompanyLinkedinIds, failedCompanyLinkedinIds, requestCount, throttledRequestCount,
                confirmedOnRetryCompanyLinkedinIds);
    }

    @Override
    public String toString() {
        return "KeyAccountsResult[added=" + newlyAddedCompanyLinkedinIds.size()
                + ", already=" + alreadyInKeyAccountsLinkedinIds.size()
                + ", ignored=" + ignoredCompanyLinkedinIds.size()
                + ", unsent=" + unsentCompanyLinkedinIds.size()
                + ", invalid=" + invalidCompanyLinkedinIds.size()
                + ", failed=" + failedCompanyLinkedinIds.size()
                + ", paymentRequired=" + paymentRequired + ", requests=" + requestCount + ", throttled="
                + throttledRequestCount + "]";
    }
}
