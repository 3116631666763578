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
