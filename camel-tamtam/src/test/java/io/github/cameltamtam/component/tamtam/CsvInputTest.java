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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSV and plain-text input of {@code tamtam:keyAccounts}: header detection, column choice, delimiters, quoting, BOM,
 * line endings, LinkedIn URLs, and a real {@code file:} consumer route. Asserts the IDs the simulator received.
 */
class CsvInputTest extends TamtamTestSupport {

    @TempDir
    Path tempDir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return directRoutesWithCamelDefaults()
                .route("direct:add", "tamtam:keyAccounts")
                .route("direct:orgNumber", "tamtam:keyAccounts?csvColumn=Org_Number")
                .route("direct:semicolon", "tamtam:keyAccounts?csvDelimiter=;")
                .route("direct:tab", "tamtam:keyAccounts?csvDelimiter=tab");
    }

    // ---------------------------------------------------------------- header and column

    @ParameterizedTest
    @ValueSource(strings = {
            "company_linkedin_id", "Company_LinkedIn_IDs", "LINKEDIN_ID", "linkedin_company_id", "Company_Id", "ID"})
    void headerRowNamingAKnownIdColumnSelectsOnlyThatColumn(String column) {
        String csv = "name," + column + ",employees,founded\n"
                + "Acme,2045,120,1999\n"
                + "Beta,1035,7,2011\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void preferredKnownColumnWinsWhenSeveralArePresent() {
        String csv = "id,company_linkedin_id,name\n"
                + "1,2045,Acme\n"
                + "2,1035,Beta\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void csvColumnOptionNamesAnotherColumn() {
        String csv = "id,name,org_number\n"
                + "1,Acme,2045\n"
                + "2,Beta,1035\n";

        Exchange out = requestTo("direct:orgNumber", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void oneColumnFileWithoutHeaderHasOneIdPerLine() {
        Exchange out = requestTo("direct:add", "2045\n1035\n1441\n");

        assertReceived(out, List.of("2045", "1035", "1441"));
    }

    @Test
    void oneColumnFileWithHeaderSkipsTheHeader() {
        Exchange out = requestTo("direct:add", "company_linkedin_id\n2045\n1035\n");

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void commaSeparatedLineIsThreeIds() {
        Exchange out = requestTo("direct:add", "1,2,3");

        assertReceived(out, List.of("1", "2", "3"));
    }

    // ---------------------------------------------------------------- delimiters and quoting

    @Test
    void semicolonDelimitedExportIsDetected() {
        String csv = "Name;Company_ID;Employees\n"
                + "Acme, Inc.;2045;120\n"
                + "Beta;1035;7\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void tabDelimitedExportIsDetected() {
        String csv = "Name\tLinkedIn_ID\tEmployees\n"
                + "Acme, Inc.\t2045\t120\n"
                + "Beta\t1035\t7\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void csvDelimiterOptionOverridesDetection() {
        // the first line has more commas than semicolons, so detection alone would pick the comma
        String csv = "company_id;name, legal form, country\n"
                + "2045;Acme, Inc., US\n"
                + "1035;Beta, GmbH, DE\n";

        Exchange out = requestTo("direct:semicolon", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void tabDelimiterOptionIsAccepted() {
        String csv = "company_id\tname\n2045\tAcme; Inc, US\n1035\tBeta\n";

        Exchange out = requestTo("direct:tab", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void quotedFieldsMayContainDelimitersNewlinesAndQuotes() {
        String csv = "company_id,name,notes\n"
                + "2045,\"Acme, Inc.\",\"first line\nsecond line, with comma\"\n"
                + "\"1035\",\"He said \"\"hi\"\"\",plain\n"
                + "1441,Gamma,\"a\r\nb\"\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035", "1441"));
    }

    // ---------------------------------------------------------------- encodings, line endings, blanks

    @Test
    void utf8ByteOrderMarkBeforeTheHeaderIsIgnored() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("company_id,name\n2045,Zürich AG\n1035,Beta\n".getBytes(StandardCharsets.UTF_8));

        Exchange out = requestTo("direct:add", bytes.toByteArray());

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void utf8ByteOrderMarkBeforeAnIdIsIgnored() throws Exception {
        Path file = tempDir.resolve("bom.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("2045\n1035\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        Exchange out = requestTo("direct:add", file.toFile());

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        Exchange out = requestTo("direct:add", "company_id,name\r\n2045,Acme\r\n1035,Beta\r\n");

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void blankLinesAreSkipped() {
        String csv = "\n\ncompany_id,name\n\n2045,Acme\n   \n,\n1035,Beta\n\n\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035"));
    }

    // ---------------------------------------------------------------- values

    @Test
    void linkedinCompanyUrlsYieldTheirNumericIds() {
        String csv = "linkedin_id,name\n"
                + "https://www.linkedin.com/company/2045/,Acme\n"
                + "http://linkedin.com/company/1035,Beta\n"
                + "www.linkedin.com/company/1441/about/,Gamma\n"
                + "https://de.linkedin.com/company/3650502?trk=x,Delta\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035", "1441", "3650502"));
    }

    @Test
    void whitespaceAroundIdsAndHeaderNamesIsTrimmed() {
        String csv = "  Company_ID  , name\n"
                + "  2045  , Acme\n"
                + "\t1035\t, Beta\n"
                + "\" 1441 \", Gamma\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035", "1441"));
    }

    // ---------------------------------------------------------------- file consumer

    @Test
    void fileConsumerRouteReadsExportWithExtraColumns() throws Exception {
        Path file = Files.writeString(tempDir.resolve("export.tmp"),
                "Company Name;Website;Company_LinkedIn_ID;Employees\r\n"
                        + "\"Acme; Inc.\";https://acme.example;2045;120\r\n"
                        + "Beta;https://beta.example;https://www.linkedin.com/company/1035/;7\r\n"
                        + "\r\n"
                        + "Gamma;https://gamma.example;1441;3\r\n");
        NotifyBuilder notify = new NotifyBuilder(context).fromRoute("fileImport").whenCompleted(1).create();

        Exchange out = importFile(file, "export.csv", "");

        assertTrue(notify.matches(10, TimeUnit.SECONDS), "the file was processed");
        assertReceived(out, List.of("2045", "1035", "1441"));
        assertEquals("export.csv", out.getMessage().getHeader(Exchange.FILE_NAME));
    }

    @Test
    void headerOnlyFileGivesEmptyResultAndNoRequest() throws Exception {
        Path file = Files.writeString(tempDir.resolve("header-only.tmp"), "company_linkedin_id,name,website\n");

        Exchange out = importFile(file, "header-only.csv", "");

        assertNull(out.getException());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(0, result.accountedIds());
        assertEquals(List.of(), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(0, result.getRequestCount());
        assertEquals(List.of(), out.getMessage().getHeader(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS));
        assertEquals(false, out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
        assertEquals(0, simulator.requests().size(), "no request is sent for a file without IDs");
    }

    // ---------------------------------------------------------------- helpers

    /** Also: no value was skipped as invalid. */
    @Override
    protected void assertReceived(Exchange out, List<String> ids) {
        super.assertReceived(out, ids);
        assertEquals(List.of(), out.getMessage().getBody(KeyAccountsResult.class).getInvalidCompanyLinkedinIds());
    }
}
