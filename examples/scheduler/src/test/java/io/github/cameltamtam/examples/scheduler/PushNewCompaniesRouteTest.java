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
package io.github.cameltamtam.examples.scheduler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.simulator.RecordedRequest;
import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example's own {@code application.properties} and {@code routes/push-new-companies.yaml} with Camel Main,
 * as {@link SchedulerExampleApplication} does, against a simulator and an in-memory H2 database, with a fast timer.
 */
class PushNewCompaniesRouteTest {

    private static final String ROUTE_ID = "push-new-companies";

    private TamtamSimulator simulator;
    private JdbcDataSource db;
    private Main main;

    @BeforeEach
    void start(TestInfo test) {
        simulator = TamtamSimulator.start();
        db = SchedulerExampleApplication.dataSource("jdbc:h2:mem:" + test.getTestMethod().orElseThrow().getName()
                + ";DB_CLOSE_DELAY=-1" + SchedulerExampleApplication.H2_INIT);
        main = SchedulerExampleApplication.newMain(db.getURL());
        SchedulerExampleApplication.useSimulator(main, simulator);
        main.addOverrideProperty("tamtam.push.period", "200");
        main.start();
    }

    @AfterEach
    void stop() throws SQLException {
        main.stop();
        simulator.close();
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void pushesEachNewCompanyOnceAndLaterTicksSendNothingNew() throws Exception {
        simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, "1003", List.of(), 1);
        insert("1001", "1002", "1003", "1002"); // 1003 is in Key Accounts already; 1002 is in the table twice

        awaitTicks(2); // at least one whole tick after the insert
        List<RecordedRequest> posts = simulator.requests("POST", "/v2/key-accounts");
        assertEquals(1, posts.size(), "requests: " + posts);
        assertEquals(List.of("1001", "1002", "1003"), posts.get(0).companyLinkedinIds());
        assertEquals(Map.of("1001", "ADDED", "1002", "ADDED", "1003", "ALREADY"), statusById());

        awaitTicks(2); // the following ticks find nothing new and send nothing
        assertEquals(1, simulator.requests("POST", "/v2/key-accounts").size());

        insert("1004", "1005");
        awaitTicks(2);
        posts = simulator.requests("POST", "/v2/key-accounts");
        assertEquals(2, posts.size(), "requests: " + posts);
        assertEquals(List.of("1004", "1005"), posts.get(1).companyLinkedinIds());
        assertEquals(Map.of("1001", "ADDED", "1002", "ADDED", "1003", "ALREADY", "1004", "ADDED", "1005", "ADDED"),
                statusById());
        assertEquals(1000 - 4, simulator.demoAccount().credits(), "one credit per company actually added");
    }

    @Test
    void companiesIgnoredForLackOfCreditsStayUnmarkedAndArePushedOnceCreditsAreBack() throws Exception {
        simulator.demoAccount().setCredits(1);
        insert("2001", "2002", "2003");

        awaitTicks(2);
        Map<String, String> status = statusById();
        assertEquals("ADDED", status.get("2001"));
        assertEquals("NULL", status.get("2002"), "ignored for lack of credits: not marked");
        assertEquals("NULL", status.get("2003"));

        simulator.demoAccount().setCredits(10);
        awaitTicks(2);
        assertEquals(Map.of("2001", "ADDED", "2002", "ADDED", "2003", "ADDED"), statusById());
        List<RecordedRequest> posts = simulator.requests("POST", "/v2/key-accounts");
        assertEquals(List.of("2002", "2003"), posts.get(posts.size() - 1).companyLinkedinIds());
        assertTrue(posts.subList(1, posts.size()).stream().noneMatch(p -> p.companyLinkedinIds().contains("2001")),
                "2001, once added, is never sent again");
    }

    private void awaitTicks(int ticks) {
        NotifyBuilder notify = new NotifyBuilder(main.getCamelContext()).fromRoute(ROUTE_ID).whenDone(ticks).create();
        assertTrue(notify.matches(30, TimeUnit.SECONDS), "the timer did not tick " + ticks + " times");
    }

    private void insert(String... linkedinIds) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO target_company (name, linkedin_id) VALUES (?, ?)")) {
            for (String id : linkedinIds) {
                ps.setString(1, "Company " + id);
                ps.setString(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Map<String, String> statusById() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT linkedin_id, COALESCE(tamtam_status, 'NULL') FROM target_company")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
