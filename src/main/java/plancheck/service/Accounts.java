package plancheck.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Grant;
import plancheck.domain.Role;
import plancheck.domain.User;
import plancheck.store.AccountStore;
import plancheck.store.AccountStore.Credential;
import plancheck.store.AuditStore;
import plancheck.store.Store;

/**
 * Accounts, logins, sessions and API tokens. Every change is written with its audit entry in one transaction on
 * the service's writer thread; credentials are looked up by the hash of their secret and kept in memory while
 * valid, so that checking one costs no database round trip.
 */
public final class Accounts {

    /** A new login session: the cookie's secret (given once), when it ends and how long it lasts. */
    public record Session(String secret, Instant expires, Duration length, Actor actor) {
    }

    /** A new API token: the secret is shown once and never again. */
    public record Issued(Credential token, String secret) {
    }

    /** Session length, login throttling and token lifetime. */
    public record Policy(Duration session, Duration throttleWindow, int failuresPerAccount, int failuresPerAddress,
            int maxTokenDays) {
        public static final Policy DEFAULT = new Policy(Duration.ofHours(12), Duration.ofMinutes(15), 5, 20, 366);
    }

    private record Known(Actor actor, Credential credential) {
    }

    private final Store store;
    private final AccountStore accounts;
    private final AuditTrail audit;
    private final Access access;
    private final Supplier<Districts> districts;
    private final Clock clock;
    private final Executor writer;
    private final Executor readers;
    private final Policy policy;
    private final LoginThrottle throttle;
    /** valid credentials by secret hash; dropped on revocation, expiry and any change of their user */
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /**
     * Moves on (on the writer thread, after the commit) with every change to users or credentials: a lookup that
     * read the database before such a change does not keep what it read.
     */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private static final int MAX_KNOWN = 100_000;

    Accounts(Store store, AuditTrail audit, Access access, Supplier<Districts> districts, Clock clock,
            Executor writer, Executor readers, Policy policy) {
        this.store = store;
        this.accounts = new AccountStore(store);
        this.audit = audit;
        this.access = access;
        this.districts = districts;
        this.clock = clock;
        this.writer = writer;
        this.readers = readers;
        this.policy = policy;
        this.throttle = new LoginThrottle(clock, policy.throttleWindow(), policy.failuresPerAccount(),
                policy.failuresPerAddress());
    }

    /** Accounts on their own, for the command line: work runs on the calling thread. */
    public static Accounts standalone(Store store, Clock clock) {
        Districts tree = Districts.load(new plancheck.store.DistrictStore(store));
        return new Accounts(store, new AuditTrail(new AuditStore(store), clock), new Access(() -> tree), () -> tree,
                clock, Runnable::run, Runnable::run, Policy.DEFAULT);
    }

    // ---- credentials ----

    /** The actor a session or token secret stands for; empty when it is unknown, revoked or expired. */
    public CompletableFuture<Optional<Actor>> authenticate(String secret) {
        String hash = Secrets.sha256(secret);
        Known k = known.get(hash);
        Instant now = clock.instant();
        if (k != null) {
            if (k.credential().validAt(now)) {
                return CompletableFuture.completedFuture(Optional.of(k.actor()));
            }
            known.remove(hash);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> lookup(hash, now), readers);
    }

    private Optional<Actor> lookup(String hash, Instant now) {
        long seen = generation.get();
        Optional<Credential> c = accounts.credentialBySecret(hash).filter(x -> x.validAt(now));
        Optional<AccountStore.StoredUser> u = c.flatMap(x -> accounts.user(x.login()))
                .filter(x -> !x.user().disabled());
        if (c.isEmpty() || u.isEmpty()) {
            return Optional.empty();
        }
        Actor actor = Actor.of(u.get().user());
        if (known.size() >= MAX_KNOWN) {
            known.values().removeIf(k -> !k.credential().validAt(now));
        }
        known.put(hash, new Known(actor, c.get()));
        if (generation.get() != seen) {
            // a change was committed while this was read: do not keep it (this answer is as of the read)
            known.remove(hash);
        }
        return Optional.of(actor);
    }

    /** After a committed change to users or credentials: forget what lookups read before it. */
    private void changed(java.util.function.Predicate<Known> affected) {
        generation.incrementAndGet();
        known.values().removeIf(affected);
    }

    /** Checks a password; answers a new session, or refuses (401) and logs the refusal, or throttles (429). */
    public CompletableFuture<Session> login(String login, String password, String address) {
        if (!AccountRules.isLogin(login)) {
            // not a name an account can have: refused before it can reach the throttle or the audit log
            return CompletableFuture.failedFuture(new Rejected.Unauthorized("login refused",
                    List.of(new FieldError("password", "wrong login or password"))));
        }
        LoginThrottle.Admission admission = throttle.admit(login, address);
        if (!admission.admitted()) {
            if (admission.log()) {
                write(() -> {
                    audit.append(AuditStore.Entry.of(clock.instant(), "anonymous", null, "session.throttled",
                            "session", login, null, address, null, null));
                    return null;
                });
            }
            return CompletableFuture.failedFuture(new Rejected.Throttled("too many refused logins for this account"
                    + " or address", admission.waitSeconds()));
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<AccountStore.StoredUser> u = accounts.user(login);
            boolean ok = Secrets.passwordMatches(password, u.map(AccountStore.StoredUser::passwordHash).orElse(null))
                    && !u.get().user().disabled();
            return ok ? u.get().user() : null;
        }, readers).thenComposeAsync(user -> {
            Instant now = clock.instant();
            if (user == null) {
                audit.append(AuditStore.Entry.of(now, "anonymous", null, "session.refused", "session", login, null,
                        address, null, null));
                throw new Rejected.Unauthorized("login refused", List.of(new FieldError("password",
                        "wrong login or password")));
            }
            throttle.succeeded(login);
            String secret = Secrets.secret("pcs_");
            Credential c = new Credential(Secrets.id(), Credential.Kind.SESSION, login, null, now,
                    now.plus(policy.session()), null);
            Actor actor = Actor.of(user);
            store.atomically(() -> {
                accounts.insert(c, Secrets.sha256(secret));
                audit.append(AuditStore.Entry.of(now, login, null, "session.create", "session", c.id(), null,
                        address, null, null));
                return null;
            });
            return CompletableFuture.completedFuture(new Session(secret, c.expiresAt(), policy.session(), actor));
        }, writer);
    }

    /** Ends the session whose secret this is. */
    public CompletableFuture<Void> logout(String secret, Actor actor) {
        return write(() -> {
            String hash = Secrets.sha256(secret);
            accounts.credentialBySecret(hash).ifPresent(c -> store.atomically(() -> {
                accounts.revoke(c.id(), clock.instant());
                audit.append(audit.entry(actor, null, "session.delete", "session", c.id(), null, null, null));
                return null;
            }));
            generation.incrementAndGet();
            known.remove(hash);
            return null;
        });
    }

    // ---- tokens ----

    /**
     * Mints an API token valid through {@code expires}; for another user only by an admin.
     *
     * @param forLogin null: the actor's own
     */
    public CompletableFuture<Issued> createToken(Actor actor, String name, LocalDate expires, String forLogin) {
        return write(() -> {
            String login = forLogin == null ? actor.login() : forLogin;
            List<FieldError> errors = new ArrayList<>();
            if (!login.equals(actor.login())) {
                requireAdmin(actor, "user");
                if (accounts.user(login).isEmpty()) {
                    errors.add(new FieldError("user", "no such user: " + login));
                }
            }
            if (name == null || name.isBlank() || name.length() > 100) {
                errors.add(new FieldError("name", "required, up to 100 characters: say what the token is for"));
            }
            LocalDate today = LocalDate.now(clock);
            if (expires == null || !expires.isAfter(today) || expires.isAfter(today.plusDays(policy.maxTokenDays()))) {
                errors.add(new FieldError("expires", "required: a date after today and at most "
                        + policy.maxTokenDays() + " days ahead"));
            }
            reject(errors);
            Instant now = clock.instant();
            String secret = Secrets.secret("pct_");
            Credential c = new Credential(Secrets.id(), Credential.Kind.TOKEN, login, name.strip(), now,
                    expires.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), null);
            store.atomically(() -> {
                accounts.insert(c, Secrets.sha256(secret));
                audit.append(audit.entry(actor, null, "token.create", "token", c.id(), null, null, c));
                return null;
            });
            return new Issued(c, secret);
        });
    }

    /** The actor's tokens, or (admin) another user's. */
    public CompletableFuture<List<Credential>> tokens(Actor actor, String login) {
        return CompletableFuture.supplyAsync(() -> {
            if (login != null && !login.equals(actor.login())) {
                requireAdmin(actor, "user");
            }
            return accounts.tokens(login == null ? actor.login() : login);
        }, readers);
    }

    /** Revokes a token: one's own, or any as an admin. */
    public CompletableFuture<Void> revokeToken(Actor actor, String id) {
        return write(() -> {
            Credential c = accounts.credential(id).filter(x -> x.kind() == Credential.Kind.TOKEN)
                    .filter(x -> x.login().equals(actor.login()) || actor.mayAnywhere(Action.ADMINISTER))
                    .orElseThrow(() -> new Rejected.NotFound("token", "id", id));
            if (c.revokedAt() == null) {
                Instant now = clock.instant();
                store.atomically(() -> {
                    accounts.revoke(id, now);
                    audit.append(audit.entry(actor, null, "token.revoke", "token", id, null, c,
                            new Credential(c.id(), c.kind(), c.login(), c.name(), c.createdAt(), c.expiresAt(), now)));
                    return null;
                });
                changed(k -> k.credential().id().equals(id));
            }
            return null;
        });
    }

    // ---- users ----

    public CompletableFuture<List<User>> users(Actor actor) {
        return CompletableFuture.supplyAsync(() -> {
            requireAdmin(actor, "");
            return accounts.users().stream().map(AccountStore.StoredUser::user).toList();
        }, readers);
    }

    /** Creates an account (admin only); {@code password} may be null for an account that uses tokens only. */
    public CompletableFuture<User> createUser(Actor actor, User user, String password) {
        return write(() -> {
            requireAdmin(actor, "");
            reject(AccountRules.user(user, password, true, districts.get()));
            String hash = password == null ? null : Secrets.hashPassword(password);
            store.atomically(() -> {
                if (!accounts.insert(user, hash, clock.instant())) {
                    throw new Rejected.Conflict("user " + user.login() + " exists",
                            List.of(new FieldError("login", "taken: " + user.login())));
                }
                audit.append(audit.entry(actor, Action.ADMINISTER, "user.create", "user", user.login(), null, null,
                        user));
                return null;
            });
            return user;
        });
    }

    /**
     * Changes an account (admin only): every argument that is null stays as it is.
     */
    public CompletableFuture<User> updateUser(Actor actor, String login, String displayName, List<Grant> grants,
            String password, Boolean disabled) {
        return write(() -> {
            requireAdmin(actor, "");
            User before = accounts.user(login).map(AccountStore.StoredUser::user)
                    .orElseThrow(() -> new Rejected.NotFound("user", "login", login));
            User after = new User(login, displayName == null ? before.displayName() : displayName,
                    grants == null ? before.grants() : grants, disabled == null ? before.disabled() : disabled);
            List<FieldError> errors = new ArrayList<>(AccountRules.user(after, password, false, districts.get()));
            if (login.equals(actor.login()) && (after.disabled() || after.grants().stream()
                    .noneMatch(g -> g.role() == Role.ADMIN))) {
                errors.add(new FieldError(after.disabled() ? "disabled" : "roles", "an admin cannot disable"
                        + " themselves or drop their own admin role: another admin must"));
            }
            reject(errors);
            String hash = password == null ? null : Secrets.hashPassword(password);
            Instant now = clock.instant();
            store.atomically(() -> {
                accounts.update(after, hash);
                if (hash != null) {
                    // a new password ends every session opened with the old one
                    accounts.revokeSessions(login, now);
                }
                audit.append(audit.entry(actor, Action.ADMINISTER, "user.update", "user", login, null, before,
                        new UserChange(after, hash != null)));
                return null;
            });
            changed(k -> k.actor().login().equals(login));
            return after;
        });
    }

    /** What the audit log keeps of a user change: the user after it, and whether the password was replaced. */
    record UserChange(User user, boolean passwordChanged) {
    }

    /** Creates the first account from the command line, with a token for it; the audit names the command line. */
    public Issued bootstrap(User user, String password, String tokenName, LocalDate expires) {
        Actor cli = Actor.system("command-line");
        createUser(cli, user, password).join();
        return createToken(cli, tokenName, expires, user.login()).join();
    }

    public boolean noUsers() {
        return accounts.noUsers();
    }

    private static void requireAdmin(Actor actor, String field) {
        if (!actor.mayAnywhere(Action.ADMINISTER)) {
            throw new Rejected.Forbidden(actor.login() + " is not an admin", List.of(new FieldError(field,
                    "only an admin may do this")));
        }
    }

    private <T> CompletableFuture<T> write(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, writer);
    }

    private static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }

}
