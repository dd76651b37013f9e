package plancheck.dataset;

/** The shipped data set cannot be read or does not validate; names the file and what is wrong. */
public final class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
