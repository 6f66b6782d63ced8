package dev.careerbot.state;

/**
 * Whether the store works right now.
 *
 * @param kind {@code memory} or {@code redis}
 * @param degraded true while the shared store cannot be reached: the bot still answers, without
 *     shared context, dedupe or rate limits, until it is back
 * @param detail a line for the health endpoint, such as "redis at 127.0.0.1:6379 unreachable since ..."
 */
public record StoreHealth(String kind, boolean degraded, String detail) {

    public static StoreHealth working(String kind, String detail) {
        return new StoreHealth(kind, false, detail);
    }
}
