package plancheck.dataset;

import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Result;

/**
 * One file of the data set: the commitments of one seed document's plan and the results the seeds report on them.
 *
 * @param document       the seed file the commitments are quoted from ("illustrative" for the demo scenario)
 * @param parentDistrict the 区 above the 街道
 * @param planYear       the year the plan is for
 */
public record DataFile(
        String document,
        String district,
        String districtName,
        String parentDistrict,
        int planYear,
        List<Commitment> commitments,
        List<Result> results) {

    public DataFile {
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        results = results == null ? List.of() : List.copyOf(results);
    }
}
