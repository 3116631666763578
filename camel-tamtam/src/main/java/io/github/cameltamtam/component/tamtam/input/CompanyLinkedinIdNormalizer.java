package io.github.cameltamtam.component.tamtam.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one input value into a LinkedIn numeric company ID: trims it, and takes the number out of a LinkedIn company
 * URL ({@code https://www.linkedin.com/company/2045/} becomes {@code 2045}).
 */
public final class CompanyLinkedinIdNormalizer {

    /** Longest ID accepted; LinkedIn company IDs are far shorter. */
    static final int MAX_DIGITS = 19;

    private static final Pattern LINKEDIN_URL = Pattern.compile(
            "^(?:https?://)?(?:[a-z0-9-]+\\.)?linkedin\\.com/company/([^/?#\\s]+)/?(?:[/?#].*)?$",
            Pattern.CASE_INSENSITIVE);

    private CompanyLinkedinIdNormalizer() {
    }

    /**
     * @return the numeric ID, or null when the value is not one (see {@link #whyInvalid(String)})
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = strip(raw);
        Matcher url = LINKEDIN_URL.matcher(value);
        if (url.matches()) {
            value = url.group(1);
        }
        return isNumericId(value) ? value : null;
    }

    /** Why {@link #normalize(String)} returned null for this value. */
    public static String whyInvalid(String raw) {
        if (raw == null) {
            return "a company ID is required here but the value is null";
        }
        String value = strip(raw);
        if (value.isEmpty()) {
            return "a company ID is required here but the value is empty";
        }
        Matcher url = LINKEDIN_URL.matcher(value);
        if (url.matches()) {
            return "this LinkedIn URL has no numeric company ID (resolve the company's ID first, e.g. with TamTam's company search)";
        }
        if (value.chars().allMatch(Character::isDigit) && value.length() > MAX_DIGITS) {
            return "a LinkedIn company ID has at most " + MAX_DIGITS + " digits";
        }
        return "a LinkedIn company ID is a number (or a linkedin.com/company/<number> URL)";
    }

    private static String strip(String raw) {
        String value = raw.strip();
        if (!value.isEmpty() && value.charAt(0) == '\uFEFF') {
            value = value.substring(1).strip();
        }
        return value;
    }

    private static boolean isNumericId(String value) {
        int n = value.length();
        if (n == 0 || n > MAX_DIGITS) {
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
