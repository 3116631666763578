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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import io.github.cameltamtam.component.tamtam.model.InvalidCompanyLinkedinId;
import io.github.cameltamtam.component.tamtam.model.KeyAccountsResult;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big CSV files through one exchange: 100 000 rows with several extra columns as a {@code File}, an
 * {@code InputStream} and a {@code file:} consumer's {@code GenericFile}; invalid rows skipped and reported with their
 * line numbers; and a bad ID on the very last line of a large stream, under the default policy, means no request at
 * all. The simulator does not rate-limit and the pacer is opened wide, so only the component's own work is timed by
 * the run.
 */
class LargeInputTest extends TamtamTestSupport {

    private static final int ROWS = 100_000;
    private static final String HEADER = "name,domain,company_linkedin_id,country,employees,industry";

    @TempDir
    Path dir;

    @Override
    protected TamtamSimulator startSimulator() {
        return TamtamSimulator.builder().rateLimit(0).demoCredits(1_000_000).start();
    }

    @Override
    protected void configure(TamtamConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestsPerSecond(100_000);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return addAndSkipRoutes();
    }

    @Test
    void hundredThousandRowFileThroughOneExchange() throws Exception {
        Path csv = dir.resolve("companies.csv");
        List<String> distinct = writeCsv(csv, ROWS, LargeInputTest::idWithDuplicates);
        List<String> preseeded = preseedEveryHundredth(distinct);

        Exchange out = template.request("direct:add", e -> e.getMessage().setBody(csv.toFile()));

        assertAllSent(out, distinct, preseeded);
    }

    @Test
    void hundredThousandRowStreamThroughOneExchange() throws Exception {
        Path csv = dir.resolve("companies.csv");
        List<String> distinct = writeCsv(csv, ROWS, LargeInputTest::idWithDuplicates);
        List<String> preseeded = preseedEveryHundredth(distinct);

        Exchange out;
        try (InputStream in = Files.newInputStream(csv)) {
            out = template.request("direct:add", e -> e.getMessage().setBody(in));
        }

        assertAllSent(out, distinct, preseeded);
    }

    @Test
    void hundredThousandRowFileFromAFileConsumer() throws Exception {
        Path file = dir.resolve("companies.tmp");
        List<String> distinct = writeCsv(file, ROWS, LargeInputTest::idWithDuplicates);
        List<String> preseeded = preseedEveryHundredth(distinct);

        Exchange out = importFile(file, "companies.csv", "");

        assertAllSent(out, distinct, preseeded);
    }

    @Test
    void skipInvalidIdsSendsTheRestAndReportsLineNumbers() throws Exception {
        Path csv = dir.resolve("companies.csv");
        // line 1 is the header, so row r (0-based) is on line r + 2
        Map<Integer, String> bad = Map.of(
                0, "abc",
                4_998, "",
                12_343, "https://www.linkedin.com/company/acme-corp/",
                19_999, "123456789012345678901");
        List<String> distinct = writeCsv(csv, 20_000, r -> bad.getOrDefault(r, String.valueOf(30_000_000 + r)));
        distinct.removeAll(bad.values());

        Exchange out = template.request("direct:skip", e -> e.getMessage().setBody(csv.toFile()));

        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        assertEquals(distinct, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(List.of(
                "abc @ line 2",
                " @ line 5000",
                "https://www.linkedin.com/company/acme-corp/ @ line 12345",
                "123456789012345678901 @ line 20001"),
                result.getInvalidCompanyLinkedinIds().stream().map(i -> i.value() + " @ " + i.location()).toList());
        for (InvalidCompanyLinkedinId invalid : result.getInvalidCompanyLinkedinIds()) {
            assertTrue(invalid.reason() != null && !invalid.reason().isBlank(), invalid::toString);
        }
        assertEquals(List.of("abc", "", "https://www.linkedin.com/company/acme-corp/", "123456789012345678901"),
                out.getMessage().getHeader(TamtamConstants.INVALID_COMPANY_LINKEDIN_IDS));
        assertEquals(distinct.size(), simulator.demoAccount().usedCredits());
    }

    @Test
    void badIdOnTheLastLineOfALargeStreamMeansNothingIsSent() throws Exception {
        Path csv = dir.resolve("companies.csv");
        writeCsv(csv, ROWS, r -> r == ROWS - 1 ? "12x34" : String.valueOf(10_000_000 + r));

        Exchange out;
        try (InputStream in = Files.newInputStream(csv)) {
            out = template.request("direct:add", e -> e.getMessage().setBody(in));
        }

        TamtamInvalidInputException error = assertInstanceOf(TamtamInvalidInputException.class, out.getException());
        assertEquals("12x34", error.getValue());
        assertEquals("line " + (ROWS + 1), error.getLocation());
        assertEquals(0, simulator.stats().total(), "no request at all");
        assertTrue(simulator.requests().isEmpty());
        assertEquals(0, simulator.demoAccount().usedCredits());
    }

    private void assertAllSent(Exchange out, List<String> distinct, List<String> preseeded) {
        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        KeyAccountsResult result = out.getMessage().getBody(KeyAccountsResult.class);
        List<String> added = new ArrayList<>(distinct);
        added.removeAll(Set.copyOf(preseeded));
        assertEquals(added, result.getNewlyAddedCompanyLinkedinIds());
        assertEquals(preseeded, result.getAlreadyInKeyAccountsLinkedinIds());
        assertTrue(result.getIgnoredCompanyLinkedinIds().isEmpty());
        assertTrue(result.getFailedCompanyLinkedinIds().isEmpty());
        assertEquals((distinct.size() + 49) / 50, result.getRequestCount());
        assertEquals(result.getRequestCount(), simulator.requests("POST", "/api/v2/key-accounts").size());
        assertEquals(added.size(), simulator.demoAccount().usedCredits());
    }

    private List<String> preseedEveryHundredth(List<String> distinct) {
        List<String> preseeded = new ArrayList<>();
        for (int i = 42; i < distinct.size(); i += 100) {
            simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, distinct.get(i), null, 1);
            preseeded.add(distinct.get(i));
        }
        return preseeded;
    }

    /** Row r's ID: the last 500 rows repeat earlier IDs. */
    private static String idWithDuplicates(int r) {
        return String.valueOf(10_000_000 + (r < ROWS - 500 ? r : (r - (ROWS - 500)) * 37));
    }

    /**
     * Writes {@code rows} data rows under {@link #HEADER}, row r's ID cell being {@code idOf(r)}, with quoted names
     * holding commas and a free-text industry; returns the distinct IDs in order of first occurrence.
     */
    static List<String> writeCsv(Path file, int rows, IntFunction<String> idOf) throws IOException {
        Set<String> distinct = new LinkedHashSet<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int r = 0; r < rows; r++) {
                String id = idOf.apply(r);
                distinct.add(id);
                out.write("\"Company " + r + ", Inc.\",company" + r + ".example.com," + id + ",DE,"
                        + (r % 5000) + ",\"Software, \"\"B2B\"\" services\"\n");
            }
        }
        return new ArrayList<>(distinct);
    }
}
