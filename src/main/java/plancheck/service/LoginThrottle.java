package plancheck.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts login attempts per account and per address over a sliding window; beyond the limit further attempts are
 * refused before the password is even checked, so guessing is slow and cannot load the server with hashing. An
 * attempt counts from the moment it is let through (so parallel guesses count too) until it succeeds.
 */
final class LoginThrottle {

    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();
    /** when a throttled attempt was last logged, per key: one audit entry per window, not one per attempt */
    private final Map<String, Instant> logged = new HashMap<>();

    LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** What {@link #admit} decided: go ahead, or wait this many seconds (and whether to log the refusal). */
    record Admission(long waitSeconds, boolean log) {
        boolean admitted() {
            return waitSeconds == 0;
        }
    }

    /** Lets an attempt through and counts it, or refuses it with the time to wait. */
    synchronized Admission admit(String login, String address) {
        Instant now = clock.instant();
        String account = "login:" + login;
        String from = "address:" + address;
        long wait = Math.max(waitFor(account, perAccount, now), waitFor(from, perAddress, now));
        if (wait > 0) {
            Instant last = logged.get(account);
            boolean log = last == null || !last.plus(window).isAfter(now);
            if (log) {
                logged.put(account, now);
            }
            return new Admission(wait, log);
        }
        attempts.computeIfAbsent(account, k -> new ArrayDeque<>()).addLast(now);
        attempts.computeIfAbsent(from, k -> new ArrayDeque<>()).addLast(now);
        return new Admission(0, false);
    }

    /** A successful login clears the account's count (not the address's). */
    synchronized void succeeded(String login) {
        attempts.remove("login:" + login);
        logged.remove("login:" + login);
    }

    private long waitFor(String key, int limit, Instant now) {
        Deque<Instant> d = attempts.get(key);
        if (d == null) {
            return 0;
        }
        while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
            d.pollFirst();
        }
        if (d.isEmpty()) {
            // forget keys whose attempts have all aged out, so the map does not grow with every name tried
            attempts.remove(key);
            return 0;
        }
        return d.size() < limit ? 0 : Math.max(1, Duration.between(now, d.peekFirst().plus(window)).toSeconds());
    }
}
