package plancheck.ingest;

import plancheck.domain.Stage;

/**
 * A named project and the stage a clause says it will reach (or has reached), or a stage verb with no project.
 *
 * @param project  the project's name, null when rejected
 * @param stage    the stage its verb means
 * @param verb     the verb as written (竣工投产, 开工建设)
 * @param start    offset in the clause where the object and verb start
 * @param end      offset in the clause where they end
 * @param verbFirst true when the verb comes first (建成投用竞速小轮车场地)
 * @param rejected  why no commitment is proposed, or null
 */
public record Milestone(String project, Stage stage, String verb, int start, int end, boolean verbFirst,
                        String rejected) {
}
