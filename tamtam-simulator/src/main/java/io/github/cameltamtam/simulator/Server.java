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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

/**
 * The socket side of the simulator: listens on 127.0.0.1, serves each open connection on one thread from a pool of
 * daemon threads (HTTP/1.1, keep-alive, pipelining; see {@link Http}) and hands every parsed request to its
 * {@link Handler}. Knows nothing of the API: a request it cannot parse it answers itself with a problem (400, 413,
 * 505) and closes the connection.
 */
final class Server implements AutoCloseable {

    /** Answers one request of a connection. */
    @FunctionalInterface
    interface Handler {
        /**
         * Returns the answer, or {@code null} to reset the connection (TCP RST).
         *
         * @param connectionId the number of the connection, from 1
         * @param request      the request, read completely
         * @return the answer, or {@code null} to reset the connection (TCP RST)
         * @throws InterruptedException when the server is closing while the handler waits
         */
        Http.Response handle(long connectionId, Http.Request request) throws InterruptedException;
    }

    private static final System.Logger LOG = System.getLogger(TamtamSimulator.class.getName());

    private final ServerSocket serverSocket;
    private final int port;
    private final Handler handler;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Binds and starts accepting.
     *
     * @param tls           the server context for https, or {@code null} for plain http
     * @param port          the port on 127.0.0.1; 0 = a free port
     * @param workerThreads threads kept ready; the pool grows beyond when more connections are open
     * @param handler       answers the requests
     * @throws UncheckedIOException if the port cannot be bound
     */
    Server(SSLContext tls, int port, int workerThreads, Handler handler) {
        this.handler = handler;
        try {
            serverSocket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        this.port = serverSocket.getLocalPort();
        AtomicInteger threadNo = new AtomicInteger();
        workers = new ThreadPoolExecutor(workerThreads, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "tamtam-simulator-" + this.port + "-worker-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    this.workerThreads.removeIf(w -> w.getState() == Thread.State.TERMINATED);
                    this.workerThreads.add(t);
                    return t;
                });
        acceptor = new Thread(this::acceptLoop, "tamtam-simulator-" + this.port + "-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Returns the TCP port the server listens on. */
    int port() {
        return port;
    }

    /** Returns connections currently open (accepted and not yet closed by either side). */
    int openConnections() {
        return openSockets.size();
    }

    /** Returns whether {@link #close()} was called. */
    boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes the server socket and every open connection (requests still in their handler are abandoned unanswered),
     * and waits up to 5 s for the threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(serverSocket);
        for (Socket s : openSockets) {
            closeQuietly(s);
        }
        workers.shutdownNow();
        if (Thread.currentThread() == acceptor || workerThreads.contains(Thread.currentThread())) {
            return; // closed from inside: cannot wait for ourselves
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            acceptor.join(5_000);
            workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            for (Thread t : workerThreads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            workerThreads.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed.get() || serverSocket.isClosed()) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "accept failed", e);
                continue;
            }
            openSockets.add(socket);
            if (closed.get()) {
                openSockets.remove(socket);
                closeQuietly(socket);
                return;
            }
            long id = connectionIds.incrementAndGet();
            try {
                workers.execute(() -> serve(socket, id));
            } catch (RejectedExecutionException e) {
                openSockets.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket, long connectionId) {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Http.Reader reader = new Http.Reader(in, out);
            while (!closed.get()) {
                Http.Request request;
                try {
                    request = reader.read();
                } catch (Http.BadRequest e) {
                    out.write(Http.encode(Responses.problem(e.status, e.getMessage(), null), true));
                    out.flush();
                    socket.shutdownOutput();
                    return;
                }
                if (request == null) {
                    return;
                }
                Http.Response response = handler.handle(connectionId, request);
                if (response == null) {
                    socket.setSoLinger(true, 0);
                    socket.close(); // RST
                    return;
                }
                if (response.streamed() != null) {
                    out.write(Http.encode(response, true));
                    out.flush();
                    response.streamed().write(in, out);
                    return;
                }
                boolean close = !request.keepAlive() || closed.get();
                out.write(Http.encode(response, close));
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the peer went away, or the server is closing
        } catch (RuntimeException | Error e) {
            if (!closed.get()) {
                LOG.log(System.Logger.Level.WARNING, "connection " + connectionId + " failed", e);
            }
        } finally {
            openSockets.remove(socket);
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
