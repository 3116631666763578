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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which column holds the LinkedIn company IDs, in the exports people really have (Excel, Google Sheets, Salesforce
 * reports) and in camel-sql rows: never guessed, never several columns sent. Through {@code direct:} routes, with and
 * without {@code skipInvalidIds}, asserting what the simulator received (nothing, when the input is ambiguous).
 */
class ColumnSelectionTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return addAndSkipRoutes().route("direct:column", "tamtam:keyAccounts?csvColumn=LinkedIn Company ID");
    }

    // ---------------------------------------------------------------- no recognised header

    @Test
    void unrecognisedHeaderWithSeveralColumnsFailsBeforeSendingEvenWhenSkippingInvalidIds() {
        String csv = "Account Name,Employees,Zip,LI Page\n"
                + "Acme,250,10115,2045\n"
                + "Beta,12,80331,1035\n";

        Exchange out = requestTo("direct:skip", csv);

        assertFailed(out, "line 1", "csvColumn");
    }

    @Test
    void rowsOfNumbersInSeveralColumnsWithoutHeaderFailEvenWhenSkippingInvalidIds() {
        Exchange out = requestTo("direct:skip", "250,10115,2045\n12,80331,1035\n");

        assertFailed(out, "line 1", "several columns", "csvColumn");
    }

    @Test
    void aMultiColumnRowAfterOneIdPerLineFails() {
        Exchange out = requestTo("direct:skip", "2045\n12,80331,1035\n");

        assertFailed(out, "line 2", "csvColumn");
    }

    @Test
    void oneLineListingIdsIsStillAList() {
        Exchange out = requestTo("direct:add", "2045, 1035 ,1441");

        assertReceived(out, List.of("2045", "1035", "1441"));
    }

    @Test
    void oneColumnFileWithAnUnknownHeaderHintsAtCsvColumn() {
        Exchange out = requestTo("direct:add", "Org Number\n2045\n1035\n");

        assertFailed(out, "'Org Number'", "line 1", "csvColumn=Org Number");
    }

    // ---------------------------------------------------------------- header names people write

    @ParameterizedTest
    @ValueSource(strings = {
            "LinkedIn Company ID", "Company LinkedIn ID", "linkedin_url", "LinkedIn URL", "Company ID",
            "company-linkedin-id", "  LINKEDIN   COMPANY_ID "})
    void headerNamesPeopleWriteAreRecognised(String column) {
        String csv = "Account Name,Employees,Zip," + column + "\n"
                + "Acme,250,10115,2045\n"
                + "Beta,12,80331,https://www.linkedin.com/company/1035/\n";

        Exchange out = requestTo("direct:skip", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    // ---------------------------------------------------------------- LinkedIn column over generic id

    @ParameterizedTest
    @ValueSource(strings = {"id,company_name,LinkedIn Company ID", "id,name,linkedin_url",
            "company_id,name,LinkedIn ID"})
    void linkedinColumnWinsOverAGenericIdColumn(String header) {
        String csv = header + "\n"
                + "1,Acme,2045\n"
                + "2,Beta,https://www.linkedin.com/company/1035\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void columnHoldingLinkedinUrlsWinsOverAGenericIdColumn() {
        String csv = "id,name,website\n"
                + "1,Acme,https://www.linkedin.com/company/2045/\n"
                + "2,Beta,https://www.linkedin.com/company/1035/\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void twoLinkedinColumnsFailAsAmbiguousNamingBoth() {
        String csv = "LinkedIn Company ID,Name,LinkedIn URL\n2045,Acme,https://www.linkedin.com/company/2045\n";

        Exchange out = requestTo("direct:skip", csv);

        assertFailed(out, "'LinkedIn Company ID'", "'LinkedIn URL'", "csvColumn");
    }

    @Test
    void idAndCompanyIdColumnsFailAsAmbiguousNamingBoth() {
        Exchange out = requestTo("direct:skip", "id,company_id,name\n1,2045,Acme\n");

        assertFailed(out, "'id'", "'company_id'", "csvColumn");
    }

    @Test
    void csvColumnResolvesTheAmbiguityAndMatchesLoosely() {
        String csv = "linkedin_company_id,Name,LinkedIn URL\n2045,Acme,https://www.linkedin.com/company/9999\n";

        Exchange out = requestTo("direct:column", csv);

        assertReceived(out, List.of("2045"));
    }

    // ---------------------------------------------------------------- Map rows (camel-sql, Salesforce)

    @Test
    void sqlRowsReadTheLinkedinColumnNotTheRowId() {
        List<Map<String, Object>> rows = List.of(
                row("ID", 1L, "COMPANY_NAME", "Acme", "LINKEDIN_URL", "https://www.linkedin.com/company/2045"),
                row("ID", 2L, "COMPANY_NAME", "Beta", "LINKEDIN_URL", "https://www.linkedin.com/company/1035"));

        Exchange out = requestTo("direct:add", rows);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void sqlRowsPreferALinkedinNamedColumnOverCompanyId() {
        List<Map<String, Object>> rows = List.of(
                row("company_id", 7L, "LinkedIn Company ID", 2045L),
                row("company_id", 8L, "LinkedIn Company ID", "1035"));

        Exchange out = requestTo("direct:add", rows);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void aSingleSqlRowUsesTheSameRules() {
        Exchange out = requestTo("direct:add", row("id", 17L, "name", "Acme", "linkedin_id", 2045L));

        assertReceived(out, List.of("2045"));
    }

    @Test
    void sqlRowWithIdAndCompanyIdFailsAsAmbiguous() {
        Exchange out = requestTo("direct:skip", List.of(row("ID", 1L, "COMPANY_ID", 2045L)));

        assertFailed(out, "'ID'", "'COMPANY_ID'", "csvColumn");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private void assertFailed(Exchange out, String... parts) {
        assertInvalidInput(out, parts);
    }
}
