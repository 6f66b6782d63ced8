package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class WebhookReceiverTest {

    private static final String SECRET = "webhook-secret_0123456789";
    private static final String UPDATE = """
            {"update_id": 501, "message": {"message_id": 7, "date": 1733400000,
             "chat": {"id": 801, "type": "private", "first_name": "Anna"},
             "from": {"id": 801, "is_bot": false, "first_name": "Anna"}, "text": "What skills do I need?"}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Update> received = new LinkedBlockingQueue<>();
    private WebhookReceiver receiver;
    private LogCapture logs;

    @BeforeEach
    void listen() {
        logs = new LogCapture(WebhookReceiver.class.getName());
        receiver = WebhookReceiver.start("127.0.0.1", 0, "/telegram/hook", SECRET, received::add);
    }

    @AfterEach
    void stop() {
        receiver.close();
        logs.close();
    }

    private HttpResponse<String> post(String path, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUpdateWithTheSecretIsAcceptedAndHandedOn() throws Exception {
        assertEquals(200, post("/telegram/hook", SECRET, UPDATE).statusCode());
        Update update = received.poll(5, TimeUnit.SECONDS);
        assertEquals(501, update.getUpdateId());
        assertEquals("What skills do I need?", update.getMessage().getText());
    }

    @Test
    void aWrongOrMissingSecretGets401AndTheBodyIsNeitherHandedOnNorLogged() throws Exception {
        assertEquals(401, post("/telegram/hook", "guess", UPDATE).statusCode());
        assertEquals(401, post("/telegram/hook", null, UPDATE).statusCode());
        assertEquals(null, received.poll(300, TimeUnit.MILLISECONDS));
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("wrong secret token")), logs.lines().toString());
        assertFalse(logs.lines().stream().anyMatch(line -> line.contains("skills") || line.contains("guess")),
                logs.lines().toString());
    }

    @Test
    void aBodyOverTheLimitGets413() throws Exception {
        String huge = "{\"update_id\": 1, \"pad\": \"" + "x".repeat(WebhookReceiver.MAX_BODY_BYTES) + "\"}";
        assertEquals(413, post("/telegram/hook", SECRET, huge).statusCode());
        assertEquals(null, received.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void malformedJsonGets400AndTheNextUpdateStillGoesThrough() throws Exception {
        assertEquals(400, post("/telegram/hook", SECRET, "{\"update_id\": ").statusCode());
        assertEquals(400, post("/telegram/hook", SECRET, "[1, 2]").statusCode());
        assertEquals(200, post("/telegram/hook", SECRET, UPDATE).statusCode());
        assertEquals(501, received.poll(5, TimeUnit.SECONDS).getUpdateId());
    }

    @Test
    void onlyPostOnTheWebhookPathIsServed() throws Exception {
        assertEquals(404, post("/other", SECRET, UPDATE).statusCode());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + receiver.port() + "/telegram/hook")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
    }
}
