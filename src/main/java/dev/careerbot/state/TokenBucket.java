package dev.careerbot.state;

/**
 * One person's bucket: it holds up to {@code capacity} tokens, gains {@code tokensPerNano} a
 * nanosecond, and each message takes one. The first message without a token gets the notice;
 * later ones are dropped silently until the bucket has filled up again (the person slowed down),
 * even when a token trickles in meanwhile and lets one message through: a person who keeps
 * writing gets one notice, not one between every two answers. Not thread-safe; {@link
 * MemoryStateStore} guards it. {@code redis/take-token.lua} is the same rule for Redis, and
 * {@code StateStoreContract} holds both to it.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;
    private boolean noticeSent;

    TokenBucket(BucketRule rule, long now) {
        this.capacity = rule.burst();
        this.tokensPerNano = rule.perMinute() / 60e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    Allowance take(long now) {
        tokens = Math.min(capacity, tokens + Math.max(0, now - refilledAt) * tokensPerNano);
        refilledAt = now;
        if (tokens >= capacity) {
            noticeSent = false;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Allowance.ANSWER;
        }
        if (noticeSent) {
            return Allowance.DROP;
        }
        noticeSent = true;
        return Allowance.NOTICE;
    }

    boolean isFull(long now) {
        return tokens + Math.max(0, now - refilledAt) * tokensPerNano >= capacity;
    }
}
