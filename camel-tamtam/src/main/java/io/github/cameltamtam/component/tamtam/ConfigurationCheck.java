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
package io.github.cameltamtam.component.tamtam;

import io.github.cameltamtam.component.tamtam.client.BaseUrlPolicy;
import io.github.cameltamtam.component.tamtam.input.CsvDelimiter;
import io.github.cameltamtam.component.tamtam.input.EmailAddress;

/**
 * The checks of {@link TamtamConfiguration#validate()}: the options that do not depend on an exchange, each failure
 * naming the option and its offending value (never a secret's value).
 */
final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /** @throws IllegalArgumentException naming the option and its offending value (never a secret's value) */
    static void validate(TamtamConfiguration c) {
        if (c.getOperation() == null) {
            throw new IllegalArgumentException("operation is required: use tamtam:keyAccounts or tamtam:credits");
        }
        if (c.getApiKey() == null || c.getApiKey().isBlank()) {
            throw new IllegalArgumentException(
                    "apiKey is required: set camel.component.tamtam.api-key (e.g. {{env:TAMTAM_API_KEY}})");
        }
        requireHeaderSafe("apiKey", c.getApiKey());
        if (c.getProxyUsername() != null) {
            requireHeaderSafe("proxyUsername", c.getProxyUsername());
        }
        if (c.getProxyPassword() != null) {
            requireHeaderSafe("proxyPassword", c.getProxyPassword());
        }
        BaseUrlPolicy.check(c.getBaseUrl());
        if (c.getTierLevel() != null && (c.getTierLevel() < 1 || c.getTierLevel() > 3)) {
            throw new IllegalArgumentException("tierLevel must be 1, 2 or 3 but was " + c.getTierLevel());
        }
        if (c.getUserEmail() != null && !EmailAddress.isWellFormed(c.getUserEmail().strip())) {
            throw new IllegalArgumentException(
                    "userEmail is not a well-formed email address: '" + c.getUserEmail() + "'");
        }
        requireRange("batchSize", c.getBatchSize(), 1, 50);
        requireRange("maxConcurrentRequests", c.getMaxConcurrentRequests(), 1, 1000);
        requireRange("maxRetries", c.getMaxRetries(), 0, 100);
        if (!(c.getRequestsPerSecond() > 0) || Double.isInfinite(c.getRequestsPerSecond())) {
            throw new IllegalArgumentException(
                    "requestsPerSecond must be greater than 0 but was " + c.getRequestsPerSecond());
        }
        requirePositive("retryDelay", c.getRetryDelay());
        requirePositive("maxThrottleWait", c.getMaxThrottleWait());
        requirePositive("maxRetryWait", c.getMaxRetryWait());
        requirePositive("connectTimeout", c.getConnectTimeout());
        requirePositive("requestTimeout", c.getRequestTimeout());
        requirePositive("healthCheckInterval", c.getHealthCheckInterval());
        requirePositive("healthCheckTimeout", c.getHealthCheckTimeout());
        if (c.getProgressInterval() < 0) {
            throw new IllegalArgumentException("progressInterval must be 0 (off) or a positive duration but was "
                    + c.getProgressInterval() + " ms");
        }
        if (c.getCsvDelimiter() != null) {
            CsvDelimiter.parse(c.getCsvDelimiter());
        }
        if (c.getProxyHost() != null && c.getProxyPort() == null) {
            throw new IllegalArgumentException(
                    "proxyPort is required when proxyHost is set (proxyHost=" + c.getProxyHost() + ")");
        }
    }

    /** A secret sent in a header must be printable ASCII; the message names the option, never the value. */
    private static void requireHeaderSafe(String option, String secret) {
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(option + " contains a control or non-ASCII character at position "
                        + (i + 1) + " of " + secret.length()
                        + " (e.g. a trailing newline read from a file or an environment "
                        + "variable): remove it; the value is not shown");
            }
        }
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    option + " must be between " + min + " and " + max + " but was " + value);
        }
    }

    private static void requirePositive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + " must be a positive duration but was " + millis + " ms");
        }
    }
}
