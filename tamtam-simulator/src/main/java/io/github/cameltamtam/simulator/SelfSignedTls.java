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
package io.github.cameltamtam.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed server certificate for {@code 127.0.0.1} and {@code localhost}, made when created by the JDK's own
 * {@code keytool} (run as a process, 2 days valid), so an https simulator needs nothing beyond the JDK. Holds a PKCS12
 * key store (the server's key) and a PKCS12 trust store (only that certificate) in a temporary folder, deleted by
 * {@link #close()}.
 */
public final class SelfSignedTls implements AutoCloseable {

    /** Password of both stores. */
    public static final String PASSWORD = "simulator";
    private static final String ALIAS = "tamtam-simulator";

    private final Path dir;
    private final Path keyStore;
    private final Path trustStore;

    private SelfSignedTls(Path dir) {
        this.dir = dir;
        this.keyStore = dir.resolve("server.p12");
        this.trustStore = dir.resolve("trust.p12");
    }

    /**
     * Generates the key pair, certificate and stores.
     *
     * @return the material
     * @throws UncheckedIOException when keytool fails
     */
    public static SelfSignedTls generate() {
        Path dir;
        try {
            dir = Files.createTempDirectory("tamtam-simulator-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SelfSignedTls tls = new SelfSignedTls(dir);
        try {
            Path certificate = dir.resolve("server.pem");
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore", tls.keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", ALIAS, "-file", certificate.toString(),
                    "-keystore", tls.keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                    "-keystore", tls.trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        } catch (RuntimeException e) {
            tls.close();
            throw e;
        }
        return tls;
    }

    /** Returns a server SSLContext presenting the certificate, for {@link TamtamSimulator.Builder#tls}. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the generated key store", e);
        }
    }

    /** Returns the PKCS12 trust store holding only the certificate (password {@link #PASSWORD}). */
    public Path trustStore() {
        return trustStore;
    }

    /** Deletes the stores. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new UncheckedIOException(new IOException("keytool " + args[0] + " failed: "
                        + new String(output, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
