package dev.careerbot.channel.telegram;

import dev.careerbot.channel.AdapterServices;
import dev.careerbot.channel.AnsweredIds;
import dev.careerbot.channel.OutboundCall;
import dev.careerbot.config.Secret;
import dev.careerbot.config.TelegramSettings;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Responder;
import dev.careerbot.storage.UserHasher;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake Bot API and a started adapter on it, for one test. */
final class TelegramTestBot implements AutoCloseable {

    static final String TOKEN = "123456789:AAHfakeTokenForTests-only_x1y2z3";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final TelegramAdapter.Tuning FAST = new TelegramAdapter.Tuning(
            Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5), 4, Duration.ofSeconds(5), 100);

    private static final UserHasher IDS = new UserHasher("salt-of-the-telegram-tests");

    final FakeBotApi api;
    final TelegramAdapter adapter;
    /** Every outbound call the adapter reported lost, in order. */
    final List<OutboundCall> lostCalls;

    private TelegramTestBot(FakeBotApi api, TelegramAdapter adapter, List<OutboundCall> lostCalls) {
        this.api = api;
        this.adapter = adapter;
        this.lostCalls = lostCalls;
    }

    /** What stands for this chat or user id in the adapter's log lines. */
    static String logId(long id) {
        return IDS.shortHash(Platform.TELEGRAM, Long.toString(id));
    }

    /** Services as run gives them, but the answered ids given here and lost calls collected into the list. */
    static AdapterServices services(AnsweredIds answered, List<OutboundCall> lostCalls) {
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        return new AdapterServices((platform, kind) -> lostCalls.add(kind), IDS::shortHash, name -> answered,
                delivered::add, FAST.shutdownGrace());
    }

    /** Pacing off, so tests run at full speed. */
    static TelegramTestBot start(Responder responder) throws IOException {
        return start(responder, false, 30, 1, 20);
    }

    static TelegramTestBot start(Responder responder, boolean pacing, double perSecond, double chatPerSecond,
            int groupPerMinute) throws IOException {
        FakeBotApi api = new FakeBotApi(TOKEN);
        List<OutboundCall> lost = new CopyOnWriteArrayList<>();
        TelegramAdapter adapter = new TelegramAdapter(settings(api.url(), pacing, perSecond, chatPerSecond,
                groupPerMinute), responder, services(AnsweredIds.inMemory(), lost), FAST);
        try {
            adapter.start();
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        return new TelegramTestBot(api, adapter, lost);
    }

    static TelegramSettings settings(String url, boolean pacing, double perSecond, double chatPerSecond,
            int groupPerMinute) {
        return new TelegramSettings(true, new Secret(TOKEN), TelegramSettings.ApiUrl.parse(url), 5, pacing, perSecond, chatPerSecond,
                groupPerMinute);
    }

    @Override
    public void close() {
        adapter.close();
        api.close();
    }
}
