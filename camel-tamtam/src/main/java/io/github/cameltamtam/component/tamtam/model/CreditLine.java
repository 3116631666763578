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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One credit line of {@code GET /v2/credits}, e.g. {@code MaxKeyAccountsUnlocked} (what adding a company to Key
 * Accounts spends), {@code MaxLookalikeSearches}, {@code MaxCompanyExports}, {@code MaxCompanyEnrichments},
 * {@code MaxPeopleEnrichments}.
 *
 * @param creditType       the kind of credit
 * @param remainingCredits credits left
 * @param totalCredits     credits granted
 * @param usedCredits      credits spent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditLine(
        @JsonProperty("credit_type") String creditType,
        @JsonProperty("remaining_credits") Integer remainingCredits,
        @JsonProperty("total_credits") Integer totalCredits,
        @JsonProperty("used_credits") Integer usedCredits) {
}
