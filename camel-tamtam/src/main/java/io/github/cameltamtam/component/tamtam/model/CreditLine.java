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
