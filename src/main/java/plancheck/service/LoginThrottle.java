package plancheck.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts refused logins per account and per address over a sliding window; beyond the limit further attempts are
 * refused before the password is even checked, so guessing is slow and cannot load the server with hashing.
 */
final class LoginThrottle {

    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** Refuses with the time to wait when either key is over its limit. */
    void check(String login, String address) {
        long wait = Math.max(waitFor("login:" + login, perAccount), waitFor("address:" + address, perAddress));
        if (wait > 0) {
            throw new Rejected.Throttled("too many refused logins for this account or address", wait);
        }
    }

    void failed(String login, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {"login:" + login, "address:" + address}) {
            failures.compute(key, (k, q) -> {
                Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
                synchronized (d) {
                    d.addLast(now);
                }
                return d;
            });
        }
    }

    void succeeded(String login) {
        failures.remove("login:" + login);
    }

    private long waitFor(String key, int limit) {
        Instant now = clock.instant();
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
                d.pollFirst();
            }
            if (d.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, d.peekFirst().plus(window)).toSeconds());
        }
    }
}
