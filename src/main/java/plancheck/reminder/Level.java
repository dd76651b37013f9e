package plancheck.reminder;

/** How urgent a reminder is, in the colours a 督办 office uses; later constants are more urgent. */
public enum Level {
    BLUE("蓝"),
    YELLOW("黄"),
    RED("红");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
