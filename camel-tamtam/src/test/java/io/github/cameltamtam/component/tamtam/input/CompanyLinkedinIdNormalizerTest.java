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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One input value to a canonical company ID, or the reason it is none: the spellings found in real exports. */
class CompanyLinkedinIdNormalizerTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2045                                                        | 2045
            002045                                                      | 2045
            '  2045 '                                                   | 2045
            https://www.linkedin.com/company/2045/                      | 2045
            https://www.linkedin.com/company/2045/about/?trk=x          | 2045
            http://de.linkedin.com/company/02045                        | 2045
            linkedin.com/company/2045                                   | 2045
            https://www.linkedin.com/sales/company/2045                 | 2045
            urn:li:organization:2045                                    | 2045
            urn:li:company:2045                                         | 2045
            urn:li:fs_normalized_company:2045                           | 2045
            urn:li:fsd_company:2045                                     | 2045
            urn:li:fs_company:2045                                      | 2045
            urn:li:fs_salesCompany:2045                                 | 2045
            URN:LI:ORGANIZATION:002045                                  | 2045
            urn:li:fs_salescompany:2045                                 | 2045
            9223372036854775807                                         | 9223372036854775807
            """)
    void validSpellingsGiveTheCanonicalId(String raw, String id) {
        assertEquals(id, CompanyLinkedinIdNormalizer.normalize(raw));
    }

    @Test
    void unicodeSpacesAroundAnIdOrUrnAreTrimmed() {
        assertEquals("2045", CompanyLinkedinIdNormalizer.normalize("\u00A0\u200B2045\u202F\uFEFF"));
        assertEquals("2045", CompanyLinkedinIdNormalizer.normalize("\u2007urn:li:organization:2045\u200D"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                                                | 0 is not a LinkedIn company ID
            urn:li:organization:0                            | 0 is not a LinkedIn company ID
            12345678901234567890                             | at most 19 digits
            urn:li:company:12345678901234567890              | at most 19 digits
            urn:li:person:ACoAAB1cD2eF3gH                    | a LinkedIn person URN, not a company
            urn:li:member:123456                             | a LinkedIn member URN, not a company
            urn:li:fsd_profile:ACoAAB1cD2eF3gH               | a LinkedIn fsd_profile URN, not a company
            urn:li:organizationBrand:2045                    | a LinkedIn organizationBrand URN, not a company
            urn:li:school:2045                               | a LinkedIn school URN, not a company
            urn:li:organization:acme                         | this LinkedIn company URN has no numeric company ID
            urn:li:fsd_company:(1,2)                         | this LinkedIn company URN has no numeric company ID
            https://www.linkedin.com/company/acme-corp/      | this LinkedIn URL has no numeric company ID
            '''2045'                                         | a leading apostrophe is a spreadsheet
            1.04924588E8                                     | scientific notation
            '104,924,588'                                    | thousands separators
            acme                                             | a LinkedIn company ID is a number
            https://www.linkedin.com/in/jane-doe             | a LinkedIn company ID is a number
            urn:li:                                          | a LinkedIn company ID is a number
            """)
    void invalidValuesAreNamedWithTheirReason(String raw, String reason) {
        assertNull(CompanyLinkedinIdNormalizer.normalize(raw), raw);
        String why = CompanyLinkedinIdNormalizer.whyInvalid(raw);
        assertTrue(why.contains(reason), () -> "'" + reason + "' missing from: " + why);
    }

    @Test
    void aNonCompanyUrnNamesTheCompanyUrnSpelling() {
        assertTrue(
                CompanyLinkedinIdNormalizer.whyInvalid("urn:li:person:abc").contains("urn:li:organization:<number>"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u00A0\u200B"})
    void missingValuesAreNotIds(String raw) {
        assertNull(CompanyLinkedinIdNormalizer.normalize(raw));
        assertTrue(CompanyLinkedinIdNormalizer.whyInvalid(raw).startsWith("a company ID is required here"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.linkedin.com/company/2045", "linkedin.com/company/acme",
            "urn:li:organization:2045",
            "urn:li:fs_salesCompany:1441", " urn:li:fsd_company:7 "})
    void companyUrlsAndUrnsAreLinkedinReferences(String value) {
        assertTrue(CompanyLinkedinIdNormalizer.isLinkedinCompanyReference(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2045", "https://acme.example", "https://www.linkedin.com/in/jane", "urn:li:person:abc",
            "urn:li:member:12", "0015g00000XyZabAAB"})
    void otherValuesAreNotLinkedinReferences(String value) {
        assertFalse(CompanyLinkedinIdNormalizer.isLinkedinCompanyReference(value));
    }

    @Test
    void blankMeansEmptyAfterUnicodeTrimming() {
        assertTrue(CompanyLinkedinIdNormalizer.isBlank("\u00A0\u2060 "));
        assertFalse(CompanyLinkedinIdNormalizer.isBlank(" 0 "));
        assertEquals("a b", CompanyLinkedinIdNormalizer.trim("\uFEFF a b\u200C"));
    }
}
