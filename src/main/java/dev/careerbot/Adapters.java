package dev.careerbot;

import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.channel.discord.DiscordAdapter;
import dev.careerbot.channel.telegram.TelegramAdapter;
import dev.careerbot.config.BotConfig;
import dev.careerbot.message.Responder;
import dev.careerbot.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The platform adapters the config enables, built around one responder. */
final class Adapters {

    /** Telegram sends an update again for at most a day; ids are remembered that long. */
    private static final Duration DEDUPE_WINDOW = Duration.ofHours(24);

    private Adapters() {}

    /**
     * @param state where the Telegram adapter records the message ids it takes on, so that of
     *     several instances given the same update only one answers it
     */
    static List<ChatAdapter> enabled(BotConfig config, Responder responder, StateStore state) {
        List<ChatAdapter> adapters = new ArrayList<>();
        if (config.telegram().enabled()) {
            adapters.add(new TelegramAdapter(config.telegram(), responder,
                    key -> state.firstDelivery("telegram:" + key, DEDUPE_WINDOW)));
        }
        if (config.discord().enabled()) {
            adapters.add(new DiscordAdapter(config.discord(), responder));
        }
        return adapters;
    }
}
