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

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The csvDelimiter option's spellings, and the delimiter detected from the first rows of real exports. */
class CsvDelimiterTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ","   | ,
            ;     | ;
            \\t   | TAB
            tab   | TAB
            TAB   | TAB
            """)
    void optionSpellingsAreParsed(String option, String expected) {
        char delimiter = expected.equals("TAB") ? '\t' : expected.charAt(0);
        assertEquals(delimiter, CsvDelimiter.parse(option));
    }

    @Test
    void aRealTabCharacterIsATab() {
        assertEquals('\t', CsvDelimiter.parse("\t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"|", "", " ", "comma", ",;"})
    void otherOptionValuesAreRefusedNamingTheValue(String option) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvDelimiter.parse(option));
        assertTrue(e.getMessage().contains("csvDelimiter") && e.getMessage().contains("'" + option + "'"),
                e.getMessage());
    }

    @Test
    void nullIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvDelimiter.parse(null));
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("Google Sheets CSV", "Company,LinkedIn Company ID\nAcme,2045\nBeta,1035\n", ','),
                Arguments.of("German Excel CSV", "Firma;LinkedIn Company ID;Umsatz\nAcme;2045;1,5\nBeta;1035;2,25\n",
                        ';'),
                Arguments.of("tab export with commas in cells",
                        "Company, Inc\tLinkedIn ID\nAcme, Inc\t2045\nBeta\t1035\n",
                        '\t'),
                Arguments.of("quoted delimiters are not counted", "\"a;b\",LinkedIn ID\n\"c;d\",2045\n", ','),
                Arguments.of("one line of IDs", "2045;1035;1441", ';'),
                Arguments.of("one ID per line", "2045\n1035\n1441\n", ','),
                Arguments.of("empty", "", ','),
                Arguments.of("a stray comma in one row", "a;b\nc;d,e\nf;g\n", ';'),
                Arguments.of("CRLF line ends", "Company;LinkedIn ID\r\nAcme;2045\r\n", ';'));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("samples")
    void delimiterIsDetectedFromTheFirstRows(String what, String sample, char expected) {
        assertEquals(expected, CsvDelimiter.detect(sample));
    }
}
