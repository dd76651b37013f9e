package plancheck.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of an import, shared by the HTTP API and the command line: each candidate is the API's commitment (or
 * result) with {@code confidence}, {@code span}, {@code quote} and {@code notes} beside its fields.
 */
public final class ImportJson {

    private ImportJson() {
    }

    /** @param mapper the API's mapper, so dates and numbers read as everywhere else */
    public static ObjectNode tree(ImportReport report, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        out.putPOJO("planYear", report.planYear());
        out.putPOJO("summaryYear", report.summaryYear());
        if (report.planSection() != null) {
            out.put("planSection", report.planSection());
        }
        if (report.summarySection() != null) {
            out.put("summarySection", report.summarySection());
        }
        ArrayNode commitments = out.putArray("commitments");
        for (CommitmentCandidate c : report.commitments()) {
            ObjectNode n = mapper.valueToTree(c.commitment());
            if (c.project() != null) {
                n.put("project", c.project());
            }
            candidate(n, c.confidence(), c.span(), c.quote(), c.notes(), mapper);
            commitments.add(n);
        }
        ArrayNode results = out.putArray("results");
        for (ResultCandidate r : report.results()) {
            ObjectNode n = mapper.valueToTree(r.result());
            n.put("district", r.district());
            n.put("year", r.year());
            n.put("metric", r.metric());
            if (r.unit() != null) {
                n.put("unit", r.unit());
            }
            if (r.project() != null) {
                n.put("project", r.project());
            }
            candidate(n, r.confidence(), r.span(), r.quote(), r.notes(), mapper);
            results.add(n);
        }
        out.set("skipped", mapper.valueToTree(report.skipped()));
        return out;
    }

    private static void candidate(ObjectNode n, double confidence, Span span, String quote,
                                  java.util.List<String> notes, ObjectMapper mapper) {
        n.put("confidence", confidence);
        n.set("span", mapper.valueToTree(span));
        n.put("quote", quote);
        n.set("notes", mapper.valueToTree(notes));
    }
}
