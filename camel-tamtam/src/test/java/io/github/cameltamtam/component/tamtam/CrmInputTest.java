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
package io.github.cameltamtam.component.tamtam;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CRM systems hand a route — Salesforce SOQL rows and REST query answers, HubSpot, Pipedrive and Dynamics 365
 * exports — through {@code direct:} and {@code file:} routes into {@code tamtam:keyAccounts}, asserting exactly what
 * the simulator received, and that nothing at all is sent when the input cannot be read without guessing.
 */
class CrmInputTest extends TamtamTestSupport {

    /** A Salesforce REST query answer (API v59.0), as camel-http, salesforce:query or a saved file gives it. */
    private static final String QUERY_ANSWER = """
            {"totalSize":3,"done":true,"records":[
              {"attributes":{"type":"Account","url":"/services/data/v59.0/sobjects/Account/0015g00000XyZabAAB"},
               "Id":"0015g00000XyZabAAB","Name":"Acme","NumberOfEmployees":250,"LinkedIn_Company_ID__c":"2045"},
              {"attributes":{"type":"Account","url":"/services/data/v59.0/sobjects/Account/0015g00000XyZacAAB"},
               "Id":"0015g00000XyZacAAB","Name":"Beta","NumberOfEmployees":12,"LinkedIn_Company_ID__c":"1035"},
              {"attributes":{"type":"Account","url":"/services/data/v59.0/sobjects/Account/0015g00000XyZadAAB"},
               "Id":"0015g00000XyZadAAB","Name":"Gamma","NumberOfEmployees":40,
               "LinkedIn_Company_ID__c":"https://www.linkedin.com/company/1441/"}]}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tempDir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return addAndSkipRoutes();
    }

    // ---------------------------------------------------------------- Salesforce rows

    @Test
    void salesforceRowsAreReadByTheLinkedinCustomFieldNotTheRecordId() {
        List<Map<String, Object>> rows = List.of(
                account("0015g00000XyZabAAB", "Acme", 250, "LinkedIn_Company_ID__c", "2045"),
                account("0015g00000XyZacAAB", "Beta", 12, "LinkedIn_Company_ID__c", "1035"));

        Exchange out = requestTo("direct:add", rows);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void theSalesNavigatorPackageFieldIsReadToo() {
        List<Map<String, Object>> rows = List.of(
                account("0015g00000XyZabAAB", "Acme", 250, "LID__LinkedIn_Company_Id__c", "2045"),
                account("0015g00000XyZacAAB", "Beta", 12, "LID__LinkedIn_Company_Id__c", "urn:li:organization:1035"));

        Exchange out = requestTo("direct:add", rows);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void salesforceRowsWithoutALinkedinFieldFailOnTheRecordIdBeforeSending() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attributes", Map.of("type", "Account"));
        row.put("Id", "0015g00000XyZabAAB");
        row.put("Name", "Acme");

        Exchange out = requestTo("direct:add", List.of(row));

        assertInvalidInput(out, "'0015g00000XyZabAAB'", "index 0");
    }

    @Test
    void twoLinkedinFieldsFailAsAmbiguousNamingBothEvenWhenSkipping() {
        Map<String, Object> row = account("0015g00000XyZabAAB", "Acme", 250, "LinkedIn__c", "2045");
        row.put("LID__LinkedIn_Company_Id__c", "2045");

        Exchange out = requestTo("direct:skip", List.of(row));

        assertInvalidInput(out, "'LinkedIn__c'", "'LID__LinkedIn_Company_Id__c'", "csvColumn");
    }

    // ---------------------------------------------------------------- Salesforce query answers

    @Test
    void aQueryAnswerAsTextIsReadAsItsRecords() {
        assertReceived(requestTo("direct:add", QUERY_ANSWER), List.of("2045", "1035", "1441"));
    }

    @Test
    void aQueryAnswerAsBytesIsReadAsItsRecords() {
        assertReceived(requestTo("direct:add", QUERY_ANSWER.getBytes(StandardCharsets.UTF_8)),
                List.of("2045", "1035", "1441"));
    }

    @Test
    void aQueryAnswerAsAStreamIsReadAsItsRecords() {
        Object body = new ByteArrayInputStream(QUERY_ANSWER.getBytes(StandardCharsets.UTF_8));

        assertReceived(requestTo("direct:add", body), List.of("2045", "1035", "1441"));
    }

    @Test
    void aQueryAnswerAsAMapIsReadAsItsRecords() throws Exception {
        assertReceived(requestTo("direct:add", JSON.readValue(QUERY_ANSWER, Map.class)),
                List.of("2045", "1035", "1441"));
    }

    @Test
    void aQueryAnswerAsAJacksonNodeIsReadAsItsRecords() throws Exception {
        assertReceived(requestTo("direct:add", JSON.readTree(QUERY_ANSWER)), List.of("2045", "1035", "1441"));
    }

    @Test
    void aSavedQueryAnswerFileIsImportedByAFileRoute() throws Exception {
        Path file = Files.writeString(tempDir.resolve("accounts.json.tmp"), QUERY_ANSWER);

        Exchange out = importFile(file, "accounts.json", "");

        assertReceived(out, List.of("2045", "1035", "1441"));
    }

    @Test
    void anyOtherJsonObjectFailsNamingItsFieldsBeforeSending() {
        String hubspot = "{\"results\":[{\"id\":\"512\",\"properties\":{\"linkedin_company_page\":"
                + "\"https://www.linkedin.com/company/2045\"}}],\"paging\":{\"next\":{\"after\":\"513\"}}}";

        Exchange out = requestTo("direct:skip", hubspot);

        assertInvalidInput(out, "JSON object with the fields [results, paging]", "jsonpath", "split");
    }

    @Test
    void aNestedRelationshipFieldIsNotGuessed() {
        String contacts = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Contact\"},"
                + "\"Name\":\"Jane\",\"Account\":{\"attributes\":{\"type\":\"Account\"},"
                + "\"LinkedIn_Company_ID__c\":\"2045\"}}]}";

        Exchange out = requestTo("direct:add", contacts);

        assertInvalidInput(out, "records[0]", "[attributes, Name, Account]", "not looked into");
    }

    // ---------------------------------------------------------------- HubSpot, Pipedrive, Dynamics exports

    @Test
    void aHubspotCompanyExportIsReadByItsLinkedinCompanyPage() {
        String csv = "Record ID,Company name,Company Domain Name,LinkedIn Company Page,LinkedIn Bio\n"
                + "9201,Acme,acme.example,https://www.linkedin.com/company/2045,\"We make, things\"\n"
                + "9202,Beta,beta.example,https://www.linkedin.com/company/1035/,\n";

        assertReceived(requestTo("direct:add", csv), List.of("2045", "1035"));
    }

    @Test
    void aPipedriveDealsExportReadsTheOrganizationNotThePerson() {
        String csv = "Deal - ID,Deal - Title,Organization - Name,Organization - LinkedIn profile,Person - Name,"
                + "Person - LinkedIn profile\n"
                + "17,Renewal,Acme,https://www.linkedin.com/company/2045,Jane Doe,https://www.linkedin.com/in/jane\n"
                + "18,Upsell,Beta,https://www.linkedin.com/company/1035,John Roe,https://www.linkedin.com/in/john\n";

        assertReceived(requestTo("direct:add", csv), List.of("2045", "1035"));
    }

    @Test
    void aPipedrivePersonsExportHasNoCompanyColumnAndSendsNothing() {
        String csv = "Person - ID,Person - Name,Person - LinkedIn profile\n"
                + "31,Jane Doe,https://www.linkedin.com/in/jane\n"
                + "32,John Roe,https://www.linkedin.com/in/john\n";

        assertInvalidInput(requestTo("direct:skip", csv), "line 1", "csvColumn");
    }

    @Test
    void dynamicsRowsAreReadByTheirPublisherPrefixedColumn() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("@odata.etag", "W/\"1208542\"");
        first.put("accountid", "5f0b2c4e-7d1a-ee11-9cbd-000d3a4f5e6b");
        first.put("name", "Acme");
        first.put("cr6f3_linkedin", "https://www.linkedin.com/company/2045");
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("cr6f3_linkedin", "urn:li:organization:1035");

        assertReceived(requestTo("direct:add", List.of(first, second)), List.of("2045", "1035"));
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> account(String id, String name, int employees, String field, String linkedin) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attributes", Map.of("type", "Account", "url", "/services/data/v59.0/sobjects/Account/" + id));
        row.put("Id", id);
        row.put("Name", name);
        row.put("NumberOfEmployees", employees);
        row.put(field, linkedin);
        return row;
    }
}
