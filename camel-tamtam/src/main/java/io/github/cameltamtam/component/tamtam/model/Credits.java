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
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The account's credit lines: the answer of {@code GET /v2/credits}, and the body {@code tamtam:credits} leaves.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Credits {

    /** The credit type that adding a company to Key Accounts spends (one per newly added company). */
    public static final String KEY_ACCOUNTS_CREDIT_TYPE = "MaxKeyAccountsUnlocked";

    private final List<CreditLine> credits;

    public Credits(@JsonProperty("credits") List<CreditLine> credits) {
        this.credits = credits == null ? null : List.copyOf(credits);
    }

    /** The credit lines, as the API listed them; null when the answer had none (a malformed answer). */
    @JsonProperty("credits")
    public List<CreditLine> getCredits() {
        return credits;
    }

    /** The line of this credit type, if the account has one. */
    public Optional<CreditLine> line(String creditType) {
        return credits == null ? Optional.empty()
                : credits.stream().filter(c -> creditType.equals(c.creditType())).findFirst();
    }

    /** The remaining {@code MaxKeyAccountsUnlocked} credits, if the answer lists them. */
    public Optional<Integer> remainingKeyAccountsCredits() {
        return line(KEY_ACCOUNTS_CREDIT_TYPE).map(CreditLine::remainingCredits);
    }

    /** Names what is missing in an answer, or returns null when it is well formed. */
    public String defect() {
        if (credits == null) {
            return "no credits list";
        }
        for (CreditLine line : credits) {
            if (line == null || line.creditType() == null || line.remainingCredits() == null) {
                return "a credit line without credit_type or remaining_credits";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Credits" + credits;
    }
}
