package dev.careerbot.ratelimit;

/**
 * One person's bucket: it holds up to {@code capacity} tokens, gains {@code tokensPerNano} a
 * nanosecond, and each message takes one. The first message without a token gets the notice;
 * later ones are dropped silently until the bucket has filled up again (the person slowed down),
 * even when a token trickles in meanwhile and lets one message through: a person who keeps
 * writing gets one notice, not one between every two answers. Not thread-safe; {@link RateLimiter}
 * guards it.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;
    private boolean noticeSent;

    TokenBucket(double capacity, double tokensPerNano, long now) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerNano;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    Verdict take(long now) {
        tokens = Math.min(capacity, tokens + Math.max(0, now - refilledAt) * tokensPerNano);
        refilledAt = now;
        if (tokens >= capacity) {
            noticeSent = false;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ANSWER;
        }
        if (noticeSent) {
            return Verdict.DROP;
        }
        noticeSent = true;
        return Verdict.NOTICE;
    }

    boolean isFull(long now) {
        return tokens + Math.max(0, now - refilledAt) * tokensPerNano >= capacity;
    }
}
