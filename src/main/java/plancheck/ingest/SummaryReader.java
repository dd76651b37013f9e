package plancheck.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import plancheck.domain.Evidence;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.ingest.MetricVocabulary.Metric;

/** Reads a summary section into proposed results: figures of known metrics and projects' stages. */
final class SummaryReader extends SectionReader<ResultCandidate> {

    SummaryReader(MetricVocabulary vocabulary, NormalizedText nt, Section section, Districts.District district,
                  String document, List<Skipped> skipped) {
        super(vocabulary, nt, section, district, document, skipped);
    }

    List<ResultCandidate> results() {
        List<ResultCandidate> out = new ArrayList<>();
        for (Clause clause : ClauseSplitter.split(nt.text(), from, to)) {
            Set<String> reasons = new LinkedHashSet<>();
            int before = out.size();
            read(clause, out, reasons);
            if (out.size() == before) {
                reasons.forEach(r -> skip(clause, r));
            }
        }
        return out;
    }

    @Override
    boolean needsMetric() {
        return true;
    }

    @Override
    void figure(Clause clause, Quantity q, Metric metric, String title, double penalty, List<ResultCandidate> out) {
        List<String> notes = new ArrayList<>();
        double confidence = Confidence.reportedFigure(q.approximate());
        if (q.approximate()) {
            notes.add("approximate figure (约/余/多)");
        }
        String unit = q.unit() != null ? q.unit() : metric.unit();
        out.add(result(clause, q.value(), null, metric.key(), unit, null, confidence, notes));
    }

    @Override
    void milestone(Clause clause, Milestone m, String stageMetric, List<ResultCandidate> out) {
        out.add(result(clause, null, m.stage(), stageMetric, null, m.project(), Confidence.MILESTONE_RESULT,
                new ArrayList<>()));
    }

    private ResultCandidate result(Clause clause, Double value, Stage stage, String metric, String unit,
                                   String project, double confidence, List<String> notes) {
        int year = section.year();
        Result r = new Result(null, null, value, stage, null, LocalDate.of(year, 12, 31), null,
                new Evidence(document, quote(clause)), "from the report's summary of " + year, false);
        return new ResultCandidate(r, district.id(), year, metric, unit, project, Confidence.round(confidence),
                span(clause), quote(clause), notes);
    }
}
