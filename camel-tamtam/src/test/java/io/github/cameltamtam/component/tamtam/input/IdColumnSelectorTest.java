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

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The column rules on header rows as CRM systems and spreadsheets write them: Salesforce SOQL rows and custom fields
 * (the LinkedIn Sales Navigator package's {@code LID__LinkedIn_Company_Id__c}), HubSpot's
 * {@code linkedin_company_page}, Pipedrive's {@code Organization - } / {@code Person - } export headers, Dynamics 365
 * logical names and Excel exports. One level wins; two at one level fail naming both.
 */
class IdColumnSelectorTest {

    private static final IdColumnSelector RULES = new IdColumnSelector(null);

    static Stream<Arguments> chosenColumns() {
        return Stream.of(
                // Salesforce: SOQL rows carry attributes, the 18-character Id, standard fields and custom fields (__c)
                row("Salesforce SOQL Account", "LinkedIn_Company_ID__c",
                        "attributes", "Id", "Name", "NumberOfEmployees", "LinkedIn_Company_ID__c"),
                row("Salesforce with the Sales Navigator package", "LID__LinkedIn_Company_Id__c",
                        "Id", "Name", "Website", "Industry", "LID__LinkedIn_Company_Id__c"),
                row("Salesforce data in a warehouse (upper case)", "LID__LINKEDIN_COMPANY_ID__C",
                        "ID", "NAME", "NUMBEROFEMPLOYEES", "LID__LINKEDIN_COMPANY_ID__C"),
                row("Salesforce Contact: the member token is a person's", "LID__LinkedIn_Company_Id__c",
                        "Id", "FirstName", "LastName", "LID__LinkedIn_Member_Token__c", "LID__LinkedIn_Company_Id__c"),
                row("Salesforce person account field is a person's", "LinkedIn_Company_ID__c",
                        "Id", "Name", "LinkedIn_URL__pc", "LinkedIn_Company_ID__c"),
                row("Salesforce custom LinkedIn URL field", "LinkedIn__c", "Id", "Name", "LinkedIn__c"),
                row("Salesforce without a LinkedIn field: the generic Id", "Id", "attributes", "Id", "Name"),
                row("Salesforce report export", "LinkedIn Company Id",
                        "Account Name", "Account ID", "Employees", "LinkedIn Company Id"),
                // HubSpot: the default company property, internal name and export label
                row("HubSpot API properties", "linkedin_company_page",
                        "hs_object_id", "name", "domain", "numberofemployees", "linkedin_company_page", "linkedinbio"),
                row("HubSpot export", "LinkedIn Company Page",
                        "Record ID", "Company name", "Company Domain Name", "LinkedIn Company Page", "LinkedIn Bio"),
                // Pipedrive exports name the entity first
                row("Pipedrive organizations export", "Organization - LinkedIn profile",
                        "Organization - ID", "Organization - Name", "Organization - Website",
                        "Organization - LinkedIn profile"),
                row("Pipedrive deals export: the person's profile is not a company", "Organization - LinkedIn profile",
                        "Deal - ID", "Deal - Title", "Organization - Name", "Organization - LinkedIn profile",
                        "Person - Name", "Person - LinkedIn profile"),
                row("Pipedrive custom field named LinkedIn", "Organisation - LinkedIn",
                        "Organisation - Name", "Organisation - LinkedIn"),
                // Dynamics 365 / Dataverse: logical names with a publisher prefix, Excel exports with hidden columns
                row("Dataverse Web API rows", "new_linkedincompanyid",
                        "@odata.etag", "accountid", "name", "numberofemployees", "new_linkedincompanyid"),
                row("Dataverse default publisher prefix", "cr6f3_linkedin", "accountid", "name", "cr6f3_linkedin"),
                row("Dataverse custom publisher prefix", "uds_linkedincompanyid", "accountid", "name",
                        "uds_linkedincompanyid"),
                row("Dynamics Excel export", "LinkedIn Company ID",
                        "(Do Not Modify) Account", "(Do Not Modify) Row Checksum", "Account Name",
                        "LinkedIn Company ID"),
                // spreadsheets and databases
                row("camel-sql row", "LINKEDIN_URL", "ID", "COMPANY_NAME", "LINKEDIN_URL"),
                row("generic company_id", "company_id", "company_id", "name", "website"),
                row("Apollo export", "Company Linkedin Url",
                        "Company", "# Employees", "Website", "Company Linkedin Url", "Facebook Url"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("chosenColumns")
    void theLinkedinColumnIsChosen(String source, String expected, List<String> headers) {
        assertEquals(expected, headers.get(RULES.select(headers, null, "line 1")));
        assertTrue(RULES.namesAnIdColumn(headers));
    }

    static Stream<Arguments> ambiguousHeaders() {
        return Stream.of(
                row("Salesforce: LinkedIn URL field and the package's company ID", "LinkedIn__c",
                        "Id", "Name", "LinkedIn__c", "LID__LinkedIn_Company_Id__c"),
                row("Salesforce: Id and a custom Company ID", "Id", "Id", "Name", "Company_ID__c"),
                row("two LinkedIn columns", "LinkedIn Company ID", "LinkedIn Company ID", "Name", "LinkedIn URL"),
                row("HubSpot page and a custom LinkedIn ID", "linkedin_company_page",
                        "hs_object_id", "linkedin_company_page", "linkedin_company_id"),
                row("Dataverse: company page URL and company ID columns", "uds_linkedinprofilecompanyurl",
                        "accountid", "name", "uds_linkedinprofilecompanyurl", "uds_linkedincompanyid"),
                row("id and company_id", "id", "id", "company_id", "name"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("ambiguousHeaders")
    void twoColumnsAtOneLevelFailNamingBoth(String source, String first, List<String> headers) {
        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class,
                () -> RULES.select(headers, null, "line 1"));
        assertTrue(e.getMessage().contains("'" + first + "' and '"), e.getMessage());
        assertTrue(e.getMessage().contains("csvColumn=" + first), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    static Stream<Arguments> headersWithoutAnIdColumn() {
        return Stream.of(
                row("Pipedrive persons export", null, "Person - ID", "Person - Name", "Person - LinkedIn profile"),
                row("Pipedrive's own organization ID is not a LinkedIn ID", null,
                        "Organization - ID", "Organization - Name", "Organization - Website"),
                row("Salesforce member token only", null, "Name", "LID__LinkedIn_Member_Token__c"),
                row("HubSpot bio and followers", null, "Record ID", "LinkedIn Bio", "LinkedIn Followers"),
                row("Dynamics account id", null, "accountid", "name", "websiteurl"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("headersWithoutAnIdColumn")
    void noColumnIsGuessed(String source, String ignored, List<String> headers) {
        assertEquals(-1, RULES.select(headers, null, "line 1"));
        assertFalse(RULES.namesAnIdColumn(headers));
        assertTrue(RULES.noIdColumnReason(headers).contains(headers.toString()));
    }

    @Test
    void aColumnOfCompanyUrnsWinsOverAGenericId() {
        List<String> headers = List.of("id", "name", "entityUrn");
        assertEquals(2, RULES.select(headers, List.of("17", "Acme", "urn:li:fsd_company:2045"), "index 0"));
    }

    @Test
    void aColumnOfCompanyUrlsWinsOverAGenericId() {
        List<String> headers = List.of("Id", "Name", "Website");
        assertEquals(2,
                RULES.select(headers, List.of("0015g00000XyZabAAB", "Acme", "linkedin.com/company/2045"), "index 0"));
    }

    @Test
    void aColumnOfPersonUrnsIsNotALinkedinCompanyColumn() {
        List<String> headers = List.of("id", "name", "memberUrn");
        assertEquals(0, RULES.select(headers, List.of("2045", "Jane", "urn:li:person:ACoAAB1"), "index 0"));
    }

    @Test
    void csvColumnNamesTheColumnLoosely() {
        IdColumnSelector rules = new IdColumnSelector("  linkedin company id__c ");
        List<String> headers = List.of("Id", "LinkedIn_Company_ID__c", "LinkedIn__c");
        assertEquals(1, rules.select(headers, null, "line 1"));
        assertTrue(rules.namesAnIdColumn(headers));
    }

    @Test
    void csvColumnNamingNoColumnFailsListingThem() {
        IdColumnSelector rules = new IdColumnSelector("LinkedIn ID");
        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class,
                () -> rules.select(List.of("Id", "Name"), null, "line 1"));
        assertTrue(e.getMessage().contains("csvColumn") && e.getMessage().contains("[Id, Name]"), e.getMessage());
    }

    @Test
    void blankCsvColumnMeansNone() {
        assertEquals(null, new IdColumnSelector(" \u00A0").csvColumn());
    }

    @Test
    void namesCompareWithoutCaseSpacesAndSeparators() {
        assertEquals("linkedincompanyid", IdColumnSelector.normalizeName(" LinkedIn_Company-ID. "));
    }

    private static Arguments row(String source, String expected, String... headers) {
        return Arguments.of(source, expected, Arrays.asList(headers));
    }
}
