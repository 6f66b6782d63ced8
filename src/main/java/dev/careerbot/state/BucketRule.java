package dev.careerbot.state;

/**
 * The rate limit of one person: {@code burst} messages in a row, then {@code perMinute} a minute.
 *
 * @param burst the bucket's capacity in messages
 * @param perMinute tokens that trickle in a minute
 */
public record BucketRule(int burst, double perMinute) {

    public BucketRule {
        if (burst < 1 || !(perMinute > 0)) {
            throw new IllegalArgumentException("a bucket needs burst >= 1 and per minute > 0, got " + burst
                    + " and " + perMinute);
        }
    }
}
