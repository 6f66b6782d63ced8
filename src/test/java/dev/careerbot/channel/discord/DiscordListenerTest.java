package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscordListenerTest {

    @Test
    void removesTheBotMentionInBothForms() {
        assertEquals("what is MLOps?", DiscordListener.withoutMention("<@42> what is  MLOps?", "42"));
        assertEquals("hi there", DiscordListener.withoutMention("hi <@!42> there", "42"));
        assertEquals("ask <@7> too", DiscordListener.withoutMention("ask <@7> too", "42"));
    }

    @Test
    void keepsTheLinesOfAQuestion() {
        assertEquals("first line\nsecond line", DiscordListener.withoutMention("<@42> first line\nsecond line", "42"));
    }
}
