package dev.careerbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private static final Instant NOON = Instant.parse("2025-03-01T12:00:00Z");

    private static SessionContext about(String intent, Instant seen) {
        return new SessionContext(Optional.of(intent), Optional.empty(), Optional.empty(), seen);
    }

    @Test
    void forgetsAContextIdleLongerThanTheExpiry() {
        SessionStore store = new SessionStore(Duration.ofMinutes(30), 10);
        store.put("a", about("help", NOON));
        assertTrue(store.get("a", NOON.plus(Duration.ofMinutes(30))).isPresent());
        assertEquals(Optional.empty(), store.get("a", NOON.plus(Duration.ofMinutes(30)).plusSeconds(1)));
        assertEquals(0, store.size());
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondTheLimit() {
        SessionStore store = new SessionStore(Duration.ofMinutes(30), 2);
        store.put("a", about("help", NOON));
        store.put("b", about("help", NOON.plusSeconds(1)));
        store.get("a", NOON.plusSeconds(2));
        store.put("c", about("help", NOON.plusSeconds(3)));
        assertEquals(2, store.size());
        assertTrue(store.get("a", NOON.plusSeconds(4)).isPresent());
        assertEquals(Optional.empty(), store.get("b", NOON.plusSeconds(4)));
    }

    @Test
    void staysWithinItsLimitWhateverTheNumberOfPeople() {
        SessionStore store = new SessionStore(Duration.ofMinutes(30), 1000);
        for (int i = 0; i < 100_000; i++) {
            store.put("user-" + i, about("help", NOON.plusMillis(i)));
        }
        assertEquals(1000, store.size());
    }

    @Test
    void refusesALimitBelowOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new SessionStore(Duration.ofMinutes(1), 0));
    }
}
