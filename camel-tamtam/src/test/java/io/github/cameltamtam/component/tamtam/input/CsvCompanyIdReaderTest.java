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

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV text to IDs: header detection, column choice, lists on one line, and the inputs refused before sending. */
class CsvCompanyIdReaderTest {

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("one ID per line", "2045\n1035\n", List.of("2045", "1035")),
                Arguments.of("one line listing IDs", "2045, 1035 ,1441", List.of("2045", "1035", "1441")),
                Arguments.of("header naming the LinkedIn column", "Name,LinkedIn Company ID\nAcme,2045\nBeta,1035\n",
                        List.of("2045", "1035")),
                Arguments.of("Salesforce custom field header",
                        "Id,Name,LinkedIn_Company_ID__c\n0015g00000XyZabAAB,Acme,2045\n",
                        List.of("2045")),
                Arguments.of("generic id with a column of URLs",
                        "id,name,website\n1,Acme,https://www.linkedin.com/company/2045\n",
                        List.of("2045")),
                Arguments.of("semicolons, quotes and CRLF",
                        "Name;LinkedIn ID\r\n\"Acme; Inc\";2045\r\n\r\nBeta;1035\r\n",
                        List.of("2045", "1035")),
                Arguments.of("Excel sep= line", "sep=;\nName;LinkedIn ID\nAcme;2045\n", List.of("2045")),
                Arguments.of("URNs in a header column", "LinkedIn ID\nurn:li:organization:2045\nurn:li:company:2045\n",
                        List.of("2045")),
                Arguments.of("header only", "company_linkedin_id,name\n", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("readable")
    void idsAreRead(String what, String csv, List<String> ids) throws Exception {
        assertEquals(ids, read(csv).ids());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("several columns without header", "250,10115,2045\n12,80331,1035\n", "line 1"),
                Arguments.of("two LinkedIn columns",
                        "LinkedIn ID,LinkedIn URL\n2045,https://www.linkedin.com/company/2045\n",
                        "'LinkedIn ID' and 'LinkedIn URL'"),
                Arguments.of("unclosed quote", "LinkedIn ID\n\"2045\n1035\n", "never closed"),
                Arguments.of("a table row after IDs", "2045\n12,80331,1035\n", "line 2"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void inputThatCannotBeReadWithoutGuessingFailsEvenWhenSkipping(String what, String csv, String part) {
        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class, () -> read(csv));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void anUnknownOneColumnHeaderIsSkippedAsInvalidWithAHint() throws Exception {
        CompanyLinkedinIds ids = read("Org Number\n2045\n");
        assertEquals(List.of("2045"), ids.ids());
        assertEquals("line 1", ids.invalid().get(0).location());
        assertTrue(ids.invalid().get(0).reason().contains("csvColumn=Org Number"), ids.invalid().get(0).reason());
    }

    @Test
    void theDelimiterOptionWinsOverDetection() throws Exception {
        CompanyIdCollector collector = new CompanyIdCollector(false);
        new CsvCompanyIdReader(new IdColumnSelector(null), ';')
                .read(new BufferedReader(new StringReader("LinkedIn ID;Name, Inc\n2045;Acme, Inc\n")), collector);
        assertEquals(List.of("2045"), collector.result().ids());
    }

    private static CompanyLinkedinIds read(String csv) throws Exception {
        CompanyIdCollector collector = new CompanyIdCollector(true);
        new CsvCompanyIdReader(new IdColumnSelector(null), null).read(new BufferedReader(new StringReader(csv)),
                collector);
        return collector.result();
    }
}
