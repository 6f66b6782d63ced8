package dev.careerbot.channel;

/**
 * The ids of the updates a platform may deliver again that the bot has already answered, so a
 * redelivered one is not answered twice. Telegram redelivers every update it has not seen
 * confirmed; after a crash or a stop that is the tail the bot was working on, part of which it had
 * answered. {@link AnsweredIdsFile} keeps them in a small file in the data folder; a store shared
 * by several instances implements the same interface. Thread-safe.
 */
public interface AnsweredIds extends AutoCloseable {

    /** True when the update with this id was answered. */
    boolean contains(long id);

    /** Remembers that the update with this id is answered; it survives a crash of the process. */
    void add(long id);

    /**
     * The platform will never deliver ids below {@code id} again (they are confirmed), so they may
     * be forgotten.
     */
    void forgetBelow(long id);

    @Override
    void close();

    /** Kept in memory only: a restart forgets them. For tests and tools. */
    static AnsweredIds inMemory() {
        return new AnsweredIdsInMemory();
    }
}
