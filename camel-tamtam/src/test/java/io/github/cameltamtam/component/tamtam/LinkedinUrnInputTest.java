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

import java.util.List;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * LinkedIn's own spelling of company references — URNs from its APIs, Sales Navigator and web-app exports — through
 * {@code direct:} routes: read as the numeric ID, de-duplicated with plain IDs and URLs; a person or other URN is
 * invalid, named in the error, and nothing is sent.
 */
class LinkedinUrnInputTest extends TamtamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return addAndSkipRoutes();
    }

    @Test
    void everyCompanyUrnSpellingIsSentAsItsNumber() {
        List<String> urns =
                List.of("urn:li:organization:2045", "urn:li:company:1035", "urn:li:fs_normalized_company:1441",
                        "urn:li:fsd_company:3185", "urn:li:fs_company:1586", "urn:li:fs_salesCompany:2654");

        Exchange out = requestTo("direct:add", urns);

        assertReceived(out, List.of("2045", "1035", "1441", "3185", "1586", "2654"));
    }

    @Test
    void urnsUrlsAndPlainIdsOfOneCompanyAreSentOnce() {
        String text = "urn:li:organization:2045\n2045\nhttps://www.linkedin.com/company/2045/\nurn:li:company:002045\n"
                + "urn:li:fsd_company:1035\n1035\n";

        Exchange out = requestTo("direct:add", text);

        assertReceived(out, List.of("2045", "1035"));
    }

    @Test
    void aCsvColumnOfUrnsIsChosenOverTheRowId() {
        String csv = "id,name,entityUrn\n"
                + "1,Acme,urn:li:fsd_company:2045\n"
                + "2,Beta,urn:li:fsd_company:1035\n";

        assertReceived(requestTo("direct:add", csv), List.of("2045", "1035"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:li:person:ACoAAB1cD2eF3gH", "urn:li:member:123456", "urn:li:organizationBrand:2045",
            "urn:li:organization:acme"})
    void aUrnThatIsNoCompanyIdFailsNamedBeforeAnythingIsSent(String urn) {
        Exchange out = requestTo("direct:add", List.of("urn:li:organization:2045", urn));

        assertInvalidInput(out, "'" + urn + "'", "index 1");
    }

    @Test
    void aPersonUrnIsSkippedAndReportedWhenSkippingInvalidIds() {
        Exchange out = requestTo("direct:skip", List.of("urn:li:organization:2045", "urn:li:person:ACoAAB1", "1035"));

        assertNull(out.getException());
        assertEquals(List.of("2045", "1035"), receivedIds());
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(List.of("2045", "1035"), result.getNewlyAddedCompanyLinkedinIds());
        InvalidCompanyLinkedinId invalid = result.getInvalidCompanyLinkedinIds().get(0);
        assertEquals(List.of("urn:li:person:ACoAAB1", "index 1"), List.of(invalid.value(), invalid.location()));
        assertEquals(List.of("urn:li:person:ACoAAB1"),
                out.getMessage().getHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS));
    }
}
