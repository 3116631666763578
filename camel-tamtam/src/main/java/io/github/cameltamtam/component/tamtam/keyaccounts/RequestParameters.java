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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.TamtamConfiguration;
import io.github.cameltamtam.component.tamtam.TamtamConstants;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import io.github.cameltamtam.component.tamtam.input.EmailAddress;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import org.apache.camel.Message;

/**
 * The user email, tags and tier of one exchange, resolved in this order: a request object in the body
 * ({@link KeyAccountsRequest} or a {@code Map} with the API's field names), then the {@code CamelTamtamUserEmail},
 * {@code CamelTamtamTags} and {@code CamelTamtamTierLevel} headers, then the endpoint options. Each is validated, naming where
 * the offending value came from.
 *
 * @param userEmail the user whose Key Accounts receive the companies
 * @param tags      tags to apply, or null for none
 * @param tierLevel tier 1..3, or null for the API default
 */
public record RequestParameters(String userEmail, List<String> tags, Integer tierLevel) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request object found in the body: the IDs (any supported form) and the fields it sets. */
    public record RequestObject(Object companyLinkedinIds, Object userEmail, Object tags, Object tierLevel) {

        /** The request object of the body, or null when the body is not one. */
        public static RequestObject of(Object body) {
            if (body instanceof KeyAccountsRequest request) {
                return new RequestObject(request.getCompanyLinkedinIds(), request.getUserEmail(), request.getTags(),
                        request.getTierLevel());
            }
            if (body instanceof Map<?, ?> map && map.containsKey("company_linkedin_ids")) {
                return new RequestObject(map.get("company_linkedin_ids"), map.get("user_email"), map.get("tags"),
                        map.get("tier_level"));
            }
            return null;
        }
    }

    /**
     * Resolves and validates the parameters of one exchange.
     *
     * @throws TamtamInvalidInputException naming the field, the value and where it came from
     */
    public static RequestParameters resolve(RequestObject request, Message message, TamtamConfiguration configuration) {
        String email;
        String emailSource;
        if (request != null && request.userEmail() != null) {
            email = String.valueOf(request.userEmail());
            emailSource = "user_email in the body";
        } else if (message.getHeader(TamtamConstants.USER_EMAIL) != null) {
            email = String.valueOf(message.getHeader(TamtamConstants.USER_EMAIL));
            emailSource = "header " + TamtamConstants.USER_EMAIL;
        } else {
            email = configuration.getUserEmail();
            emailSource = "option userEmail";
        }
        if (email != null && email.isBlank() && !"option userEmail".equals(emailSource)) {
            throw new TamtamInvalidInputException("user_email", email, emailSource, "the user email is blank");
        }
        if (email == null || email.isBlank()) {
            throw new TamtamInvalidInputException("user_email", null, null,
                    "a user email is required: set the userEmail option, the " + TamtamConstants.USER_EMAIL
                            + " header or user_email in a request object");
        }
        checkEmail(email.strip(), emailSource);

        List<String> tags;
        if (request != null && request.tags() != null) {
            tags = tags(request.tags(), "tags in the body");
        } else if (message.getHeader(TamtamConstants.TAGS) != null) {
            tags = tags(message.getHeader(TamtamConstants.TAGS), "header " + TamtamConstants.TAGS);
        } else {
            tags = configuration.getTags() == null ? null : tags(configuration.getTags(), "option tags");
        }

        if (tags != null && tags.isEmpty() && (request == null || request.tags() == null)) {
            tags = null; // an empty header or option sends no tags; only a request object may clear them with []
        }

        Integer tier;
        if (request != null && request.tierLevel() != null) {
            tier = tier(request.tierLevel(), "tier_level in the body");
        } else if (message.getHeader(TamtamConstants.TIER_LEVEL) != null) {
            tier = tier(message.getHeader(TamtamConstants.TIER_LEVEL), "header " + TamtamConstants.TIER_LEVEL);
        } else {
            tier = configuration.getTierLevel();
        }
        return new RequestParameters(email.strip(), tags, tier);
    }

    /** @throws TamtamInvalidInputException when the email is not well-formed */
    private static void checkEmail(String email, String source) {
        if (!EmailAddress.isWellFormed(email)) {
            throw new TamtamInvalidInputException("user_email", email, source, "not a well-formed email address");
        }
    }

    /** @throws TamtamInvalidInputException when the tier is not 1, 2 or 3 */
    private static void checkTierLevel(int tier, String source) {
        if (tier < 1 || tier > 3) {
            throw new TamtamInvalidInputException("tier_level", String.valueOf(tier), source, "must be 1, 2 or 3");
        }
    }

    private static Integer tier(Object value, String source) {
        int tier;
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            tier = number.intValue();
        } else {
            try {
                tier = Integer.parseInt(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw new TamtamInvalidInputException("tier_level", String.valueOf(value), source, "must be 1, 2 or 3");
            }
        }
        checkTierLevel(tier, source);
        return tier;
    }

    private static List<String> tags(Object value, String source) {
        List<String> tags = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            for (Object tag : collection) {
                if (tag != null && !String.valueOf(tag).isBlank()) {
                    tags.add(String.valueOf(tag).strip());
                }
            }
        } else if (value instanceof String[] array) {
            return tags(List.of(array), source);
        } else if (value instanceof CharSequence text && isJsonArray(text.toString())) {
            List<?> parsed;
            try {
                parsed = JSON.readValue(text.toString(), List.class);
            } catch (JsonProcessingException e) {
                throw new TamtamInvalidInputException("tags", text.toString(), source,
                        "looks like a JSON array but is not valid JSON (" + e.getOriginalMessage() + ")");
            }
            for (Object tag : parsed) {
                if (tag instanceof Collection<?> || tag instanceof Map<?, ?>) {
                    throw new TamtamInvalidInputException("tags", text.toString(), source,
                            "a JSON array of tags holds strings only");
                }
            }
            return tags(parsed, source);
        } else if (value instanceof CharSequence text) {
            for (String tag : text.toString().split(",", -1)) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        } else {
            throw new TamtamInvalidInputException("tags", String.valueOf(value), source,
                    "tags must be a List of String, comma-separated text or a JSON array text");
        }
        return tags;
    }

    /** JSON array text: {@code ["a", "b"]} or {@code []}; a bracketed tag like {@code [EMEA]} stays a tag. */
    private static boolean isJsonArray(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("[")) {
            return false;
        }
        String inside = trimmed.substring(1).stripLeading();
        return inside.startsWith("\"") || inside.startsWith("]");
    }
}
