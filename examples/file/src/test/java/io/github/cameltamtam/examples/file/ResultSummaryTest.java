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
package io.github.cameltamtam.examples.file;

import java.util.List;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultSummaryTest {

    @Test
    void plainResultNamesAddedAlreadyAndIgnored() {
        KeyAccountsResult r = new KeyAccountsResult(List.of("1", "2"), List.of("3"), List.of(), false, null, 1,
                List.of(), List.of(), List.of(), 1);
        assertEquals("a.csv: 2 added, 1 already in Key Accounts, 0 ignored (out of credits)",
                ResultSummary.line("a.csv", r));
    }

    @Test
    void outOfCreditsAddsUnsentCountAndFlag() {
        KeyAccountsResult r = new KeyAccountsResult(List.of("1"), List.of(), List.of("2", "3", "4"), true, null, 1,
                List.of("3", "4"), List.of(), List.of(), 1);
        assertEquals("b.csv: 1 added, 0 already in Key Accounts, 3 ignored (out of credits), 2 unsent, "
                + "PAYMENT REQUIRED: the account ran out of credits", ResultSummary.line("b.csv", r));
    }
}
