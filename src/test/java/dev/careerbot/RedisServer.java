package dev.careerbot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it) for one test, on a
 * free loopback port, with its working folder in a temporary directory and no persistence. It can
 * be stopped and started again on the same port (Redis lost and back), and made slow for a while
 * ({@code DEBUG SLEEP}). {@link #close()} stops it, so no test leaves one behind.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration STARTED = Duration.ofSeconds(20);

    private final Path folder;
    private final int port;
    private Process process;

    private RedisServer(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /** Starts a fresh Redis in a new folder under {@code parent}. */
    public static RedisServer start(Path parent) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(parent, "redis-");
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            RedisServer server = new RedisServer(folder, freePort());
            try {
                server.startProcess();
                return server;
            } catch (IOException portTakenMeanwhile) {
                last = portTakenMeanwhile;
            }
        }
        throw last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts the server again on the same port, empty (it keeps nothing on disk). */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server still runs on " + port);
        }
        long deadline = System.nanoTime() + STARTED.toNanos();
        while (true) {
            try {
                startProcess();
                return;
            } catch (IOException portBusy) {
                if (System.nanoTime() > deadline) {
                    throw portBusy;
                }
                Thread.sleep(100);
            }
        }
    }

    private synchronized void startProcess() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-server",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", folder.toString(),
                "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--enable-debug-command", "local",
                "--loglevel", "warning"));
        Process started;
        try {
            started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("redis.log").toFile()).start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException("redis-server is not installed: apt-get install -y redis-server"
                    + " (.ci/run does this)", notInstalled);
        }
        long deadline = System.nanoTime() + STARTED.toNanos();
        while (!"+PONG".equals(command("PING"))) {
            if (!started.isAlive()) {
                throw new IOException("redis-server on port " + port + " ended at start: "
                        + Files.readString(folder.resolve("redis.log")));
            }
            if (System.nanoTime() > deadline) {
                started.destroyForcibly();
                throw new IOException("redis-server did not answer PING on port " + port);
            }
            Thread.sleep(20);
        }
        process = started;
    }

    public int port() {
        return port;
    }

    /** The URL for {@code state.redis_url}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server at once (SIGKILL, as a crash), keeping the port for {@link #restart()}. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Makes Redis answer nothing for this long (the call returns at once). */
    public void stall(Duration duration) {
        Thread sleeper = new Thread(() -> command("DEBUG SLEEP " + duration.toMillis() / 1000.0), "redis-stall");
        sleeper.setDaemon(true);
        sleeper.start();
    }

    /**
     * Sends one inline command and returns the first line of the reply, or an empty string when
     * Redis cannot be reached. Good for PING, DBSIZE, KEYS and the like, without a client library.
     */
    public String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        } catch (IOException unreachable) {
            return "";
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        kill();
    }
}
