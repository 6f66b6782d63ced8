package dev.careerbot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Conversation contexts by session key, bounded in time and number: a context idle longer than
 * the expiry is forgotten, and beyond the maximum the least recently used goes first, so any
 * number of users fits in a fixed amount of memory. Thread-safe.
 */
final class SessionStore {

    private final Duration expiry;
    private final int maxSessions;
    private final LinkedHashMap<String, SessionContext> sessions;

    SessionStore(Duration expiry, int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, got " + maxSessions);
        }
        this.expiry = expiry;
        this.maxSessions = maxSessions;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true);
    }

    synchronized Optional<SessionContext> get(String key, Instant now) {
        evictExpired(now);
        return Optional.ofNullable(sessions.get(key));
    }

    synchronized void put(String key, SessionContext context) {
        sessions.put(key, context);
        evictExpired(context.lastSeen());
        while (sessions.size() > maxSessions) {
            Iterator<String> eldest = sessions.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    synchronized void remove(String key) {
        sessions.remove(key);
    }

    synchronized int size() {
        return sessions.size();
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, SessionContext>> eldestFirst = sessions.entrySet().iterator();
        while (eldestFirst.hasNext()) {
            Map.Entry<String, SessionContext> entry = eldestFirst.next();
            if (Duration.between(entry.getValue().lastSeen(), now).compareTo(expiry) <= 0) {
                break;
            }
            eldestFirst.remove();
        }
    }
}
