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
package io.github.cameltamtam.examples.queue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger shared by all replicas: table {@code tamtam_outcomes} (created if missing), one row per company ID with
 * its first outcome and the replica that recorded it ({@code INSERT ... ON CONFLICT DO NOTHING}).
 */
public final class PostgresOutcomeLedger implements OutcomeLedger {

    static final String TABLE = "tamtam_outcomes";

    private final JdbcTemplate jdbc;
    private final String replicaId;

    public PostgresOutcomeLedger(DataSource dataSource, String replicaId) throws SQLException {
        this.jdbc = new JdbcTemplate(dataSource);
        this.replicaId = replicaId;
        ReplicaSchema.create(dataSource, List.of("CREATE TABLE IF NOT EXISTS " + TABLE + " (company_id VARCHAR(255) "
                + "PRIMARY KEY, outcome VARCHAR(32) NOT NULL, replica VARCHAR(255) NOT NULL, "
                + "recorded_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
    }

    @Override
    public void record(Exchange batch) {
        List<Object[]> rows = new ArrayList<>();
        OutcomeLedger.outcomes(batch).forEach((outcome, ids) -> ids.forEach(id -> rows.add(
                new Object[] {id, outcome, replicaId})));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + TABLE + " (company_id, outcome, replica) VALUES (?, ?, ?) "
                    + "ON CONFLICT (company_id) DO NOTHING", rows);
        }
    }

    @Override
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("SELECT outcome, count(*) FROM " + TABLE + " GROUP BY outcome",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }
}
