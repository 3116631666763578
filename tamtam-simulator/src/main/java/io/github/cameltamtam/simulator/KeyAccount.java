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
