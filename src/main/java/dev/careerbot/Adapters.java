package dev.careerbot;

import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.config.BotConfig;
import dev.careerbot.message.Responder;
import java.util.ArrayList;
import java.util.List;

/** The platform adapters the config enables, built around one responder. */
final class Adapters {

    private Adapters() {}

    static List<ChatAdapter> enabled(BotConfig config, Responder responder) {
        List<ChatAdapter> adapters = new ArrayList<>();
        return adapters;
    }
}
