package plancheck.ingest;

/**
 * How sure the importer is of a proposal, in one place: a starting value per kind of reading and what lowers it. A
 * planner sees the figure; it orders the proposals to check, it decides nothing.
 */
final class Confidence {

    /** A figure with a unit read from a clause. */
    static final double QUANTITY = 0.9;
    /** A project and its stage verb. */
    static final double MILESTONE = 0.85;
    /** A project's stage reported in a summary. */
    static final double MILESTONE_RESULT = 0.8;
    /** A task done or not (成立…, 出台…). */
    static final double BINARY = 0.6;
    /** A duty with no end (常态化, 长期坚持). */
    static final double ONGOING = 0.55;

    /** One of several items sharing one figure (三个100%, 各9000亩): which item is which is a reading. */
    static final double SHARED_FIGURE = 0.05;
    /** 约, 左右, 余: the tolerance is not stated. */
    static final double APPROXIMATE = 0.15;
    /** No metric of the vocabulary names what is counted. */
    static final double NO_METRIC = 0.25;

    private Confidence() {
    }

    /** A planned figure: lowered when several items share it, when it is approximate, when no metric names it. */
    static double plannedFigure(double sharedPenalty, boolean approximate, boolean hasMetric) {
        return round(QUANTITY - sharedPenalty - (approximate ? APPROXIMATE : 0) - (hasMetric ? 0 : NO_METRIC));
    }

    /** A figure reported as reached: lowered when approximate (a summary's figures always have a metric). */
    static double reportedFigure(boolean approximate) {
        return round(QUANTITY - (approximate ? APPROXIMATE : 0));
    }

    static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 100) / 100.0;
    }
}
