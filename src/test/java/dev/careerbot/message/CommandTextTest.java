package dev.careerbot.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandTextTest {

    @Test
    void readsNameBotNameAndArgument() {
        assertEquals(Optional.of(new CommandText("skills", Optional.of("CareerBot"), "nlp engineer")),
                CommandText.parse("  /Skills@CareerBot   nlp engineer "));
    }

    @Test
    void aCommandWithoutArgumentOrBotNameHasEmptyOnes() {
        assertEquals(Optional.of(new CommandText("help", Optional.empty(), "")), CommandText.parse("/help"));
    }

    @Test
    void textThatOnlyStartsWithASlashIsNotACommand() {
        assertTrue(CommandText.parse("/usr/bin is a folder").isEmpty());
        assertTrue(CommandText.parse("/help,please").isEmpty());
        assertTrue(CommandText.parse("what is /help").isEmpty());
        assertTrue(CommandText.parse("/").isEmpty());
    }
}
