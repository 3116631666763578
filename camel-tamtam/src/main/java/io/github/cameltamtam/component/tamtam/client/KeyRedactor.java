package io.github.cameltamtam.component.tamtam.client;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Removes the API key from text the component builds out of what a server or the JDK said (problem details, answer
 * bodies, exception messages), so an echoed key reaches no log line, exception or header. The key is replaced by
 * {@value #MASK} in its raw and its JSON-escaped spelling.
 */
public final class KeyRedactor {

    /** What a key is replaced with. */
    public static final String MASK = "xxxxxx";

    private final Set<String> spellings = new LinkedHashSet<>();

    public KeyRedactor(String apiKey) {
        if (apiKey != null && !apiKey.isEmpty()) {
            spellings.add(apiKey);
            spellings.add(apiKey.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
            spellings.add(apiKey.strip());
            spellings.removeIf(String::isEmpty);
        }
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
