package dev.careerbot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 in front of a loopback fake server that closes a keep-alive connection
 * once it has been idle (no request under way) for {@code idleTimeout}, as Node's HTTP server
 * does after 5 s and many proxies do sooner. A request being answered (a long poll, say) is never
 * cut. It reads just enough HTTP/1.1 to know when a response is complete: the headers and a
 * {@code Content-Length} body, which is what the fakes send.
 */
public final class IdleClosingProxy implements AutoCloseable {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final long idleNanos;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private IdleClosingProxy(ServerSocket server, InetSocketAddress upstream, Duration idleTimeout) {
        this.server = server;
        this.upstream = upstream;
        this.idleNanos = idleTimeout.toNanos();
    }

    /** Starts a proxy to 127.0.0.1:{@code upstreamPort}. */
    public static IdleClosingProxy start(int upstreamPort, Duration idleTimeout) throws IOException {
        ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        IdleClosingProxy proxy = new IdleClosingProxy(server,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), idleTimeout);
        daemon("idle-proxy-accept", proxy::acceptLoop);
        daemon("idle-proxy-reaper", proxy::reapLoop);
        return proxy;
    }

    /** The port to connect to instead of the fake's. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many connections the proxy closed because they were idle. */
    public int closedIdle() {
        return closedIdle.get();
    }

    /** How many connections clients opened. */
    public int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket backend = new Socket();
                backend.connect(upstream, 5_000);
                client.setTcpNoDelay(true);
                backend.setTcpNoDelay(true);
                accepted.incrementAndGet();
                Link link = new Link(client, backend);
                links.add(link);
                daemon("idle-proxy-request", link::pumpRequests);
                daemon("idle-proxy-response", link::pumpResponses);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void reapLoop() {
        while (!closed) {
            long now = System.nanoTime();
            for (Link link : links) {
                if (link.idleLongerThan(now, idleNanos)) {
                    closedIdle.incrementAndGet();
                    link.close();
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        links.forEach(Link::close);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One client connection and its connection to the fake. */
    private final class Link {
        private final Socket client;
        private final Socket backend;
        private final Object lock = new Object();
        private boolean busy;
        private long idleSince = System.nanoTime();
        private boolean gone;

        Link(Socket client, Socket backend) {
            this.client = client;
            this.backend = backend;
        }

        boolean idleLongerThan(long now, long limit) {
            synchronized (lock) {
                return !gone && !busy && now - idleSince > limit;
            }
        }

        void pumpRequests() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = backend.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (lock) {
                        if (gone) {
                            return;
                        }
                        busy = true;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // The other side closed; close() below ends the link.
            } finally {
                close();
            }
        }

        void pumpResponses() {
            byte[] buffer = new byte[16 * 1024];
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            long bodyLeft = -1;
            try (InputStream in = backend.getInputStream(); OutputStream out = client.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                    for (int i = 0; i < read; i++) {
                        if (bodyLeft < 0) {
                            header.write(buffer[i]);
                            if (endsWithBlankLine(header)) {
                                bodyLeft = contentLength(header.toString(StandardCharsets.ISO_8859_1));
                                header.reset();
                            }
                        } else {
                            bodyLeft--;
                        }
                        if (bodyLeft == 0) {
                            bodyLeft = -1;
                            synchronized (lock) {
                                busy = false;
                                idleSince = System.nanoTime();
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // The other side closed; close() below ends the link.
            } finally {
                close();
            }
        }

        void close() {
            synchronized (lock) {
                gone = true;
            }
            links.remove(this);
            try {
                client.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted.
            }
            try {
                backend.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted.
            }
        }
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream header) {
        byte[] bytes = header.toByteArray();
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    private static long contentLength(String header) {
        if (header.toLowerCase(Locale.ROOT).startsWith("http/1.1 1")) {
            return -1;
        }
        Matcher length = CONTENT_LENGTH.matcher(header);
        return length.find() ? Long.parseLong(length.group(1)) : 0;
    }
}
