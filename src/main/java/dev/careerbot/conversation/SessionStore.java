package dev.careerbot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.careerbot.state.MemoryStateStore;
import dev.careerbot.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversation contexts by session key, bounded in time: a context idle longer than the expiry
 * is forgotten. They live in a {@link StateStore}: in this process ({@link MemoryStateStore},
 * which also bounds their number, the least recently used going first) or in Redis, shared by
 * every instance, the expiry then being the key's TTL. A context is kept as a little JSON object,
 * so that instances of different versions can still read each other's. Thread-safe.
 */
final class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration expiry;
    private final StateStore store;

    /** Contexts in this process, at most {@code maxSessions} of them. */
    SessionStore(Duration expiry, int maxSessions) {
        this(expiry, new MemoryStateStore(maxSessions, System::nanoTime));
    }

    SessionStore(Duration expiry, StateStore store) {
        this.expiry = expiry;
        this.store = store;
    }

    Optional<SessionContext> get(String key, Instant now) {
        return store.context(key, now).flatMap(SessionStore::decode);
    }

    void put(String key, SessionContext context) {
        store.keepContext(key, encode(context), context.lastSeen(), expiry);
    }

    void remove(String key) {
        store.forgetContext(key);
    }

    long size() {
        return store.contexts();
    }

    private static String encode(SessionContext context) {
        ObjectNode json = JSON.createObjectNode();
        context.lastIntent().ifPresent(intent -> json.put("intent", intent));
        context.subject().ifPresent(subject -> json.put("subject", subject));
        context.facet().ifPresent(facet -> json.put("facet", facet));
        json.put("seen", context.lastSeen().toEpochMilli());
        return json.toString();
    }

    /** A context that cannot be read (written by something else) is treated as none. */
    private static Optional<SessionContext> decode(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            return Optional.of(new SessionContext(optional(json, "intent"), optional(json, "subject"),
                    optional(json, "facet"), Instant.ofEpochMilli(json.path("seen").asLong())));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            log.warn("Ignored a conversation context that could not be read ({})", unreadable.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Optional<String> optional(JsonNode json, String field) {
        return json.hasNonNull(field) ? Optional.of(json.get(field).asText()) : Optional.empty();
    }
}
