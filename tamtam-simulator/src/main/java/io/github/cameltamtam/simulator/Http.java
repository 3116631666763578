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

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Minimal HTTP/1.1 server-side codec: request parsing (Content-Length and chunked bodies) and response framing. */
final class Http {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private Http() {
    }

    /** A parsed request. Header names are lower case. */
    @SuppressWarnings("ArrayRecordComponent") // never compared or hashed: the body is handed on as read, not copied
    record Request(String method, String path, String version, Map<String, String> headers, byte[] body,
            boolean keepAlive) {
    }

    /**
     * An answer to write. {@code contentType} is {@code null} for no body. A {@code streamed} answer writes its head
     * (its own framing headers, no Content-Length added), then lets {@code streamed} write the body; the connection is
     * closed after it.
     */
    @SuppressWarnings("ArrayRecordComponent") // never compared or hashed: the body is written as built, not copied
    record Response(int status, String contentType, byte[] body, Map<String, String> headers, BodyStream streamed) {

        Response(int status, String contentType, byte[] body, Map<String, String> headers) {
            this(status, contentType, body, headers, null);
        }

        Response withHeaders(Map<String, String> extra) {
            if (extra.isEmpty()) {
                return this;
            }
            Map<String, String> merged = new LinkedHashMap<>(headers);
            merged.putAll(extra);
            return new Response(status, contentType, body, merged, streamed);
        }
    }

    /** Writes a body that is not held in memory (endless or stalled); returns when the peer is gone. */
    @FunctionalInterface
    interface BodyStream {
        void write(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    /** A request that cannot be parsed; answered with {@code status} and the connection closed. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Reads consecutive requests from one connection (keep-alive, pipelining). Not thread-safe. */
    static final class Reader {
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int lim;
        private int headBytes;

        Reader(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /**
         * Reads the next request.
         *
         * @return the request, or {@code null} if the peer closed the connection between requests
         */
        Request read() throws IOException, BadRequest {
            headBytes = 0;
            String line;
            int blank = 0;
            do {
                line = readLine(true);
                if (line == null) {
                    return null;
                }
                if (line.isEmpty() && ++blank > 8) {
                    throw new BadRequest(400, "missing request line");
                }
            } while (line.isEmpty());
            String[] parts = line.split(" ", -1); // exactly method SP target SP version (RFC 9112)
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new BadRequest(400, "malformed request line");
            }
            String method = parts[0];
            String version = parts[2];
            if (!version.startsWith("HTTP/1.")) {
                throw new BadRequest(505, "unsupported HTTP version " + version);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (line = readLine(false); !line.isEmpty(); line = readLine(false)) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                        continue; // obsolete line folding: ignored
                    }
                    throw new BadRequest(400, "malformed header line");
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
            boolean http10 = version.equals("HTTP/1.0");
            String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
            boolean keepAlive = http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");

            byte[] body;
            String te = headers.get("transfer-encoding");
            if (te != null && hasToken(te.toLowerCase(Locale.ROOT), "chunked")) {
                continueIfExpected(headers, http10);
                body = readChunked();
            } else if (headers.containsKey("content-length")) {
                long length;
                try {
                    length = Long.parseLong(headers.get("content-length"));
                } catch (NumberFormatException e) {
                    throw new BadRequest(400, "invalid Content-Length");
                }
                if (length < 0) {
                    throw new BadRequest(400, "invalid Content-Length");
                }
                if (length > MAX_BODY_BYTES) {
                    throw new BadRequest(413, "request body too large");
                }
                if (length > 0) {
                    continueIfExpected(headers, http10);
                }
                body = readFully((int) length);
            } else {
                body = new byte[0];
            }
            return new Request(method, pathOf(parts[1]), version, Collections.unmodifiableMap(headers), body,
                    keepAlive);
        }

        private void continueIfExpected(Map<String, String> headers, boolean http10) throws IOException {
            if (!http10 && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        private byte[] readChunked() throws IOException, BadRequest {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(false);
                int semi = sizeLine.indexOf(';');
                String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
                int size;
                try {
                    size = Integer.parseInt(hex, 16);
                } catch (NumberFormatException e) {
                    throw new BadRequest(400, "invalid chunk size");
                }
                if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
                    throw new BadRequest(413, "request body too large");
                }
                if (size == 0) {
                    while (!readLine(false).isEmpty()) {
                        // trailer fields: ignored
                    }
                    return body.toByteArray();
                }
                body.write(readFully(size));
                if (!readLine(false).isEmpty()) {
                    throw new BadRequest(400, "malformed chunk");
                }
            }
        }

        private boolean fill() throws IOException {
            pos = 0;
            lim = 0;
            int n = in.read(buf);
            if (n <= 0) {
                return false;
            }
            lim = n;
            return true;
        }

        private String readLine(boolean eofAllowed) throws IOException, BadRequest {
            StringBuilder sb = new StringBuilder(64);
            while (true) {
                if (pos == lim && !fill()) {
                    if (eofAllowed && sb.length() == 0) {
                        return null;
                    }
                    throw new EOFException("connection closed in the middle of a request");
                }
                byte b = buf[pos++];
                if (++headBytes > MAX_HEAD_BYTES) {
                    throw new BadRequest(431, "request head too large");
                }
                if (b == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) (b & 0xff));
            }
        }

        private byte[] readFully(int length) throws IOException {
            byte[] out = new byte[length];
            int off = 0;
            while (off < length) {
                if (pos == lim && !fill()) {
                    throw new EOFException("connection closed in the middle of a request body");
                }
                int n = Math.min(length - off, lim - pos);
                System.arraycopy(buf, pos, out, off, n);
                pos += n;
                off += n;
            }
            return out;
        }
    }

    static boolean hasToken(String headerValue, String token) {
        for (String t : headerValue.split(",", -1)) {
            if (t.trim().equals(token)) {
                return true;
            }
        }
        return false;
    }

    static String pathOf(String target) {
        String t = target;
        if (t.startsWith("http://") || t.startsWith("https://")) {
            int slash = t.indexOf('/', t.indexOf("//") + 2);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        int cut = t.length();
        int q = t.indexOf('?');
        if (q >= 0) {
            cut = q;
        }
        int h = t.indexOf('#');
        if (h >= 0 && h < cut) {
            cut = h;
        }
        return t.substring(0, cut);
    }

    /** Frames a response; adds {@code Connection: close} when {@code close}. */
    static byte[] encode(Response r, boolean close) {
        boolean noBody = r.status() == 204 || r.status() == 304;
        byte[] body = noBody || r.body() == null ? new byte[0] : r.body();
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        head.append("Server: tamtam-simulator\r\n");
        if (r.contentType() != null && !noBody) {
            head.append("Content-Type: ").append(r.contentType()).append("\r\n");
        }
        if (!noBody && r.streamed() == null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 300 ? "Success" : status < 400 ? "Redirection" : status < 500 ? "Client Error"
                    : "Server Error";
        };
    }
}
