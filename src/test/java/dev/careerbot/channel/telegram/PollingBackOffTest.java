package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** When polling counts as healthy, for {@code connected()} and {@code /healthz}. */
class PollingBackOffTest {

    @Test
    void countsAsDownWhenNoPollHasSucceededForLongerThanTheLongPollPlusMargin() throws InterruptedException {
        PollingBackOff backOff = new PollingBackOff(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMillis(100), () -> {});
        assertTrue(backOff.healthy(), "healthy right after start");

        Thread.sleep(250);

        assertFalse(backOff.healthy(), "a poll that hangs without failing must not look connected");
    }

    @Test
    void countsAsDownAfterStopping() {
        PollingBackOff backOff = new PollingBackOff(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMinutes(1), () -> {});

        backOff.stop();

        assertFalse(backOff.healthy());
    }

    @Test
    void aPollThatCannotConnectReportsConnectionTroubleAndOtherCallsDoNot() throws IOException {
        AtomicInteger troubles = new AtomicInteger();
        PollingBackOff backOff = new PollingBackOff(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMinutes(1), troubles::incrementAndGet);
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(backOff)
                .retryOnConnectionFailure(false)
                .build();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closedPort + "/bot1:x/";
        try {
            assertThrows(IOException.class,
                    () -> client.newCall(new Request.Builder().url(base + "sendMessage").build()).execute());
            assertEquals(0, troubles.get(), "a failed send is the outbox's business");

            assertThrows(IOException.class,
                    () -> client.newCall(new Request.Builder().url(base + "getUpdates").build()).execute());

            assertEquals(1, troubles.get());
            assertFalse(backOff.healthy());
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
