package plancheck.engine;

/** A result or request names a commitment the engine does not hold. */
public final class UnknownCommitmentException extends RuntimeException {

    private final String commitmentId;

    public UnknownCommitmentException(String commitmentId) {
        super("unknown commitment: " + commitmentId);
        this.commitmentId = commitmentId;
    }

    public String commitmentId() {
        return commitmentId;
    }
}
