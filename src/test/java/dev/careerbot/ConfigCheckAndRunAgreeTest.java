package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.careerbot.operations.SmallBot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code check} and {@code run} accept exactly the same config files: both accept a file, or
 * both reject it naming the same problems, and {@code run} stops on a bad file before it starts a
 * matcher, an adapter or anything else. Both commands are run as the command line runs them.
 */
class ConfigCheckAndRunAgreeTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String RUN_HEADER =
            "careerbot: cannot start; fix these and try again (java -jar careerbot.jar check lists them all):";
    private static final String MATCHER_THREAD = "careerbot-matcher-start";

    @TempDir
    Path folder;

    private int closedPort;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger bot = (Logger) LoggerFactory.getLogger("dev.careerbot");
    private Level botLevel;

    @BeforeEach
    void setUp() throws IOException {
        SmallBot.write(folder, SmallBot.knowledge());
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        botLevel = bot.getLevel();
        bot.setLevel(Level.INFO);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        bot.setLevel(botLevel);
    }

    /**
     * Telegram enabled against a closed loopback port, so that a {@code run} that accepts the
     * config gets as far as asking the Bot API who the bot is, and stops there; no HTTP port, no
     * file watching, the n-gram matcher. Each case appends to it (a key under {@code telegram}
     * when indented by four spaces, else a section) or edits one line.
     */
    private String base() {
        return """
                knowledge_base: knowledge.yml
                matcher:
                  mode: lexical
                  cache_dir: %s
                http:
                  enabled: false
                reload:
                  watch: false
                unanswered:
                  enabled: false
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                    api_url: http://127.0.0.1:%d
                """.formatted(folder.resolve("cache"), closedPort);
    }

    /** A config file and the environment it is read with. */
    private record Case(String yaml, Map<String, String> environment) {

        static Case of(String yaml) {
            return new Case(yaml, Map.of());
        }

        Case with(String variable, String value) {
            Map<String, String> more = new HashMap<>(environment);
            more.put(variable, value);
            return new Case(yaml, more);
        }
    }

    /** What one command made of a config: its exit status and the problems it named. */
    private record Verdict(int status, List<String> problems) {
    }

    private Map<String, Case> badConfigs() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("api-url-with-path", Case.of(base().replace("127.0.0.1:" + closedPort, "127.0.0.1:9/bot-api")));
        cases.put("api-url-with-user", Case.of(base().replace("http://", "http://me:pw@")));
        cases.put("api-url-ftp", Case.of(base().replace("http://", "ftp://")));
        cases.put("token-of-the-wrong-form", Case.of(base()).with("TELEGRAM_TOKEN", "abc"));
        cases.put("token-without-secret-part", Case.of(base()).with("TELEGRAM_TOKEN", "123456789:short"));
        cases.put("token-unset", Case.of(base()).with("TELEGRAM_TOKEN", ""));
        cases.put("long-poll-out-of-range", Case.of(base() + "    long_poll_seconds: 99\n"));
        cases.put("rate-of-zero", Case.of(base() + "    chat_messages_per_second: 0\n"));
        cases.put("unknown-key", Case.of(base() + "    long_pol_seconds: 5\n"));
        cases.put("webhook-without-secret", Case.of(base()
                + "    mode: webhook\n    webhook_url: https://bot.example.org/hook\n"));
        cases.put("webhook-without-url", Case.of(base() + "    mode: webhook\n    webhook_secret: abc-123\n"));
        cases.put("redis-url-not-redis", Case.of(base() + "state:\n  store: redis\n  redis_url: ${REDIS_URL}\n")
                .with("REDIS_URL", "http://user:hunter2@127.0.0.1:6379"));
        cases.put("redis-url-without-port", Case.of(base() + "state:\n  store: redis\n  redis_url: redis://127.0.0.1\n"));
        cases.put("redis-database-not-a-number",
                Case.of(base() + "state:\n  store: redis\n  redis_url: redis://127.0.0.1:6379/cache\n"));
        cases.put("shard-ids-out-of-range", Case.of(base() + "  discord:\n    shards: 2\n    shard_ids: [0-2]\n"));
        cases.put("discord-token-of-the-wrong-form", Case.of(base()
                + "  discord:\n    enabled: true\n    token: ${DISCORD_TOKEN}\n").with("DISCORD_TOKEN", "Bot secretvalue"));
        cases.put("discord-rest-url-ftp", Case.of(base() + "  discord:\n    rest_url: ftp://127.0.0.1/api\n"));
        cases.put("knowledge-base-missing", Case.of(base().replace("knowledge.yml", "nowhere.yml")));
        return cases;
    }

    private Map<String, Case> goodConfigs() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("telegram-polling", Case.of(base()));
        cases.put("api-url-with-a-slash", Case.of(base().replace("127.0.0.1:" + closedPort, "127.0.0.1:" + closedPort
                + "/")));
        cases.put("every-telegram-key", Case.of(base() + """
                    long_poll_seconds: 0
                    pacing: true
                    messages_per_second: 10
                    chat_messages_per_second: 0.5
                    group_messages_per_minute: 15
                """));
        cases.put("webhook-mode", Case.of(base() + """
                    mode: webhook
                    webhook_url: https://bot.example.org/telegram/hook
                    webhook_listen: 127.0.0.1:0
                    webhook_secret: ${HOOK_SECRET}
                """).with("HOOK_SECRET", "a-long_random-secret"));
        cases.put("redis-state", Case.of(base() + "state:\n  store: redis\n  redis_url: ${REDIS_URL}\n  timeout_ms: 50\n")
                .with("REDIS_URL", "redis://:pw@127.0.0.1:" + closedPort + "/2"));
        cases.put("discord-shard-range", Case.of(base() + "  discord:\n    shards: 4\n    shard_ids: [0-1, 3]\n"
                + "    rest_url: http://127.0.0.1:9/api\n"));
        return cases;
    }

    @Test
    void checkAndRunRejectTheSameBadConfigsWithTheSameProblems() throws Exception {
        for (Map.Entry<String, Case> bad : badConfigs().entrySet()) {
            Trial trial = tryBoth(bad.getKey(), bad.getValue());

            assertEquals(1, trial.check().status(), bad.getKey() + ": check accepted it");
            assertFalse(trial.check().problems().isEmpty(), bad.getKey());
            assertEquals(trial.check(), trial.run(), bad.getKey() + ": check and run disagree");
            assertTrue(trial.check().problems().stream().allMatch(problem -> problem.startsWith(trial.config() + ":")),
                    bad.getKey() + ": every problem names file:line: " + trial.check().problems());
            assertEquals(List.of(), logLines(), bad.getKey() + ": run went on after the config was refused");
            assertFalse(matcherRunning(), bad.getKey() + ": run started a matcher");
            assertFalse(Files.exists(folder.resolve("cache")), bad.getKey() + ": run used the matcher's cache");
        }
    }

    @Test
    void secretsInABadConfigAreNotRepeated() throws Exception {
        Map<String, Case> cases = badConfigs();
        for (String name : List.of("token-of-the-wrong-form", "redis-url-not-redis", "discord-token-of-the-wrong-form")) {
            Trial trial = tryBoth(name, cases.get(name));
            String said = String.join("\n", trial.check().problems()) + String.join("\n", trial.run().problems());
            for (String secret : List.of("abc", "hunter2", "secretvalue")) {
                assertFalse(said.contains(secret), name + " repeats a secret: " + said);
            }
        }
    }

    @Test
    void checkAndRunAcceptTheSameGoodConfigs() throws Exception {
        for (Map.Entry<String, Case> good : goodConfigs().entrySet()) {
            Trial trial = tryBoth(good.getKey(), good.getValue());

            assertEquals(new Verdict(0, List.of()), trial.check(), good.getKey() + ": check refused it");
            assertEquals(new Verdict(1, List.of()), trial.run(), good.getKey() + ": run refused it");
            assertTrue(logLines().stream().anyMatch(line -> line.contains("Could not start: Cannot reach the Telegram"
                    + " Bot API at http://127.0.0.1:" + closedPort)), good.getKey()
                    + ": run did not get as far as the Bot API: " + logLines());
            awaitNoMatcher();
            assertTrue(Files.exists(folder.resolve("cache")), good.getKey() + ": the matcher of run left no cache");
        }
    }

    /** One config file, read by {@code check} and by {@code run}. */
    private record Trial(Path config, Verdict check, Verdict run) {
    }

    private Trial tryBoth(String name, Case config) throws IOException {
        Path file = Files.writeString(folder.resolve(name + ".yml"), config.yaml(), StandardCharsets.UTF_8);
        logs.list.clear();
        return new Trial(file, check(file, config), run(file, config));
    }

    private Verdict check(Path config, Case with) {
        CommandRun check = CommandRun.of(new byte[0], environment(with), "check", "--config", config.toString());
        return new Verdict(check.status(), check.outLines().stream().filter(line -> line.startsWith("error: "))
                .map(line -> line.substring("error: ".length())).toList());
    }

    /** The problems {@code run} prints under its header; none when it got past reading the config. */
    private Verdict run(Path config, Case with) {
        CommandRun run = CommandRun.of(new byte[0], environment(with), "run", "--config", config.toString());
        List<String> lines = run.err().lines().toList();
        int header = lines.indexOf(RUN_HEADER);
        return new Verdict(run.status(), header < 0 ? List.of() : lines.subList(header + 1, lines.size()));
    }

    private static Map<String, String> environment(Case with) {
        Map<String, String> environment = new HashMap<>(with.environment());
        environment.putIfAbsent("TELEGRAM_TOKEN", TOKEN);
        environment.values().removeIf(String::isEmpty); // an empty value stands for an unset variable
        return environment;
    }

    private List<String> logLines() {
        synchronized (logs) {
            return logs.list.stream().map(event -> event.getLoggerName() + " " + event.getFormattedMessage()).toList();
        }
    }

    private static boolean matcherRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(MATCHER_THREAD) && thread.isAlive());
    }

    /** The matcher a good run started trains on its own thread; the next case starts without it. */
    private static void awaitNoMatcher() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (matcherRunning()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the matcher of a run is still training after 60 s");
            }
            Thread.sleep(20);
        }
    }
}
