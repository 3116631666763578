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
package io.github.cameltamtam.component.tamtam.keyaccounts;

import java.util.List;

import io.github.cameltamtam.component.tamtam.TamtamConstants;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Message;

/**
 * The {@code Tamtam*} result headers of a {@code keyAccounts} exchange, written from its {@link KeyAccountsResult}:
 * after a call that succeeded, failed with a result, or (all empty but the invalid values) a dry run.
 */
public final class ResultHeaders {

    private ResultHeaders() {
    }

    /** Sets every result header from {@code result}: each ID list, with its count beside it. */
    public static void set(Message message, KeyAccountsResult result) {
        setList(message, TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS, TamtamConstants.NEWLY_ADDED_COMPANY_COUNT,
                result.getNewlyAddedCompanyLinkedinIds());
        setList(message, TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS,
                TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_COUNT, result.getAlreadyInKeyAccountsLinkedinIds());
        setList(message, TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS, TamtamConstants.IGNORED_COMPANY_COUNT,
                result.getIgnoredCompanyLinkedinIds());
        message.setHeader(TamtamConstants.PAYMENT_REQUIRED, result.isPaymentRequired());
        message.setHeader(TamtamConstants.RESULT_TAGS, result.getTags());
        message.setHeader(TamtamConstants.RESULT_TIER_LEVEL, result.getTierLevel());
        setList(message, TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS, TamtamConstants.UNSENT_COMPANY_COUNT,
                result.getUnsentCompanyLinkedinIds());
        List<String> invalid =
                result.getInvalidCompanyLinkedinIds().stream().map(InvalidCompanyLinkedinId::value).toList();
        setList(message, TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS, TamtamConstants.INVALID_COMPANY_COUNT, invalid);
        setList(message, TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS, TamtamConstants.FAILED_COMPANY_COUNT,
                result.getFailedCompanyLinkedinIds());
        setList(message, TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_LINKEDIN_IDS,
                TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_COUNT, result.getConfirmedOnRetryCompanyLinkedinIds());
        message.setHeader(TamtamConstants.REQUEST_COUNT, result.getRequestCount());
        message.setHeader(TamtamConstants.THROTTLED_REQUEST_COUNT, result.getThrottledRequestCount());
    }

    private static void setList(Message message, String listHeader, String countHeader, List<String> ids) {
        message.setHeader(listHeader, ids);
        message.setHeader(countHeader, ids.size());
    }
}
