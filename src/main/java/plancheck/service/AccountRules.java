package plancheck.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import plancheck.domain.Grant;
import plancheck.domain.Role;
import plancheck.domain.User;

/** What an account must be: a login one can type, a name, known scopes, a password that is not trivially short. */
final class AccountRules {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    /** names plancheck itself acts under in the audit log; no account may take them */
    private static final Set<String> RESERVED = Set.of("anonymous", "public", "command-line", "system");

    /** Whether a login has the form of an account name (the only ones worth checking a password for). */
    static boolean isLogin(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    private AccountRules() {
    }

    static List<FieldError> user(User u, String password, boolean creating, Districts districts) {
        List<FieldError> errors = new ArrayList<>();
        if (creating && !isLogin(u.login())) {
            errors.add(new FieldError("login", "2 to 64 of a-z, 0-9, '.', '-', '_', starting with a letter or digit"));
        } else if (creating && RESERVED.contains(u.login())) {
            errors.add(new FieldError("login", "reserved: plancheck acts under this name itself"));
        }
        if (u.displayName() == null || u.displayName().isBlank() || u.displayName().length() > 100) {
            errors.add(new FieldError("displayName", "required, up to 100 characters"));
        }
        if (password != null && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            errors.add(new FieldError("password", "between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters"));
        }
        if (u.grants().isEmpty()) {
            errors.add(new FieldError("roles", "at least one role"));
        }
        Set<Grant> seen = new HashSet<>();
        for (int i = 0; i < u.grants().size(); i++) {
            Grant g = u.grants().get(i);
            String at = "roles[" + i + "]";
            if (g.role() == null) {
                errors.add(new FieldError(at + ".role", "required"));
            } else if (g.scope() == null && g.role() != Role.ADMIN) {
                errors.add(new FieldError(at + ".scope", "required: the district (subtree) the role applies to"));
            } else if (g.scope() != null && g.role() == Role.ADMIN) {
                errors.add(new FieldError(at + ".scope", "an admin holds everywhere: give no scope"));
            }
            if (g.scope() != null && districts.get(g.scope()).isEmpty()) {
                errors.add(new FieldError(at + ".scope", "unknown district: " + g.scope()));
            }
            if (!seen.add(g)) {
                errors.add(new FieldError(at, "repeated"));
            }
        }
        return errors;
    }
}
