package dev.careerbot;

import dev.careerbot.channel.AdapterServices;
import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.channel.discord.DiscordAdapter;
import dev.careerbot.channel.telegram.TelegramAdapter;
import dev.careerbot.config.BotConfig;
import dev.careerbot.message.Responder;
import java.util.ArrayList;
import java.util.List;

/** The platform adapters the config enables, built around one responder. */
final class Adapters {

    private Adapters() {}

    static List<ChatAdapter> enabled(BotConfig config, Responder responder, AdapterServices services) {
        List<ChatAdapter> adapters = new ArrayList<>();
        if (config.telegram().enabled()) {
            adapters.add(new TelegramAdapter(config.telegram(), responder, services));
        }
        if (config.discord().enabled()) {
            adapters.add(new DiscordAdapter(config.discord(), responder, services));
        }
        return adapters;
    }
}
