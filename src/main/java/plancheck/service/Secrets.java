package plancheck.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Random secrets for sessions and tokens, their stored hashes, and password hashing. Session and token secrets are
 * 256 random bits, so one SHA-256 suffices to store them; passwords are people's, so they get Argon2id.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Argon2id with the parameters Spring Security recommends (16 MiB, 2 passes, 1 lane). */
    private static final Argon2PasswordEncoder PASSWORDS = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against when a login names no account, so that a refusal takes as long either way. */
    private static final String DUMMY = PASSWORDS.encode("no such account");

    private Secrets() {
    }

    /** A new secret: {@code prefix} and 32 random bytes, base64url. */
    static String secret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short random id for a credential, shown in lists and used to revoke it. */
    static String id() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hashPassword(String password) {
        return PASSWORDS.encode(password);
    }

    /** Whether the password matches; with no stored hash it still spends the time of a check. */
    static boolean passwordMatches(String password, String hash) {
        if (hash == null) {
            PASSWORDS.matches(password, DUMMY);
            return false;
        }
        return PASSWORDS.matches(password, hash);
    }
}
