package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.careerbot.BundledAnswers;
import dev.careerbot.RunningJar;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost and nothing answered twice across a crash and a stop of the real jar: updates are
 * confirmed to the fake Bot API (which honours offsets as Telegram does) only once answered, and
 * the ids answered above the confirmed offset are remembered in the data folder.
 */
class TelegramDeliveryIT {

    /** A JVM start and the lexical matcher's training, on a busy two-core machine. */
    private static final Duration STARTED = Duration.ofSeconds(90);
    private static final Duration STOPPED = Duration.ofSeconds(30);
    /** Chat ids long enough that finding one in a log cannot be chance. */
    private static final long FIRST_CHAT = 7_310_000_000L;
    private static final String QUESTION = "What skills does an AI engineer need?";

    @TempDir
    Path dir;

    FakeBotApi api;
    final List<RunningJar> runs = new ArrayList<>();

    @BeforeEach
    void writeTheConfig() throws Exception {
        api = new FakeBotApi(TelegramTestBot.TOKEN);
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("knowledge.yml"));
        Files.writeString(dir.resolve("careerbot.yml"), """
                knowledge_base: knowledge.yml
                matcher:
                  mode: lexical
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                    api_url: %s
                    long_poll_seconds: 1
                http:
                  address: 127.0.0.1:0
                rate_limit:
                  enabled: false
                shutdown:
                  deadline_seconds: 5
                """.formatted(api.url()));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (RunningJar run : runs) {
                run.close();
            }
        } finally {
            api.close();
        }
    }

    private RunningJar start(String name) throws Exception {
        RunningJar jar = RunningJar.start(dir, name + "-", Map.of("TELEGRAM_TOKEN", TelegramTestBot.TOKEN),
                "run", "--config", "careerbot.yml");
        runs.add(jar);
        jar.awaitWhileRunning(() -> jar.stderr().contains("Telegram adapter started"), STARTED, "the start");
        return jar;
    }

    @Test
    void killedUnderABurstItAnswersEveryMessageAfterARestartAndRepeatsAtMostTheRepliesInFlight() throws Exception {
        int people = 300;
        RunningJar first = start("first");
        List<ObjectNode> burst = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            FakeUser user = FakeUser.person(FIRST_CHAT + i, "Asker" + i);
            burst.add(FakeBotApi.messageUpdate(api.message(FakeChat.privateWith(user), user, QUESTION).json()));
        }
        api.addUpdates(burst);
        first.awaitWhileRunning(() -> api.allMessages().size() >= 40, STARTED, "40 answers");
        first.kill();
        int answeredBeforeTheKill = api.allMessages().size();

        RunningJar second = start("second");
        second.awaitWhileRunning(() -> answeredChats(people) == people, STARTED, "an answer in every chat");
        Thread.sleep(2_000);

        List<Long> twice = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int replies = api.messages(FIRST_CHAT + i).size();
            assertTrue(replies == 1 || replies == 2, "chat " + i + " got " + replies + " replies");
            if (replies == 2) {
                twice.add(FIRST_CHAT + i);
            }
        }
        int workers = TelegramAdapter.Tuning.defaults().workerThreads();
        System.out.printf("kill -9 after %d of %d answers; after the restart every chat answered, %d twice%n",
                answeredBeforeTheKill, people, twice.size());
        assertTrue(twice.size() <= workers, "answered twice: " + twice.size() + " chats " + twice + ", more than the "
                + workers + " replies that can be on their way at a kill (answered before it: "
                + answeredBeforeTheKill + ")\n" + second.describe());
        assertTrue(answeredBeforeTheKill < people, "the kill came after every answer; nothing was tested");
        assertFalse(second.stderr().contains("not delivered"), second.describe());
        Path answered = dir.resolve("telegram-answered-updates.txt");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(answered)));
        for (RunningJar run : runs) {
            assertNoRawChatId(run.stderr(), people);
        }
    }

    @Test
    void stoppedWithABacklogItCountsWhatItLeftAndTheRestartAnswersExactlyThat() throws Exception {
        int people = 10;
        int each = 20;
        RunningJar first = start("first");
        List<ObjectNode> backlog = new ArrayList<>();
        for (int n = 0; n < each; n++) {
            for (int i = 0; i < people; i++) {
                FakeUser user = FakeUser.person(FIRST_CHAT + i, "Asker" + i);
                backlog.add(FakeBotApi.messageUpdate(
                        api.message(FakeChat.privateWith(user), user, QUESTION + " (" + n + ")").json()));
            }
        }
        api.addUpdates(backlog);
        first.awaitWhileRunning(() -> api.allMessages().size() >= 2 * people, STARTED, "the first answers");
        first.terminate();
        first.awaitExit(STOPPED);
        int answeredBeforeTheStop = api.allMessages().size();

        Matcher adapterCount = Pattern.compile("Telegram: answered (\\d+) of the (\\d+) messages taken in")
                .matcher(first.stderr());
        assertTrue(adapterCount.find(), first.describe());
        int answered = Integer.parseInt(adapterCount.group(1));
        int taken = Integer.parseInt(adapterCount.group(2));
        Matcher finalLine = Pattern.compile("messages taken in but not answered (\\d+)").matcher(first.stderr());
        assertTrue(finalLine.find(), "the last line counts what was left\n" + first.describe());
        assertEquals(answeredBeforeTheStop, answered, "the log counts the answers Telegram got\n" + first.describe());
        assertEquals(taken - answered, Integer.parseInt(finalLine.group(1)), first.describe());
        assertTrue(taken - answered > 0, "the stop left nothing unanswered; nothing was tested\n" + first.describe());

        System.out.printf("SIGTERM: %d of %d sent answered, %d taken in and not answered (counted in the log)%n",
                answered, people * each, taken - answered);
        RunningJar second = start("second");
        second.awaitWhileRunning(() -> api.allMessages().size() >= people * each, STARTED, "every answer");
        Thread.sleep(2_000);
        for (int i = 0; i < people; i++) {
            assertEquals(each, api.messages(FIRST_CHAT + i).size(),
                    "chat " + i + ": every question answered exactly once, across the stop\n" + second.describe());
        }
        assertEquals(people * each, api.allMessages().size(),
                "answered before the stop + redelivered and answered after it = sent");
        for (RunningJar run : runs) {
            assertNoRawChatId(run.stderr(), people);
        }
    }

    private int answeredChats(int people) {
        int answered = 0;
        for (int i = 0; i < people; i++) {
            if (!api.messages(FIRST_CHAT + i).isEmpty()) {
                answered++;
            }
        }
        return answered;
    }

    /** User and chat ids appear in logs only as salted hashes. */
    private static void assertNoRawChatId(String log, int people) {
        for (int i = 0; i < people; i++) {
            assertFalse(log.contains(Long.toString(FIRST_CHAT + i)), "raw id " + (FIRST_CHAT + i) + " in the log:\n"
                    + log);
        }
    }
}
