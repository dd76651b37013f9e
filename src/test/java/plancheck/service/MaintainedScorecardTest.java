package plancheck.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import plancheck.Config;
import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.domain.District;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Source;
import plancheck.domain.Status;
import plancheck.engine.RuleBase;
import plancheck.engine.RuleSources;

/**
 * The scorecards kept up to date as evaluations change equal the ones computed from the evaluations, after random
 * sequences of results, revisions, retirements, rule reloads and moves of the date (fixed seeds).
 */
class MaintainedScorecardTest extends OnRealStore {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final Actor SYSTEM = Actor.system("test");
    private static final String[] DISTRICTS = {"shenzhen", "futian", "guangming", "longhua", "huaqiangbei",
        "fenghuang", "guanhu", "maluan", "demo"};
    private static final String[] CATEGORIES = {"民生", "城市建设", null};
    private static final String[] OWNERS = {"区住建局", "街道办", null};

    private final List<String> live = new ArrayList<>();
    private int created;

    @Test
    void givenRandomResultsRevisionsRetirementsAndReloads_whenScorecardsAreAsked_thenMaintainedEqualsRecomputed()
            throws Exception {
        SplittableRandom random = new SplittableRandom(14);
        RuleBase[] rules = rules();
        create(random, 40);
        assertSame();
        for (int step = 0; step < 200; step++) {
            int op = random.nextInt(20);
            if (op < 11) {
                report(random);
            } else if (op < 15) {
                revise(random);
            } else if (op < 17) {
                retire(random);
            } else if (op < 19) {
                create(random, 1 + random.nextInt(3));
            } else {
                engine.swap(rules[random.nextInt(rules.length)]).join();
            }
            if (step % 10 == 9) {
                assertSame();
            }
        }
        assertSame();
    }

    @Test
    void givenAMoveOfTheDateAndOfTheTree_whenScorecardsAreAsked_thenMaintainedEqualsRecomputed() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        create(random, 60);
        for (int i = 0; i < 80; i++) {
            report(random);
        }
        assertSame();
        // 序时进度 moves: the next day, the end of the year, past every deadline
        for (LocalDate day : List.of(TODAY.plusDays(1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 5))) {
            engine.setToday(day).join();
            assertSame();
        }
        // a district moves under another parent
        service.updateDistrict(new District("guanhu", "观湖街道", District.Level.街道, "futian"),
                SYSTEM).join();
        assertSame();
    }

    private void assertSame() {
        for (Service.Filter f : filters()) {
            Scorecard maintained = service.scorecard(f, null).join();
            Scorecard recomputed = service.computedScorecard(f, null).join();
            assertThat(maintained).as("filter %s", f).isEqualTo(recomputed);
        }
    }

    private static List<Service.Filter> filters() {
        List<Service.Filter> out = new ArrayList<>();
        out.add(Service.Filter.ALL);
        out.add(Service.Filter.of(null, 2025));
        for (String d : DISTRICTS) {
            out.add(Service.Filter.of(d, null));
            out.add(Service.Filter.of(d, 2024));
        }
        out.add(new Service.Filter(Set.of("futian", "guanhu"), 2025, null, null, null, null, null));
        out.add(new Service.Filter(Set.of("shenzhen", "fenghuang", "demo"), null, null, null, null, null, null));
        out.add(new Service.Filter(Set.of("longhua"), null, "民生", null, null, null, null));
        out.add(new Service.Filter(null, 2025, null, null, null, "区住建局", null));
        out.add(new Service.Filter(Set.of("shenzhen"), 2025, "城市建设", null, null, "街道办", null));
        out.add(new Service.Filter(null, null, null, null, Status.BEHIND, null, null));
        out.add(new Service.Filter(Set.of("guangming", "pingshan"), null, null, null, Status.NO_DATA, null, null));
        return out;
    }

    private void create(SplittableRandom random, int n) {
        List<Commitment> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "p" + created++;
            cs.add(commitment(id, random, 1));
            live.add(id);
        }
        service.createCommitments(cs, SYSTEM).join();
    }

    private void report(SplittableRandom random) {
        if (live.isEmpty()) {
            return;
        }
        String id = live.get(random.nextInt(live.size()));
        Commitment c = service.commitment(id).orElseThrow();
        LocalDate asOf = c.year() == 2025 ? TODAY.minusDays(random.nextInt(180))
                : LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28));
        service.report(new Result(null, id, (double) random.nextInt(300), null, null, asOf, "tester", null, null,
                true), SYSTEM).join();
    }

    private void revise(SplittableRandom random) {
        if (live.isEmpty()) {
            return;
        }
        String id = live.get(random.nextInt(live.size()));
        Commitment c = service.commitment(id).orElseThrow();
        service.reviseCommitment(id, commitment(id, random, c.revision()).withRevision(0), "重新核定", null, SYSTEM)
                .join();
    }

    private void retire(SplittableRandom random) {
        if (live.isEmpty()) {
            return;
        }
        String id = live.remove(random.nextInt(live.size()));
        service.retireCommitment(id, "合并", SYSTEM).join();
    }

    private static Commitment commitment(String id, SplittableRandom random, int revision) {
        int year = random.nextInt(4) == 0 ? 2024 : 2025;
        double target = 50 + random.nextInt(200);
        return new Commitment(id, DISTRICTS[random.nextInt(DISTRICTS.length)], null, year,
                CATEGORIES[random.nextInt(CATEGORIES.length)], "新增托位" + (int) target + "个以上", Kind.AT_LEAST,
                "childcare_places", "个", target, null, null, null, null, null, null,
                random.nextBoolean() ? LocalDate.of(year, 12, 31) : null, null, OWNERS[random.nextInt(OWNERS.length)],
                null, new Source("sample", "二、工作计划", "sample"), null, revision);
    }

    private static RuleBase[] rules() throws Exception {
        SortedMap<String, String> shipped = RuleSources.read(Config.defaults().rules());
        SortedMap<String, String> wide = new TreeMap<>(shipped);
        wide.computeIfPresent("plancheck/status/policy.drl", (k, v) -> v.replace("return 0.10;", "return 0.40;"));
        return new RuleBase[] {RuleBase.compile(shipped).orThrow(), RuleBase.compile(wide).orThrow()};
    }
}
