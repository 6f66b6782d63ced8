package dev.careerbot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingPatternLayoutTest {

    /** Made-up tokens in the shapes Telegram and Discord use. */
    private static final String TELEGRAM_TOKEN = "7012345678:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
    private static final String DISCORD_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhJkLm.q8Zr3kTfW0pVb6yXc1nM4aLsD7eRgHuIo2Jt";

    private static String layout(LoggingEvent event) {
        LoggerContext context = new LoggerContext();
        RedactingPatternLayout layout = new RedactingPatternLayout();
        layout.setContext(context);
        layout.setPattern("%-5level %logger - %msg%n");
        layout.start();
        try {
            return layout.doLayout(event);
        } finally {
            layout.stop();
            context.stop();
        }
    }

    private static LoggingEvent event(String message, Throwable thrown) {
        Logger logger = new LoggerContext().getLogger("dev.careerbot.channel.telegram.TelegramAdapter");
        return new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, message, thrown, new Object[0]);
    }

    @Test
    void removesATelegramTokenFromTheMessageAndTheStackTrace() {
        IllegalStateException failure = new IllegalStateException(
                "POST https://api.telegram.org/bot" + TELEGRAM_TOKEN + "/getUpdates failed with 502",
                new IOException("token " + TELEGRAM_TOKEN + " rejected"));
        String line = layout(event("polling https://api.telegram.org/bot" + TELEGRAM_TOKEN + "/getUpdates", failure));

        assertFalse(line.contains(TELEGRAM_TOKEN), line);
        assertFalse(line.contains("AAHfiqksKZ8WmR2zSjiQ7"), line);
        assertTrue(line.startsWith("ERROR dev.careerbot.channel.telegram.TelegramAdapter - polling"
                + " https://api.telegram.org/bot<redacted>/getUpdates"), line);
        assertTrue(line.contains("java.lang.IllegalStateException: POST https://api.telegram.org/bot<redacted>"
                + "/getUpdates failed with 502"), line);
        assertTrue(line.contains("Caused by: java.io.IOException: token <redacted> rejected"), line);
        assertTrue(line.contains("at dev.careerbot.logging.RedactingPatternLayoutTest."), line);
    }

    @Test
    void removesADiscordTokenFromTheMessageAndTheStackTrace() {
        IllegalArgumentException failure = new IllegalArgumentException("Authorization: Bot " + DISCORD_TOKEN);
        String line = layout(event("login with " + DISCORD_TOKEN + " refused", failure));

        assertFalse(line.contains(DISCORD_TOKEN), line);
        assertFalse(line.contains("MTA5ODc2NTQzMjEwOTg3NjU0Mw"), line);
        assertTrue(line.contains("login with <redacted> refused"), line);
        assertTrue(line.contains("java.lang.IllegalArgumentException: Authorization: Bot <redacted>"), line);
    }

    @Test
    void leavesOrdinaryTextClassNamesAndNumbersAlone() {
        String text = "dev.careerbot.channel.discord.DiscordAdapter handled update 123456789 at 12:30:45"
                + " for chat -100123456789 in net.dv8tion.jda.internal.requests.RestActionImpl";
        assertEquals(text, RedactingPatternLayout.redact(text));
    }

    @Test
    void theShippedConfigurationLogsRedactedLinesToStandardErrorOnly() {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            DefaultLogging.configureInCode(context);

            context.getLogger("dev.careerbot.channel.telegram.TelegramAdapter")
                    .info("started with token " + TELEGRAM_TOKEN);
            context.getLogger("net.dv8tion.jda.internal.JDAImpl").info("library chatter");
            context.getLogger("ai.djl.util.cuda.CudaUtils").warn("no CUDA driver");
            context.getLogger("net.dv8tion.jda.internal.JDAImpl")
                    .warn("gateway refused", new IllegalStateException("bad token " + DISCORD_TOKEN));
        } finally {
            context.stop();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String logged = err.toString(StandardCharsets.UTF_8);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(logged.contains(" INFO  [main] d.c.channel.telegram.TelegramAdapter - started with token <redacted>"),
                logged);
        assertTrue(logged.contains("java.lang.IllegalStateException: bad token <redacted>"), logged);
        assertFalse(logged.contains("library chatter"), logged);
        assertFalse(logged.contains("CUDA"), logged);
        assertFalse(logged.contains(TELEGRAM_TOKEN), logged);
        assertFalse(logged.contains(DISCORD_TOKEN), logged);
    }
}
