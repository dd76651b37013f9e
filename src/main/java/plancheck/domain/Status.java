package plancheck.domain;

/** Where a commitment stands, with the word a 督办 officer uses for it. */
public enum Status {
    EXCEEDED("超额完成"),
    ACHIEVED("已完成"),
    BASICALLY_ACHIEVED("基本完成"),
    ON_TRACK("序时推进"),
    BEHIND("进度滞后"),
    MISSED("未完成"),
    NO_DATA("未报送"),
    ONGOING("长期坚持");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
