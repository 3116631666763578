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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsRequest;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input that must not be sent: every failure names the offending value and where it was, and the simulator records
 * no request at all. Also the cases that are valid but unusual: duplicates, empty input, skipInvalidIds.
 */
class InputValidationTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return addAndSkipRoutes();
    }

    // ---------------------------------------------------------------- company IDs

    @Test
    void nonNumericIdInListFailsNamingValueAndIndex() {
        Exchange out = send(List.of("2045", "1035", "acme-corp", "1441"), Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "'acme-corp'", "index 2", "Nothing was sent");
        assertEquals("company_linkedin_ids", e.getField());
        assertEquals("acme-corp", e.getValue());
        assertEquals("index 2", e.getLocation());
        assertNothingSent();
    }

    @Test
    void nonNumericIdInCsvFailsNamingLine() {
        Exchange out = send("company_id,name\n2045,Acme\n1035,Beta\nn/a,Gamma\n", Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "'n/a'", "line 4");
        assertEquals("line 4", e.getLocation());
        assertNothingSent();
    }

    @Test
    void csvLineNumbersCountBlankLines() {
        Exchange out = send("\ncompany_id,name\n\n2045,Acme\n\n\nbad,Beta\n", Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertEquals("line 7", e.getLocation());
        assertContains(e.getMessage(), "'bad'", "line 7");
        assertNothingSent();
    }

    @Test
    void csvLineNumbersCountLinesInsideQuotedFields() {
        String csv = "company_id,name\n"
                + "2045,\"Acme\nInc.\"\n"      // lines 2-3
                + "1035,\"Beta\r\nGmbH\r\nDE\"\n" // lines 4-6
                + "bad,Gamma\n";                 // line 7

        Exchange out = send(csv, Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertEquals("line 7", e.getLocation());
        assertNothingSent();
    }

    @Test
    void csvLineNumbersCountCrlfLineEndings() {
        Exchange out = send("company_id\r\n2045\r\n\r\noops\r\n", Map.of());

        assertEquals("line 4", invalidInput(out).getLocation());
        assertNothingSent();
    }

    @Test
    void multiColumnCsvWithoutHeaderFailsWithHeaderRowHint() {
        Exchange out = send("2045,Acme,120\n1035,Beta,7\n", Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "'Acme'", "line 1", "column 2", "header row", "csvColumn");
        assertNothingSent();
    }

    @Test
    void csvColumnNotInHeaderFailsNamingTheColumn() throws Exception {
        context.addRoutes(route("direct:column", "tamtam:keyAccounts?csvColumn=org_number"));

        Exchange out = template.request("direct:column",
                e -> e.getMessage().setBody("company_id,name\n2045,Acme\n"));

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "org_number", "line 1");
        assertNothingSent();
    }

    @Test
    void linkedinUrlWithSlugFailsClearly() {
        Exchange out = send(List.of("2045", "https://www.linkedin.com/company/microsoft/"), Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "https://www.linkedin.com/company/microsoft/", "index 1",
                "no numeric company ID");
        assertNothingSent();
    }

    @Test
    void tooLongNumberFailsNamingTheDigitLimit() {
        Exchange out = send(List.of("12345678901234567890"), Map.of());

        assertContains(invalidInput(out).getMessage(), "'12345678901234567890'", "index 0", "digits");
        assertNothingSent();
    }

    @Test
    void negativeAndFractionalNumbersFail() {
        Exchange negative = send(List.of(2045L, -5L), Map.of());
        assertContains(invalidInput(negative).getMessage(), "'-5'", "index 1");

        Exchange fractional = send(List.of(2045.5d), Map.of());
        assertContains(invalidInput(fractional).getMessage(), "'2045.5'", "index 0");
        assertNothingSent();
    }

    @Test
    void nullElementInListFailsWithClearMessage() {
        Exchange out = send(Arrays.asList("2045", null, "1035"), Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "index 1", "null");
        assertNull(e.getValue());
        assertNothingSent();
    }

    @Test
    @SuppressWarnings("UnnecessaryStringBuilder") // on purpose: an element that is a CharSequence but not a String
    void unsupportedElementTypeFailsNamingTheType() {
        Exchange out = send(List.of("2045", new StringBuilder("1035"), new Object()), Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "index 2", "java.lang.Object");
        assertNothingSent();
    }

    @Test
    void requestObjectIdsFailNamingTheirField() {
        KeyAccountsRequest request = new KeyAccountsRequest(Arrays.asList("2045", "x1"), null, null, null);

        Exchange out = send(request, Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "'x1'", "company_linkedin_ids[1]");
        assertNothingSent();
    }

    @Test
    void rowWithoutIdColumnFailsNamingTheColumnsExpected() {
        Exchange out = send(List.of(Map.of("company_id", 2045L), Map.of("name", "Beta")), Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "index 1", "company_id");
        assertNothingSent();
    }

    @Test
    void singleRowMapWithoutIdColumnFailsNamingTheColumnsExpected() {
        Exchange out = send(Map.of("name", "Acme"), Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "at body", "company_linkedin_id", "company_id");
        assertNothingSent();
    }

    // ---------------------------------------------------------------- email, tier, options

    @Test
    void badEmailOptionFailsEndpointCreationNamingUserEmail() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("tamtam:keyAccounts?userEmail=not-an-email"));

        assertContains(messages(e), "userEmail", "not-an-email");
        assertClear(e);
    }

    @Test
    void csvLineNumbersAreRightInMultiColumnFilesWithAHeader() {
        Exchange out =
                send("company_linkedin_id,owner\n5001,alice\nnot-an-id,bob\n5003,carla\n".getBytes(UTF_8), Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "'not-an-id' at line 3:");
        assertNothingSent();
    }

    @Test
    void nullBodyFailsInsteadOfSilentlySendingNothing() {
        Exchange out = send(null, Map.of());

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "body is null");
        assertNothingSent();
    }

    @Test
    void blankUserEmailHeaderFailsNamingTheHeader() {
        Exchange out = send(List.of("2045"), Map.of(TamtamConstants.USER_EMAIL, "  "));

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "header CamelTamtamUserEmail", "blank");
        assertNothingSent();
    }

    @Test
    void csvColumnMissingFromAHeaderlessOneColumnFileFails() throws Exception {
        context.addRoutes(route("direct:column1", "tamtam:keyAccounts?csvColumn=org_number"));

        Exchange out = template.request("direct:column1", e -> e.getMessage().setBody("2045\n1035\n"));

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "org_number", "line 1");
        assertNothingSent();
    }

    @Test
    void badEmailHeaderFailsExchangeNamingTheHeader() {
        Exchange out = send(List.of("2045"), Map.of(TamtamConstants.USER_EMAIL, "someone at example.com"));

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "'someone at example.com'", "header CamelTamtamUserEmail");
        assertEquals("user_email", e.getField());
        assertNothingSent();
    }

    @Test
    void tierSevenFromHeaderFailsNamingTheHeader() {
        Exchange out = send(List.of("2045"), Map.of(TamtamConstants.TIER_LEVEL, "7"));

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "'7'", "header CamelTamtamTierLevel", "1, 2 or 3");
        assertEquals("tier_level", e.getField());
        assertNothingSent();
    }

    @Test
    void nonNumericTierFromHeaderFailsNamingTheHeader() {
        Exchange out = send(List.of("2045"), Map.of(TamtamConstants.TIER_LEVEL, "high"));

        assertContains(invalidInput(out).getMessage(), "'high'", "header CamelTamtamTierLevel");
        assertNothingSent();
    }

    @Test
    void tierLevelFiveInUriFailsWhenTheEndpointIsCreated() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("tamtam:keyAccounts?tierLevel=5"));

        assertContains(messages(e), "tierLevel", "5");
        assertClear(e);
    }

    @Test
    void batchSizeAboveFiftyFailsWhenTheEndpointIsCreated() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("tamtam:keyAccounts?batchSize=51"));

        assertContains(messages(e), "batchSize", "51");
        assertClear(e);
    }

    @Test
    void plainHttpBaseUrlIsRejectedUnlessLoopback() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("tamtam:keyAccounts?baseUrl=http://example.com/api"));

        assertContains(messages(e), "baseUrl", "https", "http://example.com/api");
        assertClear(e);
        // loopback over plain http is fine (the simulator, tests)
        assertNotNull(context.getEndpoint("tamtam:keyAccounts?baseUrl=http://localhost:9/api"));
        assertNotNull(context.getEndpoint("tamtam:keyAccounts?baseUrl=https://example.com/api"));
    }

    @Test
    void missingUserEmailEverywhereFailsClearly() throws Exception {
        context.getComponent("tamtam", TamtamComponent.class).getConfiguration().setUserEmail(null);
        context.addRoutes(route("direct:noEmail", "tamtam:keyAccounts?tierLevel=2"));

        Exchange out = template.request("direct:noEmail", e -> e.getMessage().setBody(List.of("2045")));

        TamtamInvalidInputException e = invalidInput(out);
        assertContains(e.getMessage(), "user email is required", "userEmail", "CamelTamtamUserEmail", "user_email");
        assertNothingSent();
    }

    // ---------------------------------------------------------------- valid but unusual

    @Test
    void duplicatesAreSentOnceInFirstOccurrenceOrder() {
        Exchange out = send(List.of("3", "1", "3", "2", "https://www.linkedin.com/company/1/", " 2 ", 1L), Map.of());

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("3", "1", "2"), received());
        assertEquals(1, simulator.requests().size());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("3", "1", "2"), result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(1000 - 3, simulator.demoAccount().credits());
    }

    @Test
    void emptyListCompletesWithEmptyResultAndNoRequest() {
        Exchange out = send(List.of(), Map.of());

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertNotNull(result);
        assertEquals(0, result.accountedIds());
        assertEquals(0, result.getRequestCount());
        assertFalse(result.isPaymentRequired());
        for (String header : List.of(TamtamConstants.NEWLY_ADDED_COMPANY_LINKEDIN_IDS,
                TamtamConstants.ALREADY_IN_KEY_ACCOUNTS_LINKEDIN_IDS, TamtamConstants.IGNORED_COMPANY_LINKEDIN_IDS,
                TamtamConstants.UNSENT_COMPANY_LINKEDIN_IDS, TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS,
                TamtamConstants.FAILED_COMPANY_LINKEDIN_IDS)) {
            assertEquals(List.of(), out.getMessage().getHeader(header), header);
        }
        assertEquals(false, out.getMessage().getHeader(TamtamConstants.PAYMENT_REQUIRED));
        assertEquals(0, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertNothingSent();
    }

    @Test
    void skipInvalidIdsSendsValidOnesAndReportsInvalidWithLines() {
        String csv = "company_id,name\n"
                + "2045,Acme\n"
                + "acme,Beta\n"
                + "\n"
                + "1035,Gamma\n"
                + "https://www.linkedin.com/company/microsoft/,Delta\n"
                + "2045,Acme again\n";

        Exchange out = template.request("direct:skip", e -> e.getMessage().setBody(csv));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("2045", "1035"), received());
        assertEquals(List.of("acme", "https://www.linkedin.com/company/microsoft/"),
                out.getMessage().getHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("2045", "1035"), result.getNewlyAddedCompanyLinkedinIds());
        List<InvalidCompanyLinkedinId> invalid = result.getInvalidCompanyLinkedinIds();
        assertEquals(2, invalid.size());
        assertEquals("acme", invalid.get(0).value());
        assertEquals("line 3", invalid.get(0).location());
        assertEquals("https://www.linkedin.com/company/microsoft/", invalid.get(1).value());
        assertEquals("line 6", invalid.get(1).location());
        assertTrue(invalid.get(1).reason().contains("no numeric company ID"), invalid.get(1).reason());
    }

    @Test
    void skipInvalidIdsReportsNullElementsByIndex() {
        Exchange out = template.request("direct:skip",
                e -> e.getMessage().setBody(Arrays.asList(null, "2045", "", "x")));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("2045"), received());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("index 0", "index 2", "index 3"),
                result.getInvalidCompanyLinkedinIds().stream().map(InvalidCompanyLinkedinId::location).toList());
        for (InvalidCompanyLinkedinId i : result.getInvalidCompanyLinkedinIds()) {
            assertNotNull(i.reason());
            assertFalse(i.reason().contains("NullPointer"), i.reason());
        }
    }

    @Test
    void skipInvalidIdsWithOnlyInvalidValuesSendsNothing() {
        Exchange out = template.request("direct:skip", e -> e.getMessage().setBody("abc\ndef\n"));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertEquals(List.of("abc", "def"), out.getMessage().getHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS));
        assertEquals(0, out.getMessage().getHeader(TamtamConstants.REQUEST_COUNT));
        assertNothingSent();
    }

    // ---------------------------------------------------------------- helpers

    private static RouteBuilder route(String from, String to) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(from).to(to);
            }
        };
    }

    private Exchange send(Object body, Map<String, Object> headers) {
        return template.request("direct:add", e -> {
            headers.forEach(e.getMessage()::setHeader);
            e.getMessage().setBody(body);
        });
    }

    private List<String> received() {
        List<String> ids = new ArrayList<>();
        for (RecordedRequest request : simulator.requests("POST", "/api/v2/key-accounts")) {
            ids.addAll(request.companyLinkedinIds());
        }
        return ids;
    }

    private void assertNothingSent() {
        assertEquals(List.of(), simulator.requests(), "the simulator received no request");
    }

    private static TamtamInvalidInputException invalidInput(Exchange out) {
        Exception e = out.getException();
        assertNotNull(e, "the exchange should have failed");
        assertClear(e);
        return assertInstanceOf(TamtamInvalidInputException.class, e);
    }

    /** The message of every throwable in the chain, joined. */
    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    /** No NullPointerException anywhere in the chain, and no message that reads like one. */
    private static void assertClear(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            Throwable c = cause;
            assertFalse(c instanceof NullPointerException, () -> "NullPointerException in the chain: " + t);
            String message = c.getMessage();
            assertNotNull(message, () -> "a throwable without a message in the chain: " + c);
            assertFalse(message.contains("NullPointerException") || message.contains("Cannot invoke")
                    || message.contains("because \""),
                    () -> "NPE-style message: " + message);
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text != null && text.contains(part), () -> "expected '" + part + "' in: " + text);
        }
    }
}
