package dev.careerbot.channel.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent messages the bot has taken on, so a message that Telegram delivers
 * twice (a repeated update, or the same message under a new update id) is answered once.
 */
final class SeenMessages {

    private final Map<String, Boolean> seen;

    SeenMessages(int capacity) {
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time a key is offered, false for every repeat still remembered. */
    synchronized boolean firstTime(String key) {
        return seen.putIfAbsent(key, Boolean.TRUE) == null;
    }
}
