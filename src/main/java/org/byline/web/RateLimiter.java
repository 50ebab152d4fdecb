package org.byline.web;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window limit per key (e.g. "login:127.0.0.1"). Kept in this instance's memory:
 * with several instances a client gets at most N times the limit, which still stops floods.
 */
public final class RateLimiter {
    private final int maxEvents;
    private final long windowMillis;
    private final boolean enabled;
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    public RateLimiter(int maxEvents, long windowMillis, boolean enabled, Clock clock) {
        this.maxEvents = maxEvents;
        this.windowMillis = windowMillis;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** Records an attempt for {@code key}; returns false when the key is over its limit. */
    public boolean tryAcquire(String key) {
        return count(key, true);
    }

    /** True when {@code key} is at its limit, without counting this look. */
    public boolean isOver(String key) {
        return !count(key, false);
    }

    /** Counts an event (e.g. a failed sign-in) against {@code key}, whatever the count already is. */
    public void record(String key) {
        if (enabled) {
            Deque<Long> times = events.computeIfAbsent(bounded(key), k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(clock.millis());
            }
        }
    }

    private static String bounded(String key) {
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private boolean count(String key, boolean add) {
        if (!enabled) {
            return true;
        }
        long now = clock.millis();
        Deque<Long> times = events.computeIfAbsent(bounded(key), k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.pollFirst();
            }
            if (times.size() >= maxEvents) {
                return false;
            }
            if (add) {
                times.addLast(now);
            }
        }
        if (events.size() > 100_000) {
            forgetIdle(now);
        }
        return true;
    }

    public long windowSeconds() {
        return windowMillis / 1000;
    }

    private void forgetIdle(long now) {
        events.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().peekLast();
                return last == null || last <= now - windowMillis;
            }
        });
    }
}
