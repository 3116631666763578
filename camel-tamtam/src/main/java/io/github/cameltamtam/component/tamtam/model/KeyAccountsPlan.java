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

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.cameltamtam.component.tamtam.ids.IdList;

/**
 * What a {@code tamtam:keyAccounts} call would send: the body a dry run ({@code dryRun=true}) leaves. The input is
 * read, validated, de-duplicated and batched exactly as for a real call, but nothing is sent and no credit is spent.
 */
@JsonPropertyOrder({"planned_company_linkedin_ids", "batches", "request_payloads", "invalid_company_linkedin_ids",
        "duplicates"})
public final class KeyAccountsPlan {

    private final List<String> plannedCompanyLinkedinIds;
    private final List<KeyAccountsRequest> batches;
    private final List<String> requestPayloads;
    private final List<InvalidCompanyLinkedinId> invalidCompanyLinkedinIds;
    private final int duplicates;

    public KeyAccountsPlan(List<String> plannedCompanyLinkedinIds, List<KeyAccountsRequest> batches,
            List<String> requestPayloads, List<InvalidCompanyLinkedinId> invalidCompanyLinkedinIds,
            int duplicates) {
        this.plannedCompanyLinkedinIds = IdList.copyOf(plannedCompanyLinkedinIds);
        this.batches = List.copyOf(batches);
        this.requestPayloads = List.copyOf(requestPayloads);
        this.invalidCompanyLinkedinIds = List.copyOf(invalidCompanyLinkedinIds);
        this.duplicates = duplicates;
    }

    /** The distinct valid IDs that would be sent, in input order. */
    @JsonProperty("planned_company_linkedin_ids")
    public List<String> getPlannedCompanyLinkedinIds() {
        return plannedCompanyLinkedinIds;
    }

    /** The requests that would be sent, one per batch, in order. */
    @JsonProperty("batches")
    public List<KeyAccountsRequest> getBatches() {
        return batches;
    }

    /** The JSON body of each request, byte for byte as it would be sent. */
    @JsonProperty("request_payloads")
    public List<String> getRequestPayloads() {
        return requestPayloads;
    }

    /** Input values skipped as invalid (only with skipInvalidIds=true). */
    @JsonProperty("invalid_company_linkedin_ids")
    public List<InvalidCompanyLinkedinId> getInvalidCompanyLinkedinIds() {
        return invalidCompanyLinkedinIds;
    }

    /** Input occurrences dropped because the ID came earlier in the input. */
    @JsonProperty("duplicates")
    public int getDuplicates() {
        return duplicates;
    }

    @Override
    public String toString() {
        return "KeyAccountsPlan[" + plannedCompanyLinkedinIds.size() + " IDs in " + batches.size()
                + " requests, invalid="
                + invalidCompanyLinkedinIds.size() + ", duplicates=" + duplicates + "]";
    }
}
