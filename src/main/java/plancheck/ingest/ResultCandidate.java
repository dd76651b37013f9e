package plancheck.ingest;

import java.util.List;

import plancheck.domain.Result;

/**
 * A result proposed from a report's summary section.
 *
 * @param result   the result as the API takes it; its commitmentId is set once linked to a stored commitment
 * @param district district id it reports on
 * @param year     the year it reports on (the summary year)
 * @param metric   metric key, for linking
 * @param unit     unit as written
 * @param project  MILESTONE: the project's name
 */
public record ResultCandidate(Result result, String district, int year, String metric, String unit, String project,
                              double confidence, Span span, String quote, List<String> notes) {

    public ResultCandidate linkedTo(String commitmentId, String note) {
        Result r = result;
        Result linked = new Result(r.id(), commitmentId, r.value(), r.stage(), r.done(), r.asOf(), r.reportedBy(),
                r.evidence(), r.note(), r.sample());
        List<String> n = note == null ? notes : java.util.stream.Stream.concat(notes.stream(), java.util.stream.Stream.of(note)).toList();
        return new ResultCandidate(linked, district, year, metric, unit, project, confidence, span, quote, n);
    }
}
