package dev.careerbot.operations;

import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Responder;
import java.util.Optional;

/**
 * A chat adapter for tests: messages are handed in by the test instead of a platform, and the
 * connection state is whatever the test sets, so health checks can be watched as it flips.
 */
final class LoopbackAdapter implements ChatAdapter {

    private final String name;
    private final Responder responder;
    private volatile boolean connected;

    LoopbackAdapter(String name, Responder responder) {
        this.name = name;
        this.responder = responder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        connected = true;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    void disconnect() {
        connected = false;
    }

    /** What the bot replies to a message arriving on this adapter. */
    Optional<Reply> deliver(InboundMessage message) {
        return responder.respond(message);
    }

    @Override
    public void close() {
        connected = false;
    }
}
