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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.cameltamtam.simulator.TamtamSimulator;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the route {@code routes/push-new-companies.yaml} with Camel Main.
 * <ul>
 * <li>{@code TAMTAM_API_KEY} not set: demo mode. Starts the embedded TamTam simulator and an in-memory H2 database
 * holding 25 companies, lets the timer push them, inserts 5 more as a CRM sync would, and stops after the tick that
 * finds nothing new.</li>
 * <li>{@code TAMTAM_API_KEY} set: talks to the real API for the user {@code TAMTAM_USER_EMAIL} (required), reading the
 * database {@code TAMTAM_JDBC_URL} (default: an H2 file database in {@code target/}) until Ctrl+C.</li>
 * </ul>
 */
public final class SchedulerExampleApplication {

    static final Logger LOG = LoggerFactory.getLogger("io.github.cameltamtam.examples.scheduler");

    /** Appended to an H2 URL: creates the table if it is missing, on every connection. */
    public static final String H2_INIT = ";INIT=RUNSCRIPT FROM 'classpath:db/schema.sql'";

    private static final String ROUTE_ID = "push-new-companies";

    private SchedulerExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int exitCode;
        if (isBlank(env.get("TAMTAM_API_KEY"))) {
            exitCode = runDemo();
        } else if (isBlank(env.get("TAMTAM_USER_EMAIL"))) {
            System.err.println(
                    "TAMTAM_API_KEY is set, so this example talks to the real TamTam API, but TAMTAM_USER_EMAIL "
                            + "is not: set it to the email of the TamTam user whose Key Accounts receive the "
                            + "companies (export TAMTAM_USER_EMAIL=you@example.com), or unset TAMTAM_API_KEY to run "
                            + "the demo against the embedded simulator.");
            exitCode = 2;
        } else {
            Path base = Path.of(System.getProperty("tamtam.example.base-dir", "target")).toAbsolutePath().normalize();
            String url = env.get("TAMTAM_JDBC_URL");
            if (isBlank(url)) {
                url = "jdbc:h2:file:" + base.resolve("crm") + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1" + H2_INIT;
                // create the database and its table now, so that rows can be inserted before the first tick
                try (Connection c = dataSource(url).getConnection()) {
                    LOG.info("Database ready: {}", c.getMetaData().getURL());
                }
            }
            LOG.info("Pushing the new rows of target_company in {} every {}. Stop with Ctrl+C.", url,
                    env.getOrDefault("TAMTAM_PUSH_PERIOD", "60s"));
            exitCode = newMain(url).run(args);
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** A Camel Main running the example's route(s) ({@code application.properties}) on the given database. */
    public static Main newMain(String jdbcUrl) {
        Main main = new Main(SchedulerExampleApplication.class);
        main.addOverrideProperty("tamtam.jdbc.url", jdbcUrl);
        return main;
    }

    /** Points the component at a simulator: its base URL, its demo API key and demo user. */
    public static void useSimulator(Main main, TamtamSimulator simulator) {
        main.addOverrideProperty("camel.component.tamtam.base-url", simulator.baseUrl().toString());
        // a placeholder, not the literal key, so that Camel Main's plain-text secret check stays quiet
        main.addInitialProperty("tamtam.simulator.api-key", TamtamSimulator.DEMO_API_KEY);
        main.addOverrideProperty("camel.component.tamtam.api-key", "{{tamtam.simulator.api-key}}");
        main.addOverrideProperty("camel.component.tamtam.user-email", TamtamSimulator.DEMO_USER_EMAIL);
    }

    /** Returns a DataSource on {@code url} with the user of {@code application.properties}' default ({@code sa}). */
    public static JdbcDataSource dataSource(String url) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(url);
        db.setUser("sa");
        db.setPassword("");
        return db;
    }

    /** Runs an SQL script from the classpath, e.g. {@code db/demo-companies.sql}. */
    public static void runScript(JdbcDataSource db, String classpathScript) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:" + classpathScript + "'");
        }
    }

    /** Returns the number of rows per {@code tamtam_status} ({@code "NULL"} for rows not pushed yet). */
    public static Map<String, Integer> statusCounts(JdbcDataSource db) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(tamtam_status, 'NULL'), COUNT(*) FROM target_company "
                        + "GROUP BY tamtam_status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static int runDemo() throws Exception {
        try (TamtamSimulator simulator = TamtamSimulator.start()) {
            JdbcDataSource db = dataSource("jdbc:h2:mem:tamtam-scheduler-demo;DB_CLOSE_DELAY=-1" + H2_INIT);
            runScript(db, "db/demo-companies.sql");
            // two of them are in the demo user's Key Accounts already
            for (String id : List.of("7794483", "8009533")) {
                simulator.demoAccount().addKeyAccount(TamtamSimulator.DEMO_USER_EMAIL, id, List.of(), 1);
            }
            LOG.info("TAMTAM_API_KEY is not set: demo mode against the embedded TamTam simulator at {}, with an "
                    + "in-memory H2 table of 25 companies (2 already in Key Accounts); a tick every 2 s",
                    simulator.baseUrl());

            Main main = newMain(db.getURL());
            useSimulator(main, simulator);
            main.addOverrideProperty("tamtam.push.period", "2s");
            main.start();
            try {
                NotifyBuilder firstTick = new NotifyBuilder(main.getCamelContext())
                        .fromRoute(ROUTE_ID).whenDone(1).create();
                await(firstTick, "the first tick");
                runScript(db, "db/demo-companies-later.sql");
                LOG.info("A CRM sync inserted 5 more companies");
                NotifyBuilder twoMoreTicks = new NotifyBuilder(main.getCamelContext())
                        .fromRoute(ROUTE_ID).whenDone(2).create();
                await(twoMoreTicks, "two more ticks");
            } finally {
                main.stop();
            }
            Map<String, Integer> counts = statusCounts(db);
            LOG.info("Done. target_company rows by tamtam_status: {}; the simulator received {} key-accounts requests",
                    counts, simulator.requests("POST", "/v2/key-accounts").size());
            return counts.containsKey("NULL") ? 1 : 0;
        }
    }

    private static void await(NotifyBuilder notify, String what) {
        if (!notify.matches(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Timed out waiting for " + what);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
