package dev.careerbot.channel.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledBot;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.message.Markup;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The console chat, driven by scripted input as a person would type it. */
class ConsoleChatTest {

    private static String chat(String typed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        new ConsoleChat(BundledBot.conversation(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC)),
                new BufferedReader(new StringReader(typed)), printer, false).run();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Intent intent(String id) {
        return BundledBot.knowledge().intent(id).orElseThrow();
    }

    private static String plain(Intent intent) {
        return Markup.parse(intent.answer().strip()).toPlainText();
    }

    @Test
    void printsTheAnswerAsPlainTextWithNumberedSuggestions() {
        String screen = chat("hello\n/quit\n");
        Intent greeting = intent("greeting");
        assertTrue(screen.contains(plain(greeting)), screen);
        String firstTitle = intent(greeting.related().get(0)).title();
        String secondTitle = intent(greeting.related().get(1)).title();
        assertTrue(screen.contains("[1] " + firstTitle + "  [2] " + secondTitle), screen);
        assertTrue(screen.contains("Bye!"), screen);
    }

    @Test
    void answersTheSuggestionWhoseNumberIsTyped() {
        String screen = chat("hello\n1\n/quit\n");
        Intent chosen = intent(intent("greeting").related().get(0));
        assertTrue(screen.contains(plain(chosen)), screen);
    }

    @Test
    void readsANumberWithoutSuggestionsAsText() {
        String screen = chat("7\n/quit\n");
        assertTrue(screen.contains("Bye!"), screen);
        assertTrue(screen.lines().filter(line -> line.startsWith("you> ")).count() >= 2, screen);
    }

    @Test
    void stopsAtTheEndOfInput() {
        String screen = chat("what does an NLP engineer do\n");
        assertTrue(screen.contains(plain(intent("role.nlp_engineer"))), screen);
        assertTrue(screen.strip().endsWith("Bye!"), screen);
    }

    @Test
    void doesNotPrintMarkup() {
        String screen = chat("/skills nlp\n/quit\n");
        assertTrue(!screen.contains("**"), screen);
    }
}
