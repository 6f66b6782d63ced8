package dev.careerbot.channel.telegram;

import dev.careerbot.config.TelegramSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps sends below Telegram's limits: about 30 messages a second overall, one a second to one
 * chat, 20 a minute to one group. Each send reserves the earliest moment that respects every
 * limit that applies to it and is told how long to wait for it (a generic cell rate algorithm per
 * limit: a steady rate with a small burst allowance). Reservations are made one after another,
 * so the sends of many chats share the overall rate fairly in the order they asked.
 */
final class SendPacer {

    private static final int REMEMBERED_CHATS = 10_000;

    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final Limit overall;
    private final long chatIntervalNanos;
    private final long groupIntervalNanos;
    private final int groupBurst;
    private final Map<Long, Limit> chats = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Limit> eldest) {
            return size() > REMEMBERED_CHATS;
        }
    };
    private final Map<Long, Limit> groups = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Limit> eldest) {
            return size() > REMEMBERED_CHATS;
        }
    };

    /** Paces by the settings' rates, which the config loader checked are above 0. */
    SendPacer(TelegramSettings settings, LongSupplier nanoClock) {
        this.enabled = settings.pacing();
        this.nanoClock = nanoClock;
        long second = Duration.ofSeconds(1).toNanos();
        this.overall = new Limit(
                (long) (second / Math.max(settings.messagesPerSecond(), 1e-9)),
                Math.max(1, (int) settings.messagesPerSecond()));
        this.chatIntervalNanos = (long) (second / Math.max(settings.chatMessagesPerSecond(), 1e-9));
        this.groupIntervalNanos = Duration.ofMinutes(1).toNanos() / Math.max(settings.groupMessagesPerMinute(), 1);
        this.groupBurst = Math.max(1, settings.groupMessagesPerMinute());
    }

    /**
     * Reserves a send to a chat and says how long to wait before making it; zero when it may go
     * now or pacing is off.
     */
    synchronized Duration reserve(long chatId, boolean group) {
        if (!enabled) {
            return Duration.ZERO;
        }
        long now = nanoClock.getAsLong();
        Limit chat = chats.computeIfAbsent(chatId, id -> new Limit(chatIntervalNanos, 1));
        long overallAt = Math.max(now, overall.earliest(now));
        long at = Math.max(overallAt, chat.earliest(now));
        Limit groupLimit = null;
        if (group) {
            groupLimit = groups.computeIfAbsent(chatId, id -> new Limit(groupIntervalNanos, groupBurst));
            at = Math.max(at, groupLimit.earliest(now));
        }
        // The overall budget is charged when it allows the send, not when the chat's own limit
        // lets it go: a chat waiting its turn must not hold up every other chat.
        overall.take(overallAt);
        chat.take(at);
        if (groupLimit != null) {
            groupLimit.take(at);
        }
        return Duration.ofNanos(at - now);
    }

    /** One rate: sends at most every {@code interval} on average, up to {@code burst} at once. */
    private static final class Limit {
        private final long interval;
        private final long tolerance;
        private long theoreticalArrival = Long.MIN_VALUE;

        Limit(long interval, int burst) {
            this.interval = interval;
            this.tolerance = interval * (burst - 1L);
        }

        long earliest(long now) {
            return theoreticalArrival == Long.MIN_VALUE ? now : theoreticalArrival - tolerance;
        }

        void take(long at) {
            long base = theoreticalArrival == Long.MIN_VALUE ? at : Math.max(theoreticalArrival, at);
            theoreticalArrival = base + interval;
        }
    }
}
