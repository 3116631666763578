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
package io.github.cameltamtam.component.tamtam.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the API key (and any other secret given, e.g. the proxy credentials) from text the component builds out of
 * what a server or the JDK said (problem details, answer bodies, exception messages), so an echoed key reaches no log
 * line, exception or header. Each secret is replaced by {@value #MASK} in every spelling it can take in such text: raw,
 * JSON-escaped (with or without {@code \/}) and URL-encoded.
 */
public final class KeyRedactor {

    /** What a key is replaced with. */
    public static final String MASK = "xxxxxx";

    private final List<String> spellings;

    /** @param secrets the API key first, then other secrets; nulls are skipped */
    public KeyRedactor(String... secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                all.add(secret);
                all.add(secret.strip());
                // in JSON (Jackson leaves / as it is; other writers escape it) and URL-encoded (space as + or %20)
                String json = secret.replace("\\", "\\\\").replace("\"", "\\\"");
                all.add(json);
                all.add(json.replace("/", "\\/"));
                String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
                all.add(url);
                all.add(url.replace("+", "%20"));
            }
        }
        all.removeIf(String::isEmpty);
        spellings = new ArrayList<>(all);
        spellings.sort(Comparator.comparingInt(String::length).reversed()); // a longer secret may contain a shorter
    }

    /** {@code text} without the key; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String spelling : spellings) {
            result = result.replace(spelling, MASK);
        }
        return result;
    }
}
