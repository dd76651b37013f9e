package plancheck.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import plancheck.domain.Commitment;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Source;
import plancheck.domain.Stage;

/**
 * Made-up commitments of every kind and their results (all flagged sample), spread over districts, for the
 * benchmark and for comparing partitionings. Deterministic for a seed.
 */
public final class Workload {

    private static final String[] REAL = {"huaqiangbei", "fenghuang", "guanhu", "maluan"};
    private static final Kind[] KINDS = {Kind.AT_LEAST, Kind.AT_LEAST, Kind.AT_LEAST, Kind.AT_LEAST, Kind.AT_MOST,
            Kind.EXACT, Kind.RANGE, Kind.MILESTONE, Kind.MILESTONE, Kind.BINARY, Kind.ONGOING};
    private static final Source SOURCE = new Source("sample", "二、2025年工作计划", "sample");
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

    public final List<Commitment> commitments;
    public final List<Result> results;

    private Workload(List<Commitment> commitments, List<Result> results) {
        this.commitments = commitments;
        this.results = results;
    }

    /**
     * @param n                    commitments
     * @param districts            how many districts they are spread over
     * @param resultsPerCommitment results for each, dated in the first half of 2025 (some may go down)
     */
    public static Workload generate(int n, int districts, int resultsPerCommitment, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = new String[districts];
        for (int d = 0; d < districts; d++) {
            names[d] = (d < REAL.length ? REAL[d] : "district-" + d).intern();
        }
        Map<Stage, LocalDate> plan = new EnumMap<>(Stage.class);
        plan.put(Stage.STARTED, LocalDate.of(2025, 3, 31));
        plan.put(Stage.TOPPED_OUT, LocalDate.of(2025, 9, 30));
        plan = Map.copyOf(plan);
        List<Commitment> commitments = new ArrayList<>(n);
        List<Result> results = new ArrayList<>(n * resultsPerCommitment);
        for (int i = 0; i < n; i++) {
            String id = "c" + i;
            String district = names[random.nextInt(districts)];
            Kind kind = KINDS[random.nextInt(KINDS.length)];
            double target = 10 + random.nextInt(1000);
            Double baseline = kind == Kind.AT_LEAST && random.nextInt(4) == 0 ? target / 2 : null;
            Stage stage = kind == Kind.MILESTONE ? Stage.values()[1 + random.nextInt(5)] : null;
            commitments.add(new Commitment(id, district, district, 2025, "sample", "新增托位" + i + "个以上", kind,
                    "childcare_places", "个", kind.numeric() ? target : null, kind == Kind.RANGE ? target * 1.2 : null,
                    baseline, null, stage, kind == Kind.MILESTONE && random.nextBoolean() ? plan : null, null, null,
                    Firmness.FIRM, null, null, SOURCE, List.of(), 1));
            for (int r = 0; r < resultsPerCommitment; r++) {
                LocalDate asOf = JAN_1.plusDays(random.nextInt(181));
                results.add(result(id, kind, target, stage, asOf, random));
            }
        }
        return new Workload(commitments, results);
    }

    /** A made-up result of a commitment of {@code kind}. */
    public static Result result(String id, Kind kind, double target, Stage targetStage, LocalDate asOf,
                                SplittableRandom random) {
        return switch (kind) {
            case MILESTONE -> new Result(null, id, null, Stage.values()[random.nextInt(targetStage.ordinal() + 1)],
                    null, asOf, "sample", null, null, true);
            case BINARY -> new Result(null, id, null, null, random.nextBoolean(), asOf, "sample", null, null, true);
            default -> new Result(null, id, Math.floor(random.nextDouble() * target * 1.3), null, null, asOf, "sample",
                    null, null, true);
        };
    }
}
