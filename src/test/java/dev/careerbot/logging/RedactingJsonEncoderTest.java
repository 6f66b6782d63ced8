package dev.careerbot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingJsonEncoderTest {

    private static final String TELEGRAM_TOKEN = "7012345678:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
    private static final String DISCORD_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhJkLm.q8Zr3kTfW0pVb6yXc1nM4aLsD7eRgHuIo2Jt";

    /** Runs the shipped in-code logging set-up switched to JSON, with standard error captured. */
    private static List<String> logJson() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            DefaultLogging.configureInCode(context);
            LogFormat.useJson(context);
            context.getLogger("dev.careerbot.channel.telegram.TelegramAdapter").info("polling",
                    new IllegalStateException("GET https://api.telegram.org/bot" + TELEGRAM_TOKEN + "/getUpdates: 401"));
            context.getLogger("net.dv8tion.jda.internal.JDAImpl")
                    .error("login failed", new IOException("token " + DISCORD_TOKEN + " rejected"));
        } finally {
            context.stop();
            System.setErr(originalErr);
        }
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void writesOneJsonObjectALineWithTokensInExceptionMessagesRedacted() throws Exception {
        List<String> lines = logJson();

        assertEquals(2, lines.size(), String.join("\n", lines));
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            json.readTree(line);
            assertFalse(line.contains(TELEGRAM_TOKEN) || line.contains("AAHfiqksKZ8WmR2zSjiQ7"), line);
            assertFalse(line.contains(DISCORD_TOKEN) || line.contains("MTA5ODc2NTQzMjEwOTg3NjU0Mw"), line);
        }
        JsonNode telegram = json.readTree(lines.get(0));
        assertEquals("INFO", telegram.get("level").asText());
        assertEquals("polling", telegram.get("formattedMessage").asText());
        assertEquals("dev.careerbot.channel.telegram.TelegramAdapter", telegram.get("loggerName").asText());
        assertEquals("GET https://api.telegram.org/bot<redacted>/getUpdates: 401",
                telegram.get("throwable").get("message").asText());
        JsonNode discord = json.readTree(lines.get(1));
        assertEquals("token <redacted> rejected", discord.get("throwable").get("message").asText());
    }

    @Test
    void redactsATokenInTheMessageAndItsArgumentsToo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        RedactingJsonEncoder encoder = new RedactingJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(
                RedactingJsonEncoderTest.class.getName(), context.getLogger("x"), ch.qos.logback.classic.Level.WARN,
                "calling https://api.telegram.org/bot{}/sendMessage", null, new Object[] {TELEGRAM_TOKEN});
        out.writeBytes(encoder.encode(event));
        String line = out.toString(StandardCharsets.UTF_8);
        assertFalse(line.contains(TELEGRAM_TOKEN) || line.contains("AAHfiqksKZ8WmR2zSjiQ7"), line);
        assertEquals("calling https://api.telegram.org/bot<redacted>/sendMessage",
                new ObjectMapper().readTree(line).get("formattedMessage").asText(), line);
    }
}
