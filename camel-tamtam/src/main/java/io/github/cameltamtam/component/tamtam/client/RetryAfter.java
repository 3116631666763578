package io.github.cameltamtam.component.tamtam.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: delay-seconds or an HTTP date. A negative number of seconds is not a valid
 * header: it is taken as absent (the client backs off), never as "retry now".
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the header asks for, or empty when absent or unreadable. */
    static Optional<Duration> parse(Optional<String> header) {
        return parse(header, Clock.systemUTC());
    }

    /** The wait the header asks for, an HTTP date counted from {@code clock}'s now; empty when absent or unreadable. */
    static Optional<Duration> parse(Optional<String> header, Clock clock) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(clock.withZone(at.getZone())), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notDate) {
                return Optional.empty();
            }
        }
    }
}
