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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @Test
    void aStartedServerAnswersQueriesAndIsGoneAfterClose() throws Exception {
        PostgresServer.assumeAvailable();
        PostgresServer server = PostgresServer.start();
        Path log = server.logFile();
        try {
            try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ids (id BIGINT PRIMARY KEY)");
                s.execute("INSERT INTO ids VALUES (1), (2), (3)");
                try (ResultSet r = s.executeQuery("SELECT count(*), current_user, version() FROM ids")) {
                    assertTrue(r.next());
                    assertEquals(3, r.getInt(1));
                    assertEquals(server.user(), r.getString(2));
                    assertTrue(r.getString(3).startsWith("PostgreSQL"), r.getString(3));
                }
            }
            // the URL and credentials alone are enough, as for a replica process
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
                assertTrue(c.isValid(5));
            }
            assertTrue(Files.exists(log));
        } finally {
            server.close();
        }

        assertFalse(accepts(server.port()), "nothing listens on the port after close()");
        assertFalse(Files.exists(log), "its files are deleted");
        server.close(); // a second close is harmless
        assertThrows(Exception.class, () -> DriverManager.getConnection(server.jdbcUrl(), server.user(),
                server.password()).close());
    }

    @Test
    void twoServersRunSideBySide() throws Exception {
        PostgresServer.assumeAvailable();
        try (PostgresServer a = PostgresServer.start(); PostgresServer b = PostgresServer.start()) {
            assertTrue(a.port() != b.port());
            try (Connection ca = a.dataSource().getConnection(); Statement s = ca.createStatement()) {
                s.execute("CREATE TABLE only_in_a (x INT)");
            }
            try (Connection cb = b.dataSource().getConnection(); Statement s = cb.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
