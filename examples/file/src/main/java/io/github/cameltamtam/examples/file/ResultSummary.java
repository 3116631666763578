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
package io.github.cameltamtam.examples.file;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;

/** Builds the one log line the route writes per file. */
public final class ResultSummary {

    private ResultSummary() {
    }

    /**
     * Returns e.g. {@code companies.csv: 118 added, 0 already in Key Accounts, 0 ignored (out of credits)}, followed by
     * the unsent / invalid / failed counts and the payment-required flag when they are not empty.
     *
     * @param fileName the CSV file name
     * @param result   what {@code tamtam:keyAccounts} did with its IDs
     * @return e.g. {@code companies.csv: 118 added, 0 already in Key Accounts, 0 ignored (out of credits)}, followed by
     *         the unsent / invalid / failed counts and the payment-required flag when they are not empty
     */
    public static String line(String fileName, KeyAccountsResult result) {
        StringBuilder sb = new StringBuilder(fileName).append(": ")
                .append(result.getNewlyAddedCompanyLinkedinIds().size()).append(" added, ")
                .append(result.getAlreadyInKeyAccountsLinkedinIds().size()).append(" already in Key Accounts, ")
                .append(result.getIgnoredCompanyLinkedinIds().size()).append(" ignored (out of credits)");
        append(sb, result.getUnsentCompanyLinkedinIds().size(), "unsent");
        append(sb, result.getInvalidCompanyLinkedinIds().size(), "invalid");
        append(sb, result.getFailedCompanyLinkedinIds().size(), "failed");
        if (result.isPaymentRequired()) {
            sb.append(", PAYMENT REQUIRED: the account ran out of credits");
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, int count, String what) {
        if (count > 0) {
            sb.append(", ").append(count).append(' ').append(what);
        }
    }
}
