package io.github.cameltamtam.component.tamtam.input;

import java.util.regex.Pattern;

/**
 * The well-formed-email rule, in one place for the {@code userEmail} option and for the user email of each exchange:
 * something@domain.tld, no spaces, one {@code @}.
 */
public final class EmailAddress {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddress() {
    }

    /** Whether the text looks like an email address (something@domain.tld, no spaces). */
    public static boolean isWellFormed(String email) {
        return email != null && EMAIL.matcher(email).matches();
    }
}
