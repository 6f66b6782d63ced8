package dev.careerbot.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.RedisServer;
import dev.careerbot.config.Secret;
import dev.careerbot.config.StateSettings;
import dev.careerbot.state.redis.RedisStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code /reload} on one instance reloads every instance sharing its Redis, once. */
class SharedReloadTest {

    @TempDir
    Path folder;

    RedisServer redis;
    final List<Operations> instances = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        instances.forEach(Operations::close);
        if (redis != null) {
            redis.close();
        }
    }

    private Operations start(String name) throws Exception {
        Path own = Files.createDirectories(folder.resolve(name));
        Path file = SmallBot.write(own, SmallBot.knowledge());
        RedisStateStore store = RedisStateStore.open(new StateSettings(StateSettings.Store.REDIS,
                new Secret(redis.url()), "reload-test:", Duration.ofMillis(250)));
        Operations operations = Operations.start(SmallBot.config(file, SmallBot.settings(own)),
                CompletableFuture.completedFuture(SmallBot.conversation(SmallBot.load(file))), SmallBot::train,
                Clock.systemUTC(), store, new PhaseTimes());
        instances.add(operations);
        return operations;
    }

    private static String ask(Operations operations, String user, String text) {
        return operations.responder().respond(SmallBot.telegram(user, text)).orElseThrow().text();
    }

    @Test
    void aReloadOnOneInstanceReachesTheOtherWithoutComingBack() throws Exception {
        redis = RedisServer.start(folder);
        Operations a = start("a");
        Operations b = start("b");
        await("both subscribed", () -> redis.command("EVAL \"return redis.call('PUBSUB','NUMSUB',KEYS[1])[2]\" 1"
                + " reload-test:announce").equals(":2"));
        SmallBot.write(folder.resolve("a"), SmallBot.knowledgeWithDocker());
        SmallBot.write(folder.resolve("b"), SmallBot.knowledgeWithDocker());
        assertFalse(ask(b, "7", "do i need docker").startsWith(SmallBot.DOCKER_ANSWER), "b has not reloaded yet");

        String reloaded = ask(a, SmallBot.ADMIN_ID, "/reload");

        assertTrue(reloaded.contains("eload"), reloaded);
        await("b to answer from the new knowledge base",
                () -> ask(b, "8", "do i need docker").startsWith(SmallBot.DOCKER_ANSWER));
        Thread.sleep(500);
        String metricsOfA = a.metrics().scrape();
        assertTrue(metricsOfA.contains("careerbot_knowledge_reloads_total{outcome=\"reloaded\"} 1.0"), metricsOfA);
        assertFalse(metricsOfA.contains("outcome=\"unchanged\"} 1.0"),
                "b did not announce the reload back to a: " + metricsOfA);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
