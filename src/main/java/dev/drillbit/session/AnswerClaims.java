package dev.drillbit.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * One answer per showing, where no session keeps the answers (a review card, identified by member, card
 * and when it was shown): the first {@link #claim} of a key wins until it is {@link #release}d (its answer
 * could not be recorded) or forgotten {@code keep} after the claim, measured by the injected
 * {@link Ticker}. Bounded in size. Thread-safe.
 *
 * @param <K> what is answered once, a value with equals and hashCode
 */
public final class AnswerClaims<K> {
    private final Cache<K, Boolean> claimed;

    /**
     * @param keep how long a claim holds; longer than a showing stays answerable
     * @param maxClaims how many claims are kept at most; the oldest go first
     */
    public AnswerClaims(Duration keep, long maxClaims, Ticker ticker) {
        this.claimed = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfterWrite(keep)
                .maximumSize(maxClaims)
                .build();
    }

    /** Claims {@code key}; false when it is already claimed. */
    public boolean claim(K key) {
        return claimed.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Gives the claim back, so that {@code key} may be answered again. */
    public void release(K key) {
        claimed.invalidate(key);
    }
}
