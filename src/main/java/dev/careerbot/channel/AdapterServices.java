package dev.careerbot.channel;

import dev.careerbot.message.Platform;
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
 * @param shutdownGrace how long an adapter's close may answer what it holds before it gives up on
 *     the rest; shorter than the shutdown deadline so the count of what it left reaches the log
 */
public record AdapterServices(
        LostCalls lostCalls,
        LoggedIds ids,
        Function<String, AnsweredIds> answeredIds,
        Duration shutdownGrace) {

    public AdapterServices {
        Objects.requireNonNull(lostCalls, "lostCalls");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(answeredIds, "answeredIds");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    /** Counts a lost outbound call. */
    @FunctionalInterface
    public interface LostCalls {
        void lost(Platform platform, OutboundCall kind);
    }

    /** Stands in for a user or chat id in a log line. */
    @FunctionalInterface
    public interface LoggedIds {
        String of(Platform platform, String id);
    }

    /**
     * For an adapter run on its own (tests, tools): lost calls only logged, ids hashed with a salt
     * made up for this process, answered ids kept in memory.
     */
    public static AdapterServices standalone(Duration shutdownGrace) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        UserHasher hasher = new UserHasher(HexFormat.of().formatHex(salt));
        return new AdapterServices((platform, kind) -> { }, hasher::shortHash, name -> AnsweredIds.inMemory(),
                shutdownGrace);
    }
}
