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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameltamtam.component.tamtam.TamtamInvalidInputException;
import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies to IDs without a route: Salesforce query answers in every form a route may hold them, other JSON objects,
 * LinkedIn URNs beside plain IDs, and CRM rows. The route tests show the same through the simulator.
 */
class CompanyIdsReaderTest {

    /** A REST query answer as Salesforce writes it (API v59.0): two Accounts with the LinkedIn custom field. */
    static final String SALESFORCE_ANSWER = """
            {"totalSize":3,"done":true,"records":[
              {"attributes":{"type":"Account","url":"/services/data/v59.0/sobjects/Account/0015g00000XyZabAAB"},
               "Id":"0015g00000XyZabAAB","Name":"Acme","NumberOfEmployees":250,"LinkedIn_Company_ID__c":"2045"},
              {"attributes":{"type":"Account","url":"/services/data/v59.0/sobjects/Account/0015g00000XyZacAAB"},
               "Id":"0015g00000XyZacAAB","Name":"Beta","NumberOfEmployees":12,
               "LinkedIn_Company_ID__c":"https://www.linkedin.com/company/1035/"},
              {"attributes":{"type":"Account","url":"/services/data/v59.0/sobjects/Account/0015g00000XyZadAAB"},
               "Id":"0015g00000XyZadAAB","Name":"Beta again","NumberOfEmployees":12,
               "LinkedIn_Company_ID__c":"urn:li:organization:1035"}]}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DefaultCamelContext context;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void createContext() {
        context = new DefaultCamelContext();
    }

    @AfterAll
    static void closeContext() throws Exception {
        context.close();
    }

    static Stream<Arguments> salesforceAnswerForms() throws Exception {
        byte[] bytes = SALESFORCE_ANSWER.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("String", SALESFORCE_ANSWER),
                Arguments.of("byte[]", bytes),
                Arguments.of("InputStream", new ByteArrayInputStream(bytes)),
                Arguments.of("Map (camel-jackson unmarshal)", JSON.readValue(SALESFORCE_ANSWER, Map.class)),
                Arguments.of("JsonNode", JSON.readTree(SALESFORCE_ANSWER)),
                Arguments.of("UTF-8 text with a byte order mark",
                        ("\uFEFF" + SALESFORCE_ANSWER).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("salesforceAnswerForms")
    void aSalesforceQueryAnswerIsReadAsItsRecords(String form, Object body) {
        CompanyLinkedinIds ids = read(body, false);

        assertEquals(List.of("2045", "1035"), ids.ids());
        assertEquals(1, ids.duplicates(), "the URN and the URL name the same company");
    }

    @Test
    void aSavedQueryAnswerFileIsRead() throws Exception {
        Path file = Files.writeString(tempDir.resolve("accounts.json"), SALESFORCE_ANSWER);

        assertEquals(List.of("2045", "1035"), read(file, false).ids());
        assertEquals(List.of("2045", "1035"), read(file.toFile(), false).ids());
    }

    @Test
    void anAnswerWhoseRecordsComeFirstIsReadToo() {
        String answer = "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Id\":\"0015g00000XyZabAAB\","
                + "\"LinkedIn_Company_ID__c\":\"2045\"}],\"done\":true,\"totalSize\":1}";

        assertEquals(List.of("2045"), read(answer, false).ids());
    }

    @Test
    void onePageOfALongerAnswerIsReadAsThatPage() {
        String page = "{\"totalSize\":4000,\"done\":false,\"nextRecordsUrl\":\"/services/data/v59.0/query/01g-2000\","
                + "\"records\":[{\"Id\":\"0015g00000XyZabAAB\",\"LID__LinkedIn_Company_Id__c\":\"2045\"}]}";

        assertEquals(List.of("2045"), read(page, false).ids());
    }

    @Test
    void anEmptyAnswerHasNoIds() {
        assertEquals(List.of(), read("{\"totalSize\":0,\"done\":true,\"records\":[]}", false).ids());
    }

    @Test
    void recordsWithoutTheLinkedinFieldFailOnTheSalesforceIdNamingIt() {
        String answer = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Account\"},"
                + "\"Id\":\"0015g00000XyZabAAB\",\"Name\":\"Acme\"}]}";

        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class, () -> read(answer, false));

        assertTrue(e.getMessage().contains("'0015g00000XyZabAAB'") && e.getMessage().contains("records[0]"),
                e.getMessage());
    }

    @Test
    void aRelationshipFieldIsNotLookedInto() {
        String answer = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Contact\"},"
                + "\"Name\":\"Jane\",\"Account\":{\"attributes\":{\"type\":\"Account\"},"
                + "\"LinkedIn_Company_ID__c\":\"2045\"}}]}";

        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class, () -> read(answer, false));

        assertTrue(e.getMessage().contains("records[0]") && e.getMessage().contains("[attributes, Name, Account]")
                && e.getMessage().contains("nested objects and lists are not looked into"), e.getMessage());
    }

    static Stream<Arguments> otherJsonObjects() throws Exception {
        String hubspot = "{\"results\":[{\"id\":\"512\",\"properties\":{\"linkedin_company_page\":"
                + "\"https://www.linkedin.com/company/2045\"}}],\"paging\":{\"next\":{\"after\":\"513\"}}}";
        String dataverse = "{\"@odata.context\":\"https://org.crm.dynamics.com/api/data/v9.2/$metadata#accounts\","
                + "\"value\":[{\"accountid\":\"5f0b2c4e\",\"new_linkedincompanyid\":\"2045\"}]}";
        String row = "{\"LinkedIn Company ID\":\"2045\"}";
        String recordsOnly = "{\"records\":[{\"LinkedIn_Company_ID__c\":\"2045\"}]}";
        return Stream.of(
                Arguments.of("HubSpot search answer", hubspot, "[results, paging]"),
                Arguments.of("Dataverse Web API answer", dataverse, "[@odata.context, value]"),
                Arguments.of("one flat object", row, "[LinkedIn Company ID]"),
                Arguments.of("records without totalSize and done", recordsOnly, "[records]"),
                Arguments.of("HubSpot answer as JsonNode", JSON.readTree(hubspot), "[results, paging]"),
                Arguments.of("HubSpot answer as bytes", hubspot.getBytes(StandardCharsets.UTF_8), "[results, paging]"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("otherJsonObjects")
    void anyOtherJsonObjectFailsNamingItsFields(String what, Object body, String fields) {
        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class, () -> read(body, true));

        assertTrue(e.getMessage().contains("JSON object with the fields " + fields), e.getMessage());
        assertTrue(e.getMessage().contains("jsonpath") && e.getMessage().contains("split"), e.getMessage());
    }

    @Test
    void aRequestObjectAsTextPointsToUnmarshalling() {
        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class,
                () -> read("{\"company_linkedin_ids\":[\"2045\"],\"user_email\":\"demo@example.com\"}", false));

        assertTrue(
                e.getMessage().contains("[company_linkedin_ids, user_email]") && e.getMessage().contains("unmarshal"),
                e.getMessage());
    }

    @Test
    void aTruncatedJsonObjectFailsAsInvalidJson() {
        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class,
                () -> read("{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"1\"", false));

        assertTrue(e.getMessage().contains("not a valid JSON object"), e.getMessage());
    }

    @Test
    void aJsonArrayNodeIsReadElementByElement() throws Exception {
        Object body = JSON
                .readTree("[\"2045\", 1035, {\"linkedin_id\": \"urn:li:company:1441\"}, \"urn:li:organization:2045\"]");

        CompanyLinkedinIds ids = read(body, false);

        assertEquals(List.of("2045", "1035", "1441"), ids.ids());
        assertEquals(1, ids.duplicates());
    }

    @Test
    void urnsAreDeduplicatedWithPlainIdsAndUrls() {
        List<Object> body = List.of("urn:li:organization:2045", "2045", "https://www.linkedin.com/company/2045/",
                "urn:li:fs_normalized_company:1035", 1035L, "urn:li:fsd_company:01035", "urn:li:fs_salesCompany:1441");

        CompanyLinkedinIds ids = read(body, false);

        assertEquals(List.of("2045", "1035", "1441"), ids.ids());
        assertEquals(4, ids.duplicates());
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:li:person:ACoAAB1cD2eF3gH", "urn:li:member:123456", "urn:li:organizationBrand:2045"})
    void aNonCompanyUrnFailsNamedInTheError(String urn) {
        TamtamInvalidInputException e = assertThrows(TamtamInvalidInputException.class,
                () -> read(List.of("2045", urn), false));

        assertTrue(e.getMessage().contains("'" + urn + "'") && e.getMessage().contains("index 1")
                && e.getMessage().contains("not a company"), e.getMessage());
    }

    @Test
    void aNonCompanyUrnIsSkippedAndReportedWhenSkipping() {
        CompanyLinkedinIds ids = read("urn:li:organization:2045\nurn:li:person:ACoAAB1\n1035\n", true);

        assertEquals(List.of("2045", "1035"), ids.ids());
        assertEquals(List.of("urn:li:person:ACoAAB1"),
                ids.invalid().stream().map(InvalidCompanyLinkedinId::value).toList());
        assertEquals("line 2", ids.invalid().get(0).location());
    }

    static Stream<Arguments> crmRows() {
        Function<Object[], Map<String, Object>> row = kv -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                map.put((String) kv[i], kv[i + 1]);
            }
            return map;
        };
        return Stream.of(
                Arguments.of("Salesforce SOQL rows", List.of(
                        row.apply(new Object[] {"attributes", Map.of("type", "Account"), "Id", "0015g00000XyZabAAB",
                                "Name", "Acme", "NumberOfEmployees", 250, "LinkedIn_Company_ID__c", "2045"}),
                        row.apply(new Object[] {"attributes", Map.of("type", "Account"), "Id", "0015g00000XyZacAAB",
                                "Name", "Beta", "NumberOfEmployees", 12, "LinkedIn_Company_ID__c", "1035"}))),
                Arguments.of("Dataverse rows", List.of(
                        row.apply(new Object[] {"@odata.etag", "W/\"1\"", "accountid", "5f0b", "new_linkedincompanyid",
                                "2045"}),
                        row.apply(new Object[] {"@odata.etag", "W/\"2\"", "accountid", "5f0c", "new_linkedincompanyid",
                                "urn:li:organization:1035"}))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("crmRows")
    void crmRowsAreReadByTheirLinkedinField(String what, Object rows) {
        assertEquals(List.of("2045", "1035"), read(rows, false).ids());
    }

    @Test
    void aCsvExportWithASalesforceCustomFieldIsReadByIt() {
        String csv = "Id,Name,NumberOfEmployees,LinkedIn_Company_ID__c\n"
                + "0015g00000XyZabAAB,Acme,250,2045\n"
                + "0015g00000XyZacAAB,Beta,12,urn:li:organization:1035\n";

        assertEquals(List.of("2045", "1035"), read(csv, false).ids());
    }

    @Test
    void aCsvColumnOfCompanyUrnsIsFoundByItsValues() {
        String csv = "id,name,entityUrn\n1,Acme,urn:li:fsd_company:2045\n2,Beta,urn:li:fsd_company:1035\n";

        assertEquals(List.of("2045", "1035"), read(csv, false).ids());
    }

    private static CompanyLinkedinIds read(Object body, boolean skipInvalid) {
        Exchange exchange = new DefaultExchange(context);
        return new CompanyIdsReader(null, null, skipInvalid).read(exchange, body, null);
    }
}
