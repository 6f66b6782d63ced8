package dev.careerbot.channel;

/**
 * A connection to one chat platform. It turns the platform's messages into
 * {@link dev.careerbot.message.InboundMessage}s, hands them to a
 * {@link dev.careerbot.message.Responder} and renders the replies.
 */
public interface ChatAdapter extends AutoCloseable {

    /** A short name for logs and health checks, for example {@code telegram}. */
    String name();

    /** Connects and starts answering; returns once the adapter is running. */
    void start();

    /** True while the adapter is connected to its platform. */
    boolean connected();

    /** What the health endpoint shows after "connected", such as the Discord shards run here; empty for nothing. */
    default String healthDetail() {
        return "";
    }

    /** Stops taking new messages, finishes those in flight and disconnects. */
    @Override
    void close();

    /**
     * How many messages the adapter had taken in but not answered when {@link #close()} gave up
     * on them; the platform delivers them again after a restart where it can (Telegram does).
     */
    default long unansweredAtClose() {
        return 0;
    }
}
