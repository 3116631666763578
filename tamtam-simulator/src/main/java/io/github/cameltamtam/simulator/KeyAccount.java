package io.github.cameltamtam.simulator;

import java.util.List;
import java.util.Objects;

/**
 * One company in a user's Key Accounts, as held by the simulator.
 *
 * @param companyLinkedinId the LinkedIn numeric company ID (a string of digits)
 * @param tags              the tags currently applied (never {@code null}; empty when none)
 * @param tierLevel         the priority tier, 1..3
 */
public record KeyAccount(String companyLinkedinId, List<String> tags, int tierLevel) {

    /** Validates and copies the arguments; {@code null} tags become an empty list. */
    public KeyAccount {
        Objects.requireNonNull(companyLinkedinId, "companyLinkedinId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
