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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.jdbc.ClusteredPostgresAggregationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The aggregator's batches in PostgreSQL, in tables shared by every replica of the example, so that a replica killed
 * at any moment loses nothing:
 * <ul>
 * <li>each replica fills its own batch, a row of {@code tamtam_batches} keyed by the replica id (the route's
 * correlation key), so replicas never contend for a row;</li>
 * <li>a completed batch moves to {@code tamtam_batches_completed}, stamped with its replica's id, until that replica has
 * had TamTam's answer and confirms it. Each replica recovers (re-sends) its own unconfirmed batches, as camel-sql's
 * {@link ClusteredPostgresAggregationRepository} does with {@code recoveryByInstance};</li>
 * <li>in addition, each recovery scan (every 2 s) takes over what replicas that are gone left behind: their
 * unconfirmed batches are re-stamped with this replica's id, and the batch they were filling is completed as it is
 * (moved to the completed table under this replica's id), so that the same scan re-sends them.</li>
 * </ul>
 * "Gone" is decided by PostgreSQL, not by a timer: each replica holds a session-level advisory lock on its id on a
 * connection of its own while it runs. A killed process loses its connection, the server releases the lock, and the
 * next scan of another replica obtains it.
 * <p>
 * A batch may thus be sent twice (its replica died after TamTam's answer, before confirming): companies already
 * added come back "already present" at no cost, and {@link OutcomeLedger} keeps the first outcome of each ID.
 */
public final class ReplicaAggregationRepository extends ClusteredPostgresAggregationRepository {

    static final String TABLE = "tamtam_batches";

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaAggregationRepository.class);

    /** First key of the two-int advisory locks of this repository (any constant unlikely to clash). */
    private static final int LOCK_SPACE = 0x7a7a1;

    private static final long LOCK_WAIT_NANOS = 10_000_000_000L;

    private final DataSource dataSource;
    private Connection lockConnection;

    public ReplicaAggregationRepository(DataSource dataSource, String replicaId) {
        super(new DataSourceTransactionManager(dataSource), TABLE, dataSource);
        this.dataSource = dataSource;
        setInstanceId(replicaId);
        setRecoveryByInstance(true);
        setUseRecovery(true);
        setRecoveryInterval(2000);
    }

    /** Creates the two tables if missing (safe when several replicas start at once). */
    public static void createTables(DataSource dataSource) throws SQLException {
        ReplicaSchema.create(dataSource, List.of(
                "CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(255) NOT NULL, exchange BYTEA NOT NULL, "
                        + "version BIGINT NOT NULL, CONSTRAINT " + TABLE + "_pk PRIMARY KEY (id))",
                "CREATE TABLE IF NOT EXISTS " + TABLE
                        + "_completed (id VARCHAR(255) NOT NULL, exchange BYTEA NOT NULL, "
                        + "version BIGINT NOT NULL, instance_id VARCHAR(255), CONSTRAINT " + TABLE
                        + "_completed_pk PRIMARY KEY (id))"));
    }

    @Override
    protected void doStart() throws Exception {
        createTables(dataSource);
        lockConnection = dataSource.getConnection();
        lockConnection.setAutoCommit(true);
        // another replica may hold it for a moment while taking over what a former process of this id left
        long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
        while (!tryLock(lockConnection, getInstanceId())) {
            if (System.nanoTime() > deadline) {
                lockConnection.close();
                throw new IllegalStateException("another running replica uses the replica id '" + getInstanceId()
                        + "' (TAMTAM_REPLICA_ID): give each replica its own");
            }
            Thread.sleep(100);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (lockConnection != null) {
            lockConnection.close(); // releases the advisory lock
            lockConnection = null;
        }
    }

    @Override
    public Set<String> scan(CamelContext camelContext) {
        try {
            takeOverGoneReplicas(camelContext);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not check for unconfirmed batches of replicas that are gone: {}", e.getMessage());
        }
        return super.scan(camelContext);
    }

    private void takeOverGoneReplicas(CamelContext camelContext) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            List<String> others = new ArrayList<>();
            // replicas with unconfirmed batches, and replicas with a batch being filled (the key is the replica id)
            try (PreparedStatement s = c.prepareStatement("SELECT instance_id FROM " + TABLE + "_completed "
                    + "WHERE instance_id <> ? UNION SELECT id FROM " + TABLE
                    + " WHERE id <> ?")) {
                s.setString(1, getInstanceId());
                s.setString(2, getInstanceId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        others.add(r.getString(1));
                    }
                }
            }
            for (String other : others) {
                // obtainable only if no live session holds it: its replica is gone
                if (tryLock(c, other)) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE " + TABLE
                            + "_completed SET instance_id = ? WHERE instance_id = ?")) {
                        s.setString(1, getInstanceId());
                        s.setString(2, other);
                        int batches = s.executeUpdate();
                        Exchange filling = get(camelContext, other);
                        if (filling != null) {
                            // completes it as it is: into the completed table, stamped with this replica's id
                            remove(camelContext, other, filling);
                        }
                        if (batches > 0 || filling != null) {
                            LOG.warn("Replica {} is gone: taking over its {} unconfirmed batch(es){}", other, batches,
                                    filling == null ? "" : " and the batch it was filling");
                        }
                    } finally {
                        unlock(c, other);
                    }
                }
            }
        }
    }

    private static boolean tryLock(Connection c, String replicaId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, replicaId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, String replicaId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, replicaId);
            s.executeQuery().close();
        }
    }
}
