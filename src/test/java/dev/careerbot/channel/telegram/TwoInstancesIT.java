package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledAnswers;
import dev.careerbot.RedisServer;
import dev.careerbot.RunningJar;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import dev.careerbot.operations.Http;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code java -jar careerbot.jar run} processes of one bot sharing one real redis-server, fed
 * through their Telegram webhook endpoints as a load balancer would, replying through one fake Bot
 * API. The scenarios run in order on the same two processes; the last ones stop Redis and then one
 * instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final Duration STARTED = Duration.ofSeconds(120);
    private static final Duration ANSWERED = Duration.ofSeconds(30);
    private static final Pattern HEALTH = Pattern.compile("Serving /healthz and /metrics on http://127\\.0\\.0\\.1:([0-9]+)");

    @TempDir
    static Path dir;

    RedisServer redis;
    FakeBotApi api;
    Instance a;
    Instance b;
    final HttpClient http = HttpClient.newHttpClient();
    final AtomicInteger updateIds = new AtomicInteger(900_000);
    final AtomicInteger users = new AtomicInteger(10_000);

    record Instance(WebhookInstance webhook, int healthPort) {
        String name() {
            return webhook.name();
        }

        RunningJar jar() {
            return webhook.jar();
        }
    }

    @BeforeAll
    void startRedisTheFakeBotApiAndTwoInstances() throws Exception {
        redis = RedisServer.start(dir);
        api = new FakeBotApi(TelegramTestBot.TOKEN);
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("knowledge.yml"));
        RunningJar first = start("a");
        RunningJar second = start("b");
        a = awaitStarted("a", first);
        b = awaitStarted("b", second);
    }

    private RunningJar start(String name) throws Exception {
        return WebhookInstance.start(dir.resolve(name), api, """
                state:
                  store: redis
                  redis_url: ${REDIS_URL}
                  key_prefix: "careers:"
                rate_limit:
                  burst: 3
                  per_minute: 6
                http:
                  address: 127.0.0.1:0
                """, Map.of("REDIS_URL", redis.url()));
    }

    private static Instance awaitStarted(String name, RunningJar jar) throws InterruptedException {
        WebhookInstance started = WebhookInstance.await(name, jar);
        jar.awaitWhileRunning(() -> HEALTH.matcher(jar.stderr()).find(), STARTED, "/healthz of " + name);
        Matcher health = HEALTH.matcher(jar.stderr());
        assertTrue(health.find());
        return new Instance(started, Integer.parseInt(health.group(1)));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null) {
                instance.jar().close();
            }
        }
        api.close();
        redis.close();
    }

    private String update(FakeChat chat, FakeUser from, String text) {
        return WebhookInstance.update(api, updateIds.incrementAndGet(), chat, from, text);
    }

    private int post(Instance instance, String update) throws Exception {
        return instance.webhook().post(http, update);
    }

    private FakeUser newPerson() {
        return FakeUser.person(users.incrementAndGet(), "P" + users.get());
    }

    @Test
    @Order(1)
    void bothInstancesSetTheWebhookAndReportRedisOnTheirHealth() {
        assertEquals("https://bot.example.org/hook", api.webhook().orElseThrow()[0]);
        assertEquals(WebhookInstance.SECRET, api.webhook().orElseThrow()[1]);
        for (Instance instance : List.of(a, b)) {
            HttpResponse<String> health = Http.get(instance.healthPort(), "/healthz");
            assertEquals(200, health.statusCode());
            assertEquals("ok\ntelegram: connected\nstate: redis at 127.0.0.1:" + redis.port() + "\n", health.body());
        }
    }

    @Test
    @Order(2)
    void theSameUpdatePostedToBothIsAnsweredExactlyOnce() throws Exception {
        FakeUser anna = newPerson();
        FakeChat chat = FakeChat.privateWith(anna);
        String update = update(chat, anna, "What skills does an AI engineer need?");
        assertEquals(200, post(a, update));
        assertEquals(200, post(b, update));

        api.awaitMessages(chat.id(), 1, ANSWERED);
        Thread.sleep(1000);
        assertEquals(1, api.messages(chat.id()).size(), "answered once by the two instances together");
    }

    @Test
    @Order(3)
    void aFollowUpToTheOtherInstanceKeepsItsContext() throws Exception {
        FakeUser ben = newPerson();
        FakeChat chat = FakeChat.privateWith(ben);
        assertEquals(200, post(a, update(chat, ben, "what does an NLP engineer do")));
        api.awaitMessages(chat.id(), 1, ANSWERED);
        assertEquals(200, post(b, update(chat, ben, "what skills do they need?")));

        List<SentMessage> replies = api.awaitMessages(chat.id(), 2, ANSWERED);
        assertTrue(replies.get(1).text().startsWith(BundledAnswers.openingLine("role.nlp_engineer.skills")),
                "B answered about the NLP engineer's skills, the context A left in Redis: " + replies.get(1).text());
    }

    @Test
    @Order(4)
    void aPersonsRateLimitHoldsAcrossBothInstances() throws Exception {
        FakeUser carl = newPerson();
        FakeChat chat = FakeChat.privateWith(carl);
        for (int i = 0; i < 6; i++) {
            assertEquals(200, post(i % 2 == 0 ? a : b, update(chat, carl, "What skills does an AI engineer need? " + i)));
            Thread.sleep(150);
        }
        api.awaitMessages(chat.id(), 4, ANSWERED);
        Thread.sleep(1500);
        List<SentMessage> replies = api.messages(chat.id());
        assertEquals(4, replies.size(), "a burst of three answers and one notice, whichever instance took them: "
                + replies.stream().map(SentMessage::text).toList());
        assertEquals(1, replies.stream().filter(reply -> reply.text().startsWith("You're sending messages faster"))
                .count());
    }

    @Test
    @Order(5)
    void withRedisStoppedMidLoadBothKeepAnsweringAndRecoverWhenItReturns() throws Exception {
        List<FakeChat> chats = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i == 10) {
                redis.kill();
            }
            FakeUser person = newPerson();
            FakeChat chat = FakeChat.privateWith(person);
            chats.add(chat);
            assertEquals(200, post(i % 2 == 0 ? a : b, update(chat, person, "What skills does an AI engineer need?")));
        }
        for (FakeChat chat : chats) {
            api.awaitMessages(chat.id(), 1, ANSWERED);
        }
        for (Instance instance : List.of(a, b)) {
            HttpResponse<String> health = Http.get(instance.healthPort(), "/healthz");
            assertEquals(200, health.statusCode(), "answering without Redis is degraded, not down");
            assertTrue(health.body().startsWith("degraded\n"), health.body());
            assertTrue(Http.get(instance.healthPort(), "/metrics").body()
                    .contains("careerbot_state_store_degraded{store=\"redis\"} 1.0"));
            assertEquals(1, countOf(instance.jar().stderr(), "Lost Redis at"), "the loss is logged once\n"
                    + instance.jar().stderr());
        }

        redis.restart();
        for (Instance instance : List.of(a, b)) {
            instance.jar().awaitWhileRunning(() -> Http.get(instance.healthPort(), "/healthz").body().startsWith("ok\n"),
                    ANSWERED, "recovery of instance " + instance.name());
            assertTrue(instance.jar().stderr().contains("is back after"), instance.jar().stderr());
        }
        FakeUser dora = newPerson();
        FakeChat chat = FakeChat.privateWith(dora);
        String again = update(chat, dora, "What skills does an AI engineer need?");
        assertEquals(200, post(a, again));
        assertEquals(200, post(b, again));
        api.awaitMessages(chat.id(), 1, ANSWERED);
        Thread.sleep(1000);
        assertEquals(1, api.messages(chat.id()).size(), "dedupe works again once Redis is back");
    }

    @Test
    @Order(6)
    void stoppingOneInstanceMidLoadLosesNothingTheOtherReceived() throws Exception {
        List<FakeChat> toB = new ArrayList<>();
        List<FakeChat> acceptedByA = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i == 20) {
                a.jar().terminate();
            }
            FakeUser person = newPerson();
            FakeChat chat = FakeChat.privateWith(person);
            String update = update(chat, person, "What skills does an AI engineer need?");
            if (i % 2 == 0) {
                try {
                    if (post(a, update) == 200) {
                        acceptedByA.add(chat);
                    }
                } catch (java.io.IOException refused) {
                    // A stopped listening: the load balancer would send this to B.
                }
            } else {
                assertEquals(200, post(b, update));
                toB.add(chat);
            }
        }
        assertEquals(0, a.jar().awaitExit(Duration.ofSeconds(20)) % 143, a.jar().describe());
        for (FakeChat chat : toB) {
            assertEquals(1, api.awaitMessages(chat.id(), 1, ANSWERED).size());
        }
        for (FakeChat chat : acceptedByA) {
            assertEquals(1, api.messages(chat.id()).size(), "what A accepted before stopping it answered\n"
                    + a.jar().stderr());
        }
        assertTrue(a.jar().stderr().contains("Shut down cleanly"), a.jar().stderr());
    }

    private static long countOf(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
