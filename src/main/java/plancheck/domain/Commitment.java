package plancheck.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One checkable promise of a work report's plan section, e.g. 新增托位200个以上.
 *
 * @param id            stable key
 * @param district      district id, e.g. "guanhu"
 * @param districtName  e.g. 观湖街道
 * @param year          the plan year
 * @param category      the plan's heading or theme the commitment belongs to
 * @param title         the original Chinese text of the commitment
 * @param kind          how it is measured
 * @param metric        key from the metric vocabulary (data/metrics.json)
 * @param unit          个, 套, 公里, %, ...
 * @param target        the number to reach (numeric kinds); the lower bound for RANGE
 * @param targetMax     upper bound for RANGE
 * @param baseline      the level progress starts from, for targets that are a level (总托位达到…); null = 0
 * @param prior         the preceding period's figure of the same metric, for context
 * @param stage         MILESTONE: the stage to reach
 * @param plannedStages MILESTONE: optional date by which each stage is planned
 * @param start         start of the period; default 1 January of {@code year}
 * @param deadline      end of the period; default 31 December of {@code year}; none for ONGOING
 * @param firmness      FIRM, or STRIVE for 力争/争创/努力
 * @param owner         责任单位
 * @param lead          牵头领导
 * @param source        where the commitment was written
 * @param assumed       names of the fields the source does not state (filled by defaults or by hand)
 * @param revision      1 for the first version, +1 on every change
 * @param cadence       how often it is reported on; null: the reminder policy's default
 */
public record Commitment(
        String id,
        String district,
        String districtName,
        int year,
        String category,
        String title,
        Kind kind,
        String metric,
        String unit,
        Double target,
        Double targetMax,
        Double baseline,
        Prior prior,
        Stage stage,
        Map<Stage, LocalDate> plannedStages,
        LocalDate start,
        LocalDate deadline,
        Firmness firmness,
        String owner,
        String lead,
        Source source,
        List<String> assumed,
        int revision,
        Cadence cadence) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public Commitment {
        plannedStages = plannedStages == null ? Map.of() : Map.copyOf(plannedStages);
        assumed = assumed == null ? List.of() : List.copyOf(assumed);
        firmness = firmness == null ? Firmness.FIRM : firmness;
    }

    /** A commitment with the reminder policy's default cadence. */
    public Commitment(String id, String district, String districtName, int year, String category, String title,
            Kind kind, String metric, String unit, Double target, Double targetMax, Double baseline, Prior prior,
            Stage stage, Map<Stage, LocalDate> plannedStages, LocalDate start, LocalDate deadline, Firmness firmness,
            String owner, String lead, Source source, List<String> assumed, int revision) {
        this(id, district, districtName, year, category, title, kind, metric, unit, target, targetMax, baseline, prior,
                stage, plannedStages, start, deadline, firmness, owner, lead, source, assumed, revision, null);
    }

    /** The start of the period: as given, else 1 January of the plan year. */
    public LocalDate effectiveStart() {
        return start != null ? start : LocalDate.of(year, 1, 1);
    }

    /** The deadline: as given, else 31 December of the plan year; null for ONGOING commitments. */
    public LocalDate effectiveDeadline() {
        if (deadline != null) {
            return deadline;
        }
        return kind == Kind.ONGOING ? null : LocalDate.of(year, 12, 31);
    }

    public Commitment withId(String newId) {
        return new Commitment(newId, district, districtName, year, category, title, kind, metric, unit, target,
                targetMax, baseline, prior, stage, plannedStages, start, deadline, firmness, owner, lead, source, assumed,
                revision, cadence);
    }

    public Commitment withRevision(int newRevision) {
        return new Commitment(id, district, districtName, year, category, title, kind, metric, unit, target,
                targetMax, baseline, prior, stage, plannedStages, start, deadline, firmness, owner, lead, source, assumed,
                newRevision, cadence);
    }
}
