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

    /** Sets every result header from {@code result}. */
    public static void set(Message message, KeyAccountsResult result) {
        message.setHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS, result.getNewlyAddedCompanyLinkedinIds());
        message.setHeader(TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS,
                result.getAlreadyInKeyAccountsLinkedinIds());
        message.setHeader(TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS, result.getIgnoredCompanyLinkedinIds());
        message.setHeader(TamtamConstants.PAYMENT_REQUIRED, result.isPaymentRequired());
        message.setHeader(TamtamConstants.RESULT_TAGS, result.getTags());
        message.setHeader(TamtamConstants.RESULT_TIER_LEVEL, result.getTierLevel());
        message.setHeader(TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS, result.getUnsentCompanyLinkedinIds());
        List<String> invalid = result.getInvalidCompanyLinkedinIds().stream().map(InvalidCompanyLinkedinId::value).toList();
        message.setHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS, invalid);
        message.setHeader(TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS, result.getFailedCompanyLinkedinIds());
        message.setHeader(TamtamConstants.CONFIRMED_ON_RETRY_COMPANY_LINKEDIN_IDS,
                result.getConfirmedOnRetryCompanyLinkedinIds());
        message.setHeader(TamtamConstants.REQUEST_COUNT, result.getRequestCount());
        message.setHeader(TamtamConstants.THROTTLED_REQUEST_COUNT, result.getThrottledRequestCount());
    }
}
