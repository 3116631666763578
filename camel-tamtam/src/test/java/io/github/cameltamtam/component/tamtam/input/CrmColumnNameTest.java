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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CRM decorations taken off column names before the column rules read them. */
class CrmColumnNameTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LinkedIn_Company_ID__c               | linkedincompanyid
            LID__LinkedIn_Company_Id__c          | linkedincompanyid
            LID__LINKEDIN_COMPANY_ID__C          | linkedincompanyid
            LinkedIn__c                          | linkedin
            Company_ID__c                        | companyid
            Id                                   | id
            new_linkedin                         | linkedin
            cr6f3_linkedincompanyid              | linkedincompanyid
            uds_linkedincompanyid                | udslinkedincompanyid
            credit_limit                         | creditlimit
            Organization - ID                    | organizationid
            linkedin_company_page                | linkedincompanypage
            """)
    void stemDropsSalesforceAndDataverseDecorations(String name, String stem) {
        assertEquals(stem, CrmColumnName.stem(name));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Organization - LinkedIn profile      | linkedinprofile
            Organisation - LinkedIn              | linkedin
            organization - linkedin_company__c   | linkedincompany
            Deal - LinkedIn                      | deallinkedin
            LinkedIn Company Page                | linkedincompanypage
            """)
    void companyStemAlsoDropsAPipedriveOrganizationPrefix(String name, String stem) {
        assertEquals(stem, CrmColumnName.companyStem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Person - LinkedIn profile", "person - linkedin", "LinkedIn_URL__pc", "LINKEDIN__PC"})
    void personColumnsAreAboutAPerson(String name) {
        assertTrue(CrmColumnName.isAboutAPerson(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Organization - LinkedIn profile", "LinkedIn_Company_ID__c", "Personal LinkedIn",
            "Persons - LinkedIn"})
    void otherColumnsAreNot(String name) {
        assertFalse(CrmColumnName.isAboutAPerson(name));
    }
}
