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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's answer (200) to one {@code POST /v2/key-accounts} call, as sent on the wire.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class KeyAccountsResponse {

    @JsonProperty("newly_added_company_linkedin_ids")
    private List<String> newlyAddedCompanyLinkedinIds;

    @JsonProperty("already_in_key_accounts_linkedin_ids")
    private List<String> alreadyInKeyAccountsLinkedinIds;

    @JsonProperty("ignored_company_linkedin_ids")
    private List<String> ignoredCompanyLinkedinIds;

    @JsonProperty("payment_required")
    private boolean paymentRequired;

    @JsonProperty("tags")
    private List<String> tags;

    @JsonProperty("tier_level")
    private Integer tierLevel;

    /** IDs added now (one credit each). */
    public List<String> getNewlyAddedCompanyLinkedinIds() {
        return newlyAddedCompanyLinkedinIds;
    }

    public void setNewlyAddedCompanyLinkedinIds(List<String> ids) {
        this.newlyAddedCompanyLinkedinIds = ids;
    }

    /** IDs already present (no credit charged). */
    public List<String> getAlreadyInKeyAccountsLinkedinIds() {
        return alreadyInKeyAccountsLinkedinIds;
    }

    public void setAlreadyInKeyAccountsLinkedinIds(List<String> ids) {
        this.alreadyInKeyAccountsLinkedinIds = ids;
    }

    /** IDs skipped because the account ran out of credits. */
    public List<String> getIgnoredCompanyLinkedinIds() {
        return ignoredCompanyLinkedinIds;
    }

    public void setIgnoredCompanyLinkedinIds(List<String> ids) {
        this.ignoredCompanyLinkedinIds = ids;
    }

    /** True when credits ran out during the request. */
    public boolean isPaymentRequired() {
        return paymentRequired;
    }

    public void setPaymentRequired(boolean paymentRequired) {
        this.paymentRequired = paymentRequired;
    }

    /** Tags applied (echo of the request). */
    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    /**
     * What makes this answer malformed, or null when it is well formed: a 200 must carry the three ID lists (empty or
     * not), or the fate of the IDs sent is unknown.
     */
    public String defect() {
        if (newlyAddedCompanyLinkedinIds == null) {
            return "newly_added_company_linkedin_ids is missing";
        }
        if (alreadyInKeyAccountsLinkedinIds == null) {
            return "already_in_key_accounts_linkedin_ids is missing";
        }
        if (ignoredCompanyLinkedinIds == null) {
            return "ignored_company_linkedin_ids is missing";
        }
        return null;
    }

    /** Tier applied. */
    public Integer getTierLevel() {
        return tierLevel;
    }

    public void setTierLevel(Integer tierLevel) {
        this.tierLevel = tierLevel;
    }
}
