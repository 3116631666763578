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
package io.github.cameltamtam.component.tamtam.input;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one input value into a LinkedIn numeric company ID in canonical form: trims it (Unicode spaces, non-breaking
 * and zero-width spaces included), takes the number out of a LinkedIn company URL
 * ({@code https://www.linkedin.com/company/2045/} or Sales Navigator's {@code linkedin.com/sales/company/2045}) or
 * company URN ({@code urn:li:organization:2045}, see {@link #COMPANY_URN_TYPES}) and drops leading zeros
 * ({@code 002045} is {@code 2045}). {@code 0} is not a company ID; a URN of a person or of anything else is not one
 * either.
 */
public final class CompanyLinkedinIdNormalizer {

    /** Longest ID accepted; LinkedIn company IDs are far shorter. */
    static final int MAX_DIGITS = 19;

    private static final Pattern LINKEDIN_URL = Pattern.compile(
            "^(?:https?://)?(?:[a-z0-9-]+\\.)?linkedin\\.com/(?:sales/)?company/([^/?#\\s]+)/?(?:[/?#].*)?$",
            Pattern.CASE_INSENSITIVE);
    /**
     * The URN types that name a company by its numeric ID: {@code organization} and {@code company} (LinkedIn's APIs;
     * interchangeable, same ID), {@code fs_normalized_company}, {@code fs_company} and {@code fsd_company} (the
     * linkedin.com web app's data, in scraper and browser-extension exports) and {@code fs_salesCompany} (Sales
     * Navigator). Compared case-insensitively.
     */
    static final List<String> COMPANY_URN_TYPES = List.of("organization", "company", "fs_normalized_company",
            "fs_company", "fsd_company", "fs_salesCompany");
    private static final Pattern URN = Pattern.compile("^urn:li:([A-Za-z_]+):(.*)$", Pattern.CASE_INSENSITIVE);
    /** Excel's scientific notation for a long number, e.g. 1.04924588E8. */
    private static final Pattern SCIENTIFIC = Pattern.compile("^[0-9]+(?:[.,][0-9]+)?[eE]\\+?[0-9]+$");
    /** Thousands separators: 104,924,588 or 104.924.588 or 104 924 588. */
    private static final Pattern GROUPED = Pattern.compile("^[0-9]{1,3}(?:([,. '\u00A0\u202F])[0-9]{3})+$");

    private CompanyLinkedinIdNormalizer() {
    }

    /**
     * Returns the canonical numeric ID, or null when the value is not one (see {@link #whyInvalid(String)}).
     *
     * @return the canonical numeric ID, or null when the value is not one (see {@link #whyInvalid(String)})
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = trim(raw);
        Matcher url = LINKEDIN_URL.matcher(value);
        Matcher urn = URN.matcher(value);
        if (url.matches()) {
            value = url.group(1);
        } else if (urn.matches()) {
            if (!isCompanyUrnType(urn.group(1))) {
                return null;
            }
            value = urn.group(2);
        }
        return canonicalId(value);
    }

    /** Whether the value is a LinkedIn company URL or company URN (with or without a numeric ID). */
    public static boolean isLinkedinCompanyReference(String raw) {
        if (raw == null) {
            return false;
        }
        String value = trim(raw);
        Matcher urn = URN.matcher(value);
        return LINKEDIN_URL.matcher(value).matches() || (urn.matches() && isCompanyUrnType(urn.group(1)));
    }

    /** Why {@link #normalize(String)} returned null for this value. */
    public static String whyInvalid(String raw) {
        if (raw == null) {
            return "a company ID is required here but the value is null";
        }
        String value = trim(raw);
        if (value.isEmpty()) {
            return "a company ID is required here but the value is empty";
        }
        Matcher url = LINKEDIN_URL.matcher(value);
        if (url.matches()) {
            if (isDigits(url.group(1))) {
                return whyInvalidDigits(url.group(1));
            }
            return "this LinkedIn URL has no numeric company ID (resolve the company's ID first, e.g. with TamTam's company search)";
        }
        Matcher urn = URN.matcher(value);
        if (urn.matches()) {
            if (!isCompanyUrnType(urn.group(1))) {
                return "this is a LinkedIn " + urn.group(1) + " URN, not a company: a company URN is "
                        + "urn:li:organization:<number> (or urn:li:company:, urn:li:fsd_company:, "
                        + "urn:li:fs_normalized_company:, urn:li:fs_salesCompany:)";
            }
            if (isDigits(urn.group(2))) {
                return whyInvalidDigits(urn.group(2));
            }
            return "this LinkedIn company URN has no numeric company ID";
        }
        if (isDigits(value)) {
            return whyInvalidDigits(value);
        }
        if (value.charAt(0) == '\'' && isDigits(trim(value.substring(1)))) {
            return "a leading apostrophe is a spreadsheet's text marker, not part of the ID: export the column without it";
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            return "this is a number in scientific notation, as a spreadsheet shows long numbers; its last digits may "
                    + "be lost: format the ID column as text (or as a number with 0 decimals) and export again";
        }
        if (GROUPED.matcher(value).matches()) {
            return "this number has thousands separators: format the ID column as text (or as a number without "
                    + "separators) and export again";
        }
        return "a LinkedIn company ID is a number (or a linkedin.com/company/<number> URL)";
    }

    /**
     * Trims Unicode whitespace, non-breaking spaces ({@code U+00A0}, {@code U+2007}, {@code U+202F}) and zero-width
     * characters ({@code U+200B..U+200D}, {@code U+2060}, the BOM {@code U+FEFF}) at both ends.
     */
    public static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isBlankChar(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    /** Whether the text is empty after {@link #trim(String)}. */
    public static boolean isBlank(String raw) {
        return raw == null || trim(raw).isEmpty();
    }

    static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean isCompanyUrnType(String type) {
        for (String known : COMPANY_URN_TYPES) {
            if (known.equalsIgnoreCase(type)) {
                return true;
            }
        }
        return false;
    }

    private static String whyInvalidDigits(String digits) {
        String canonical = stripLeadingZeros(digits);
        if (canonical.equals("0")) {
            return "0 is not a LinkedIn company ID";
        }
        return "a LinkedIn company ID has at most " + MAX_DIGITS + " digits";
    }

    private static String canonicalId(String value) {
        if (!isDigits(value)) {
            return null;
        }
        String canonical = stripLeadingZeros(value);
        if (canonical.length() > MAX_DIGITS || canonical.equals("0")) {
            return null;
        }
        return canonical;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static boolean isDigits(String value) {
        int n = value.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
