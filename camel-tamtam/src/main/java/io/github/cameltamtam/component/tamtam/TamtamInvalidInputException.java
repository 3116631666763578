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

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;

/**
 * Input that cannot be sent: a bad company ID, email, tier or tag, or an unreadable body. Raised before any request
 * is sent; the message names the field, the offending value and where it was (CSV line, list index, header, option).
 */
public class TamtamInvalidInputException extends TamtamException {

    private final String field;
    private final String value;
    private final String location;

    public TamtamInvalidInputException(String field, String value, String location, String reason) {
        super(message(field, value, location, reason));
        this.field = field;
        this.value = value;
        this.location = location;
    }

    private static String message(String field, String value, String location, String reason) {
        StringBuilder sb = new StringBuilder("Invalid ").append(field);
        if (value != null) {
            sb.append(" '").append(value).append('\'');
        } else {
            sb.append(" (no value)");
        }
        if (location != null) {
            sb.append(" at ").append(location);
        }
        sb.append(": ").append(reason).append(". Nothing was sent.");
        return sb.toString();
    }

    /** The field in the API's vocabulary: {@code company_linkedin_ids}, {@code user_email}, {@code tier_level}, {@code tags}. */
    public String getField() {
        return field;
    }

    /** The offending value as found in the input, or null when it was missing. */
    public String getValue() {
        return value;
    }

    /** Where the value was: {@code line 7}, {@code index 3}, {@code header CamelTamtamTierLevel}, {@code option tierLevel}. */
    public String getLocation() {
        return location;
    }

    /** Built with its result: returns itself. */
    @Override
    public TamtamException withResult(KeyAccountsResult result) {
        return this;
    }
}
