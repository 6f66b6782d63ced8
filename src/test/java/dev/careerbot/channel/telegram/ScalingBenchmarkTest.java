package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.careerbot.BundledAnswers;
import dev.careerbot.RedisServer;
import dev.careerbot.RunningJar;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput and p99 of the real jar fed through its webhook: one instance with state in memory,
 * one with state in Redis, two behind one Redis (updates alternated, as a round-robin proxy
 * does). Latency is from posting an update to the fake Bot API receiving the reply. Also the
 * resident memory of each process and the Redis client's start-up. Needs {@code target/careerbot.jar}
 * ({@code mvn package}); run with {@code mvn -o -Pbenchmark test -Dtest=ScalingBenchmarkTest}.
 */
@Tag("benchmark")
class ScalingBenchmarkTest {

    private static final int WARM_UP = 300;
    private static final int MESSAGES = 2000;
    private static final int SENDERS = 8;
    /** Latency is measured below saturation, at a rate a busy bot sees. */
    private static final int PACED = 1000;
    private static final int PACED_RATE = 100;
    private static final Pattern CLIENT_READY = Pattern.compile("client ready in ([0-9]+) ms");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(SENDERS)).build();
    private final AtomicInteger ids = new AtomicInteger(1_000_000);

    @Test
    void oneInstanceAgainstTwoBehindOneRedis() throws Exception {
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("knowledge.yml"));
        List<String> report = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(dir)) {
            report.add(run("one instance, memory store", 1, null));
            report.add(run("one instance, redis store", 1, redis));
            report.add(run("two instances, one redis", 2, redis));
        }
        System.out.println("\n=== scaling benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + MESSAGES + " messages saturated, " + PACED + " paced, " + SENDERS + " senders, lexical matcher) ===");
        report.forEach(System.out::println);
    }

    private String run(String label, int instances, RedisServer redis) throws Exception {
        try (FakeBotApi api = new FakeBotApi(TelegramTestBot.TOKEN)) {
            List<RunningJar> jars = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    jars.add(start(label.replaceAll("[^a-z]", "") + i, api, redis));
                }
                for (RunningJar jar : jars) {
                    ports.add(WebhookInstance.await(label, jar).webhookPort());
                }
                load(api, ports, WARM_UP, 0);
                long[] latencies = load(api, ports, MESSAGES, 0);
                long took = latencies[latencies.length - 1];
                long[] paced = load(api, ports, PACED, PACED_RATE);
                long[] sorted = java.util.Arrays.copyOf(paced, paced.length - 1);
                java.util.Arrays.sort(sorted);
                StringBuilder memory = new StringBuilder();
                for (RunningJar jar : jars) {
                    memory.append(rssMegabytes(jar.pid())).append(" MB ");
                }
                String clientReady = jars.stream().map(jar -> CLIENT_READY.matcher(jar.stderr()))
                        .filter(Matcher::find).map(found -> found.group(1) + " ms").toList().toString();
                return String.format(Locale.ROOT, "%-28s saturated %4.0f msg/s; at %d msg/s p50 %5.1f ms p99 %5.1f ms; RSS %s; redis client ready %s",
                        label, MESSAGES / (took / 1e9), PACED_RATE, sorted[sorted.length / 2] / 1e6,
                        sorted[(int) (sorted.length * 0.99)] / 1e6, memory, clientReady);
            } finally {
                for (RunningJar jar : jars) {
                    jar.close();
                }
            }
        }
    }

    private RunningJar start(String name, FakeBotApi api, RedisServer redis) throws Exception {
        String state = redis == null ? "" : """
                state:
                  store: redis
                  redis_url: %s
                  key_prefix: "%s:"
                """.formatted(redis.url(), name.replaceAll("[0-9]", ""));
        return WebhookInstance.start(dir.resolve(name), api, """
                rate_limit:
                  enabled: false
                unanswered:
                  enabled: false
                http:
                  enabled: false
                """ + state, Map.of());
    }

    /**
     * Posts the messages, round robin over the instances, as fast as the senders can or at
     * {@code perSecond}; latencies in ns, the last element the whole run.
     */
    private long[] load(FakeBotApi api, List<Integer> ports, int messages, int perSecond) throws Exception {
        Map<Long, Long> postedAt = new HashMap<>();
        List<Long> chats = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            int id = ids.incrementAndGet();
            FakeUser person = FakeUser.person(id, "P" + id);
            FakeChat chat = FakeChat.privateWith(person);
            updates.add(WebhookInstance.update(api, id, chat, person, "What skills does an AI engineer need?"));
            chats.add(chat.id());
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            int n = i;
            if (perSecond > 0) {
                long due = start + (long) (1e9 * i / perSecond);
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
            }
            sent.add(senders.submit(() -> {
                int port = ports.get(n % ports.size());
                long at = System.nanoTime();
                synchronized (postedAt) {
                    postedAt.put(chats.get(n), at);
                }
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/hook"))
                        .header(WebhookReceiver.SECRET_HEADER, WebhookInstance.SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString(updates.get(n))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
                return null;
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        senders.shutdown();
        long[] latencies = new long[messages + 1];
        long last = 0;
        for (int i = 0; i < messages; i++) {
            long chat = chats.get(i);
            long answered = api.awaitMessages(chat, 1, Duration.ofSeconds(120)).get(0).atNanos();
            latencies[i] = answered - postedAt.get(chat);
            last = Math.max(last, answered);
        }
        latencies[messages] = last - start;
        return latencies;
    }

    private static long rssMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
