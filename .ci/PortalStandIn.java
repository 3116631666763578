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
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A loopback stand-in for the Central Publisher Portal's upload endpoint, used by .ci/release-check.
 * central-publishing-maven-plugin 0.9.0 has no local-only mode: it always uploads the bundle it builds
 * (skipPublishing=true stages nothing, so no bundle is built at all). Pointed here with -DcentralBaseUrl, the plugin
 * builds its bundle as for a real release and "uploads" it to this process, which keeps the request body and
 * answers with a deployment id; nothing leaves the machine.
 *
 * <pre>java .ci/PortalStandIn.java PORT_FILE UPLOAD_FILE</pre>
 * writes the chosen free port to PORT_FILE, then serves until killed (release-check stops it), 30 minutes at most.
 */
public class PortalStandIn {

    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        Path upload = Path.of(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean isUpload = "POST".equals(exchange.getRequestMethod())
                    && exchange.getRequestURI().getPath().equals("/api/v1/publisher/upload");
            try (InputStream body = exchange.getRequestBody()) {
                if (isUpload) {
                    Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    body.readAllBytes();
                }
            }
            byte[] answer = (isUpload ? "release-check-local-deployment" : "not served by the stand-in")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(isUpload ? 201 : 404, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(30 * 60 * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        });
        limit.setDaemon(true);
        limit.start();
        Path tmp = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                Integer.toString(server.getAddress().getPort()));
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
    }
}
