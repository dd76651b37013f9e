package plancheck.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Evidence;
import plancheck.domain.Explanation;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.domain.Status;
import plancheck.domain.Warning;
import plancheck.service.Scorecard;
import plancheck.service.Service;
import plancheck.store.Store;

/** The JSON shapes of the API that are not a domain fact as it is. */
final class Views {

    private Views() {
    }

    /** An evaluation with its status's Chinese label beside the code. */
    record EvaluationView(String commitmentId, Status status, String statusLabel, Double progress,
            Double expectedProgress, Double lag, LocalDate asOf, List<String> firedRules, Explanation explanation,
            List<Warning> warnings, String rulesetRevision, int commitmentRevision) {

        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.commitmentId(), e.status(), e.status().label(), e.progress(),
                    e.expectedProgress(), e.lag(), e.asOf(), e.firedRules(), e.explanation(), e.warnings(),
                    e.rulesetRevision(), e.commitmentRevision());
        }
    }

    /** What a client sends to report a result; the commitment comes from the path, the id from the store. */
    record ResultInput(Double value, Stage stage, Boolean done, LocalDate asOf, Evidence evidence,
            String note, Boolean sample, Long corrects, String reason) {

        /** The reporter is not given: it is who the credential says. */
        Result toResult(String commitmentId) {
            return new Result(null, commitmentId, value, stage, done, asOf, null, evidence, note,
                    Boolean.TRUE.equals(sample), corrects, reason, null);
        }
    }

    /** One result of a batch: a result with the commitment it belongs to. */
    record BatchResultInput(String commitmentId, Double value, Stage stage, Boolean done, LocalDate asOf,
            Evidence evidence, String note, Boolean sample, Long corrects, String reason) {

        Result toResult() {
            return new ResultInput(value, stage, done, asOf, evidence, note, sample, corrects, reason)
                    .toResult(commitmentId);
        }
    }

    /**
     * A result as listed: with the id of the result that corrects it, where one does (by the listing's date), and
     * its review: who decided, when, and why it was returned.
     */
    record ListedResult(Long id, String commitmentId, Double value, Stage stage, Boolean done, LocalDate asOf,
            String reportedBy, Evidence evidence, String note, boolean sample, Long corrects, String reason,
            plancheck.domain.Review review, Long correctedBy, String reviewedBy, Instant reviewedAt,
            String reviewReason) {

        /** The results described on or before {@code asOf} (null: all), each with its correction if listed. */
        static List<ListedResult> of(List<Result> results, Map<Long, Store.ReviewMark> marks, LocalDate asOf) {
            List<Result> shown = results.stream().filter(r -> asOf == null || !r.asOf().isAfter(asOf)).toList();
            Map<Long, Long> correctedBy = new java.util.HashMap<>();
            shown.stream().filter(r -> r.corrects() != null).forEach(r -> correctedBy.put(r.corrects(), r.id()));
            return shown.stream().map(r -> new ListedResult(r.id(), r.commitmentId(), r.value(), r.stage(), r.done(),
                    r.asOf(), r.reportedBy(), r.evidence(), r.note(), r.sample(), r.corrects(), r.reason(),
                    r.review(), correctedBy.get(r.id()), mark(marks, r).by(), mark(marks, r).at(),
                    mark(marks, r).reason())).toList();
        }

        private static Store.ReviewMark mark(Map<Long, Store.ReviewMark> marks, Result r) {
            return marks.getOrDefault(r.id(), NO_MARK);
        }
    }

    private static final Store.ReviewMark NO_MARK = new Store.ReviewMark(null, null, null, null);

    record Reported(Result result, EvaluationView evaluation) {
        static Reported of(Service.Reported r) {
            return new Reported(r.result(), EvaluationView.of(r.evaluation()));
        }
    }

    record Revisions(String commitmentId, Store.Retirement retired, List<Store.Revision> revisions) {
    }

    /** A scorecard with the filter it was computed for ({@code districts} sorted; absent filters left out). */
    record ScorecardView(LocalDate asOf, List<String> districts, Integer year, String category, String owner,
            String kind, String status, String warning, int total, Map<Status, Integer> byStatus,
            Map<Status, String> statusLabels, Double completionRate, Double onPaceRate,
            Map<String, Scorecard> byCategory, Map<String, Scorecard> byOwner, Map<String, String> formulas,
            Map<String, Scorecard> byDistrict, int unreviewed) {

        static ScorecardView of(Scorecard s, Service.Filter f) {
            return new ScorecardView(s.asOf(), f.districts() == null ? null : f.districts().stream().sorted().toList(),
                    f.year(), f.category(), f.owner(), f.kind() == null ? null : f.kind().name(),
                    f.status() == null ? null : f.status().name(), f.warning(), s.total(), s.byStatus(), LABELS,
                    s.completionRate(), s.onPaceRate(), s.byCategory(), s.byOwner(), s.formulas(),
                    s.byDistrict(), s.unreviewed());
        }
    }

    static final Map<Status, String> LABELS = Arrays.stream(Status.values())
            .collect(LinkedHashMap::new, (m, s) -> m.put(s, s.label()), Map::putAll);

    record Health(String status, String rulesetRevision, int commitments, LocalDate today, Instant time) {
    }

}
