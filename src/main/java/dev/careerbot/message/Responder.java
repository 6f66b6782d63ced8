package dev.careerbot.message;

import java.util.List;
import java.util.Optional;

/**
 * The one thing an adapter talks to: give it a message, get the reply to send. Implementations
 * are thread-safe and never throw for any text a person may send.
 */
public interface Responder {

    /**
     * Answers one message.
     *
     * @return the reply to send, or empty when the bot deliberately stays silent (a message
     *     dropped by a rate limit, for example)
     */
    Optional<Reply> respond(InboundMessage message);

    /** The command table that platforms show as a menu. */
    List<CommandInfo> commands();
}
