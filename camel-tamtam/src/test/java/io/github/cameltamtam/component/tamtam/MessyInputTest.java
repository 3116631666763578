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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.cameltamtam.simulator.KeyAccount;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Text as people paste or export it: leading zeros, non-breaking and zero-width spaces, UTF-16 files, Excel's
 * {@code sep=;} line, tab files with commas in the header, unterminated quotes, JSON array text, Sales Navigator URLs
 * and spreadsheet-mangled numbers. Through {@code direct:} and {@code file:} routes, asserting what the simulator
 * received and the exact error when nothing may be sent.
 */
class MessyInputTest extends TamtamTestSupport {

    @TempDir
    Path tempDir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return addAndSkipRoutes();
    }

    // ---------------------------------------------------------------- canonical IDs

    @Test
    void leadingZerosNameTheSameCompanyAndAreSentOnceWithoutThem() {
        Exchange out =
                requestTo("direct:add", "2045\n02045\n002045\n0001441\nhttps://www.linkedin.com/company/0002045/\n");

        assertReceived(out, List.of("2045", "1441"));
    }

    @Test
    void leadingZerosInAListAreNormalisedToo() {
        Exchange out = requestTo("direct:add", List.of("02045", 2045L, "2045"));

        assertReceived(out, List.of("2045"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "000"})
    void zeroIsNotACompanyId(String zero) {
        Exchange out = requestTo("direct:add", List.of("2045", zero));

        assertInvalid(out, "'" + zero + "'", "index 1", "0 is not a LinkedIn company ID");
    }

    @Test
    void nonBreakingAndZeroWidthSpacesAreTrimmed() {
        String csv = "\u00A0LinkedIn\u00A0Company ID\u200B,Name\n"
                + "\u00A02045\u00A0,Acme\n"
                + "\u200B1035\u200B,Beta\n"
                + "\u202F1441\u2060,Gamma\n";

        Exchange out = requestTo("direct:add", csv);

        assertReceived(out, List.of("2045", "1035", "1441"));
    }

    @Test
    void nonBreakingSpacesAroundListElementsAreTrimmed() {
        Exchange out = requestTo("direct:add", List.of("\u00A02045\u00A0", "\uFEFF\u200B1035"));

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void salesNavigatorCompanyUrlsYieldTheirIds() {
        Exchange out = requestTo("direct:add", List.of("https://www.linkedin.com/sales/company/3001",
                "linkedin.com/sales/company/3002/people?x=1"));

        assertReceived(out, List.of("3001", "3002"));
    }

    // ---------------------------------------------------------------- spreadsheet-mangled values

    @Test
    void scientificNotationGetsASpecificHint() {
        Exchange out = requestTo("direct:add", "LinkedIn Company ID,Name\n1.04924588E8,Acme\n");

        assertInvalid(out, "'1.04924588E8'", "line 2", "scientific notation", "format the ID column as text");
    }

    @Test
    void thousandsSeparatorsGetASpecificHint() {
        Exchange out = requestTo("direct:add", "LinkedIn Company ID;Name\n104,924,588;Acme\n");

        assertInvalid(out, "'104,924,588'", "line 2", "thousands separators");
    }

    @Test
    void aLeadingApostropheGetsASpecificHint() {
        Exchange out = requestTo("direct:add", List.of("'2045"));

        assertInvalid(out, "''2045'", "index 0", "apostrophe");
    }

    // ---------------------------------------------------------------- charsets

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16FilesWithAByteOrderMarkAreDetected(String charset) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(
                "\uFEFFLinkedIn Company ID;Name\r\n2045;Zürich AG\r\n1035;Beta\r\n".getBytes(Charset.forName(charset)));

        Exchange out = requestTo("direct:add", bytes.toByteArray());

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void theExchangeCharsetIsHonoured() {
        byte[] utf16 = "company_id,name\n2045,Acme\n1035,Beta\n".getBytes(StandardCharsets.UTF_16LE);

        Exchange out = template.request("direct:add", e -> {
            e.setProperty(Exchange.CHARSET_NAME, "UTF-16LE");
            e.getMessage().setBody(utf16);
        });

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void theCharsetOfAFileEndpointIsHonoured() throws Exception {
        Path file = Files.write(tempDir.resolve("export.tmp"),
                "company_id,name\n2045,Zürich\n1035,Genève\n".getBytes(StandardCharsets.UTF_16BE));

        importFile(file, "export.csv", "charset=UTF-16BE");

        assertEquals(List.of("2045", "1035"), receivedIds());
    }

    // ---------------------------------------------------------------- delimiters

    @Test
    void tabFileWhoseHeaderHoldsACommaIsReadAsTabSeparated() {
        String tsv = "Company, legal name\tLinkedIn Company ID\tEmployees\n"
                + "Acme Inc\t2045\t120\n"
                + "Beta GmbH\t1035\t7\n";

        Exchange out = requestTo("direct:add", tsv);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void excelSepLineSetsTheDelimiterAndKeepsLineNumbers() {
        String csv = "sep=;\r\n"
                + "Name;LinkedIn Company ID;Notes\r\n"
                + "Acme, Inc.;2045;a, b\r\n"
                + "Beta;oops;c\r\n";

        Exchange out = requestTo("direct:add", csv);

        assertInvalid(out, "'oops'", "line 4");
    }

    @Test
    void excelSepLineIsNotAnId() {
        Exchange out = requestTo("direct:add", "sep=,\nName,LinkedIn Company ID\nAcme,2045\n");

        assertReceived(out, List.of("2045"));
    }

    // ---------------------------------------------------------------- CSV and JSON errors, JSON text

    @Test
    void unterminatedQuoteIsReportedAsSuchWithItsLine() {
        Exchange out = requestTo("direct:skip", "company_id,name\n2045,Acme\n1035,\"Beta\n1441,Gamma\n");

        TamtamInvalidInputException e = assertInvalid(out, "quoted field", "never closed", "line 3");
        assertFalse(e.getMessage().contains("JsonParseException"), e.getMessage());
        assertFalse(e.getMessage().contains("Unexpected"), e.getMessage());
    }

    @Test
    void jsonArrayTextBodyIsAList() {
        Exchange out = requestTo("direct:add", " [\"2045\", \"1441\", 1035, \"02045\"] ");

        assertReceived(out, List.of("2045", "1441", "1035"));
    }

    @Test
    void jsonArrayBytesOfRowsAreRowsToo() {
        byte[] json = "[{\"id\": 1, \"linkedin_url\": \"https://www.linkedin.com/company/2045\"}]"
                .getBytes(StandardCharsets.UTF_8);

        Exchange out = requestTo("direct:add", json);

        assertReceived(out, List.of("2045"));
    }

    @Test
    void brokenJsonArrayTextFailsSayingSo() {
        Exchange out = requestTo("direct:add", "[\"2045\", \"1441\"");

        assertInvalid(out, "JSON array");
    }

    @Test
    void tagsHeaderAsJsonArrayTextIsAList() {
        Exchange out = template.request("direct:add", e -> {
            e.getMessage().setHeader(TamtamConstants.TAGS, "[\"strategic\", \"q3, emea\"]");
            e.getMessage().setBody(List.of("2045"));
        });

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccount added = simulator.demoAccount().keyAccounts(TamtamSimulator.DEMO_USER_EMAIL).get("2045");
        assertEquals(List.of("strategic", "q3, emea"), added.tags());
        assertEquals(List.of("strategic", "q3, emea"), out.getMessage().getHeader(TamtamConstants.RESULT_TAGS));
    }

    @Test
    void brokenJsonArrayTagsFailNamingTheHeader() {
        Exchange out = template.request("direct:add", e -> {
            e.getMessage().setHeaders(Map.of(TamtamConstants.TAGS, "[\"strategic\""));
            e.getMessage().setBody(List.of("2045"));
        });

        assertInvalid(out, "tags", "header CamelTamtamTags");
    }

    // ---------------------------------------------------------------- helpers

    private TamtamInvalidInputException assertInvalid(Exchange out, String... parts) {
        return assertInvalidInput(out, parts);
    }
}
