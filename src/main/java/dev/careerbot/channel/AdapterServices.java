package dev.careerbot.channel;

import dev.careerbot.message.Platform;
import dev.careerbot.state.MemoryStateStore;
import dev.careerbot.storage.UserHasher;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;

/**
 * What {@code run} gives every adapter besides the responder.
 *
 * @param lostCalls told of every outbound call that did not get through, so it is counted
 * @param ids how user and chat ids appear in logs: the salted hash the unanswered log uses, never
 *     the id itself
 * @param answeredIds the memory of answered updates, by adapter name ({@code telegram})
 * @param firstDelivery true the first time a message key is offered: with a store shared by
 *     several instances (Telegram webhooks behind a load balancer) they agree on which one answers
 * @param shutdownGrace how long an adapter's close may answer what it holds before it gives up on
 *     the rest; shorter than the shutdown deadline so the count of what it left reaches the log
 */
public record AdapterServices(
        LostCalls lostCalls,
        LoggedIds ids,
        Function<String, AnsweredIds> answeredIds,
        FirstDelivery firstDelivery,
        Duration shutdownGrace) {

    public AdapterServices {
        Objects.requireNonNull(lostCalls, "lostCalls");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(answeredIds, "answeredIds");
        Objects.requireNonNull(firstDelivery, "firstDelivery");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    /** Counts a lost outbound call. */
    @FunctionalInterface
    public interface LostCalls {
        void lost(Platform platform, OutboundCall kind);
    }

    /** Remembers which message keys were taken on, for a day, in this process or across instances. */
    @FunctionalInterface
    public interface FirstDelivery {
        boolean first(String messageKey);
    }

    /** Stands in for a user or chat id in a log line. */
    @FunctionalInterface
    public interface LoggedIds {
        String of(Platform platform, String id);
    }

    /**
     * For an adapter run on its own (tests, tools): lost calls only logged, ids hashed with a salt
     * made up for this process, answered ids and delivered message keys kept in memory.
     */
    public static AdapterServices standalone(Duration shutdownGrace) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        UserHasher hasher = new UserHasher(HexFormat.of().formatHex(salt));
        MemoryStateStore delivered = new MemoryStateStore(1, System::nanoTime);
        return new AdapterServices((platform, kind) -> { }, hasher::shortHash, name -> AnsweredIds.inMemory(),
                key -> delivered.firstDelivery(key, Duration.ofHours(24)), shutdownGrace);
    }
}
