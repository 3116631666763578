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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v2/key-accounts}; also accepted as the exchange body for full control of one call. Fields left
 * null are taken from the headers and endpoint options; the component splits the IDs into batches of at most 50.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class KeyAccountsRequest implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @JsonProperty("company_linkedin_ids")
    private List<String> companyLinkedinIds;

    @JsonProperty("user_email")
    private String userEmail;

    @JsonProperty("tags")
    private List<String> tags;

    @JsonProperty("tier_level")
    private Integer tierLevel;

    public KeyAccountsRequest() {
    }

    public KeyAccountsRequest(List<String> companyLinkedinIds, String userEmail, List<String> tags, Integer tierLevel) {
        this.companyLinkedinIds = companyLinkedinIds;
        this.userEmail = userEmail;
        this.tags = tags;
        this.tierLevel = tierLevel;
    }

    /** LinkedIn numeric company IDs. */
    public List<String> getCompanyLinkedinIds() {
        return companyLinkedinIds;
    }

    public void setCompanyLinkedinIds(List<String> companyLinkedinIds) {
        this.companyLinkedinIds = companyLinkedinIds;
    }

    /** Email of the user whose Key Accounts receive the companies. */
    public String getUserEmail() {
        return userEmail;
    }

    public void setUserEmail(String userEmail) {
        this.userEmail = userEmail;
    }

    /** Tags replacing the existing tags of each company; null for none. */
    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    /** Priority tier 1..3; null for the API default (1). */
    public Integer getTierLevel() {
        return tierLevel;
    }

    public void setTierLevel(Integer tierLevel) {
        this.tierLevel = tierLevel;
    }

    @Override
    public String toString() {
        return "KeyAccountsRequest[" + (companyLinkedinIds == null ? 0 : companyLinkedinIds.size())
                + " ids, userEmail=" + userEmail + ", tags=" + tags + ", tierLevel=" + tierLevel + "]";
    }
}
