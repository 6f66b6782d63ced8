package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder must work on a machine with no network and must not try to reach one (DJL calls
 * home to 169.254.169.254 unless told not to).
 */
class SentenceEncoderOfflineTest {

    @TempDir
    Path temp;

    @Test
    void answersInAProcessWithoutNetworkAndOpensNoInternetSocket() throws Exception {
        assumeTrue(commandWorks("strace", "-V"), "needs strace to watch the process's connect() calls");
        Path log = temp.resolve("connect.log");
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        List<String> command = new ArrayList<>();
        if (commandWorks("unshare", "-rn", "true")) {
            command.addAll(List.of("unshare", "-rn")); // a network namespace with loopback only, and down
        }
        command.addAll(List.of("strace", "-f", "-qq", "-e", "trace=connect", "-o", log.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                OfflineEncoderProbe.class.getName(), temp.resolve("cache").toString(),
                "who builds chatbots and translators?"));

        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe did not finish");

        assertEquals(0, process.exitValue(), stderr);
        assertTrue(stdout.contains("dimension=384 norm=1.0000"), stdout + stderr);
        List<String> internetConnects = Files.readAllLines(log).stream()
                .filter(line -> line.contains("connect(") && line.contains("AF_INET"))
                .toList();
        assertEquals(List.of(), internetConnects);
        assertFalse(stderr.contains("SLF4J"), stderr);
        try (Stream<Path> leftovers = Files.list(tmp)) {
            assertEquals(List.of(), leftovers.toList(), "left behind in java.io.tmpdir");
        }
        assertTrue(Files.isDirectory(temp.resolve("cache/onnxruntime")), "ONNX Runtime extracted to the cache");
        assertTrue(Files.isDirectory(temp.resolve("cache/djl/tokenizers")), "tokenizer library in the cache");
    }

    @Test
    void makesNoConnectionAttemptThroughJavaNetworking() {
        ConnectionRecorder recorder = new ConnectionRecorder();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(recorder);
        try (SentenceEncoder encoder = SentenceEncoder.open(SentenceEncoderTest.CACHE, 1000)) {
            float[] vector = encoder.encode("what does a prompt engineer do?");
            assertEquals(1.0, SentenceEncoder.similarity(vector, vector), 1e-4);
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertEquals(List.of(), recorder.attempts);
    }

    @Test
    void theConnectionRecorderSeesAnAttemptToTheMetadataAddress() throws IOException {
        ConnectionRecorder recorder = new ConnectionRecorder();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(recorder);
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) new URL("http://169.254.169.254/latest/api/token").openConnection();
            connection.setConnectTimeout(2_000);
            assertThrows(IOException.class, connection::getResponseCode);
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertEquals(List.of(URI.create("http://169.254.169.254/latest/api/token")), recorder.attempts);
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Notes every URI Java networking wants to reach (HttpURLConnection and plain sockets ask the
     * default ProxySelector first) and sends it to a loopback port nobody listens on, so nothing
     * leaves the machine.
     */
    private static final class ConnectionRecorder extends ProxySelector {

        final List<URI> attempts = new CopyOnWriteArrayList<>();
        private final Proxy deadEnd;

        ConnectionRecorder() {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            deadEnd = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", closedPort));
        }

        @Override
        public List<Proxy> select(URI uri) {
            attempts.add(uri);
            return List.of(deadEnd);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // expected: nothing listens there
        }
    }
}
