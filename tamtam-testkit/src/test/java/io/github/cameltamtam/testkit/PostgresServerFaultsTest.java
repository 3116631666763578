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
package io.github.cameltamtam.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The faults {@link PostgresServer} can put a client through: a row locked, the server frozen, stopped, restarted. */
class PostgresServerFaultsTest {

    @Test
    void aLockedRowMakesAnotherSessionWaitUntilTheLockIsClosed() throws Exception {
        PostgresServer.assumeAvailable();
        try (PostgresServer server = PostgresServer.start()) {
            execute(server, "CREATE TABLE bucket (id VARCHAR PRIMARY KEY, n INT)",
                    "INSERT INTO bucket VALUES ('a', 0)");
            CompletableFuture<Integer> update;
            try (PostgresServer.HeldLock lock = server.lock("SELECT id FROM bucket WHERE id = 'a'")) {
                assertEquals(1, lock.rows());
                update = CompletableFuture.supplyAsync(() -> update(server));
                assertThrows(TimeoutException.class, () -> update.get(500, TimeUnit.MILLISECONDS),
                        "the update waits for the lock");
            }
            assertEquals(1, update.get(30, TimeUnit.SECONDS), "the lock closed, the update went through");
        }
    }

    @Test
    void aFrozenServerLeavesQueriesHangingUntilThawed() throws Exception {
        PostgresServer.assumeAvailable();
        try (PostgresServer server = PostgresServer.start()) {
            execute(server, "CREATE TABLE t (x INT)");
            CompletableFuture<Boolean> query;
            try (PostgresServer.Frozen frozen = server.freeze()) {
                query = CompletableFuture.supplyAsync(() -> {
                    try {
                        return select(server, 0); // no socket timeout: waits as long as it takes
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThrows(TimeoutException.class, () -> query.get(1, TimeUnit.SECONDS), "no answer while frozen");
                assertThrows(SQLException.class, () -> select(server, 1),
                        "a client with a socket timeout gives up");
            }
            assertTrue(query.get(30, TimeUnit.SECONDS), "answered once thawed");
        }
    }

    @Test
    void aServerShutDownRefusesConnectionsAndStartsAgainOnTheSamePortWithItsData() throws Exception {
        PostgresServer.assumeAvailable();
        try (PostgresServer server = PostgresServer.start()) {
            execute(server, "CREATE TABLE kept (x INT)", "INSERT INTO kept VALUES (42)");
            int port = server.port();

            server.shutDown();
            assertThrows(SQLException.class, () -> server.dataSource().getConnection().close());

            server.startAgain();
            assertEquals(port, server.port());
            try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT x FROM kept")) {
                assertTrue(r.next());
                assertEquals(42, r.getInt(1));
            }
        }
    }

    @Test
    void closeEndsAFrozenServer() throws Exception {
        PostgresServer.assumeAvailable();
        PostgresServer server = PostgresServer.start();
        server.freeze();
        server.close(); // bounded: thaws, then stops
        assertThrows(SQLException.class, () -> server.dataSource().getConnection().close());
    }

    private static void execute(PostgresServer server, String... statements) throws SQLException {
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static int update(PostgresServer server) {
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE bucket SET n = n + 1 WHERE id = 'a'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query through a connection with PgJDBC's connect and socket timeouts (seconds, 0 = none). */
    private static boolean select(PostgresServer server, int socketTimeoutSeconds) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server.jdbcUrl());
        ds.setUser(server.user());
        ds.setPassword(server.password());
        ds.setSocketTimeout(socketTimeoutSeconds);
        ds.setConnectTimeout(socketTimeoutSeconds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
            return r.next();
        }
    }
}
