package dev.careerbot.channel.telegram;

import dev.careerbot.config.Secret;
import dev.careerbot.config.TelegramSettings;
import dev.careerbot.message.Responder;
import java.io.IOException;
import java.time.Duration;

/** A fake Bot API and a started adapter on it, for one test. */
final class TelegramTestBot implements AutoCloseable {

    static final String TOKEN = "123456789:AAHfakeTokenForTests-only_x1y2z3";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final TelegramAdapter.Tuning FAST = new TelegramAdapter.Tuning(
            Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5), 4, Duration.ofSeconds(5));

    final FakeBotApi api;
    final TelegramAdapter adapter;

    private TelegramTestBot(FakeBotApi api, TelegramAdapter adapter) {
        this.api = api;
        this.adapter = adapter;
    }

    /** Pacing off, so tests run at full speed. */
    static TelegramTestBot start(Responder responder) throws IOException {
        return start(responder, false, 30, 1, 20);
    }

    static TelegramTestBot start(Responder responder, boolean pacing, double perSecond, double chatPerSecond,
            int groupPerMinute) throws IOException {
        FakeBotApi api = new FakeBotApi(TOKEN);
        TelegramAdapter adapter = new TelegramAdapter(
                settings(api.url(), pacing, perSecond, chatPerSecond, groupPerMinute), responder, FAST);
        try {
            adapter.start();
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        return new TelegramTestBot(api, adapter);
    }

    static TelegramSettings settings(String url, boolean pacing, double perSecond, double chatPerSecond,
            int groupPerMinute) {
        return new TelegramSettings(true, new Secret(TOKEN), url, 5, pacing, perSecond, chatPerSecond,
                groupPerMinute);
    }

    @Override
    public void close() {
        adapter.close();
        api.close();
    }
}
