package plancheck.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Stage;

/**
 * Scores the importer against the hand-labelled commitments in {@code ingest/gold/}: a proposal matches a label when
 * kind, number and unit (quantities) or project and stage (milestones) agree and its quote holds the label's anchor.
 * Only quantitative and milestone commitments are scored.
 */
public final class GoldScore {

    /** Seeds with gold labels, by file stem. */
    public static final List<String> DOCUMENTS = List.of(
            "000_78664df261c6048e", "002_ae4d2cb886bd8760", "003_af213d65b87cb190", "004_fa4dcfe65d210400");
    /** Tests and the benchmark run from the repository root; the seeds sit beside it. */
    public static final Path SEEDS = Path.of("data", "seeds");

    /** One labelled commitment; owner is the 责任单位 the text names for it, when it names one. */
    public record Label(String anchor, Double number, String unit, Kind kind, String project, Stage stage,
                        String metric, String owner) {
    }

    private record GoldFile(Integer planYear, List<Label> commitments) {
    }

    /** Counts for one group of kinds. */
    public record Counts(int proposed, int labelled, int matched) {
        public double precision() {
            return proposed == 0 ? 1.0 : (double) matched / proposed;
        }

        public double recall() {
            return labelled == 0 ? 1.0 : (double) matched / labelled;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(proposed + o.proposed, labelled + o.labelled, matched + o.matched);
        }
    }

    /**
     * One document's score per group, with what was missed and what was wrongly proposed. The owner group counts the
     * labels that name an owner (labelled), the proposals matched to them that name one (proposed), and those whose
     * owner is the labelled one (matched).
     */
    public record DocumentScore(String document, Integer planYear, Integer expectedPlanYear, Map<String, Counts> groups,
                                List<String> missed, List<String> extra) {
    }

    public static final String QUANTITATIVE = "quantitative";
    public static final String MILESTONE = "milestone";
    public static final String OWNER = "owner";
    public static final List<String> GROUPS = List.of(QUANTITATIVE, MILESTONE, OWNER);

    /** Real reports from other places, labelled before the importer ran on them, in {@code ingest/corpus/}. */
    public static final List<String> CORPUS = List.of("cq-2025-minsheng", "jinfeng-2025-shixin",
            "fenghua-2025-progress-table", "dazhu-2016-task-table", "gaoming-2025-shishi", "bishan-2025-shishi",
            "qingpu-2024-district-report", "guandu-2023-midyear-execution", "guzhen-2024-county-report-review",
            // held out for one run, then tuned on: what they revealed was fixed
            "zhonglou-2021-task-table", "wenzhou-2025-shishi", "xian-2025-weimin-shishi", "linyi-2023-jiedao-plan",
            "zonghan-2023-jiedao-targets", "national-2025-government-report-targets",
            // the second round's held-out set, run once, then tuned on
            "chongming-2025-shishi", "longyou-2025-county-report-targets", "shunde-2024-shishi",
            "fenghua-2024-shishi-list", "hainan-county-2024-report-targets",
            // round three's first held-out set, run once (16:50), then tuned on
            "shexian-2025-shishi", "yancheng-2025-district-report-plan", "hubei-2025-government-report-targets",
            "fujian-2017-shishi", "lianjiang-2021-shishi-plan", "liaozhong-2024-task-table", "gangu-2020-shishi",
            // round three b's held-out set, run once (17:28), then tuned on
            "fangzheng-2025-shishi", "qiandongnan-shishi", "taiyuan-2017-district-plans", "jimunai-2025-projects",
            "chengbei-2021-old-estates",
            // round four's held-out set C, moved after round five's fixes
            "hunan-2025-development-plan", "guangxi-2017-education-projects", "jilin-2018-government-report-news",
            "neimenggu-2026-development-plan", "neimenggu-2025-government-report-projects",
            "jiujiang-2025-shishi-progress-table");
    /** Real reports kept aside: labelled first, never looked at while the rules were tuned, in {@code ingest/heldout-corpus/}. */
    public static final List<String> HELD_OUT_CORPUS = List.of("beijing-dongcheng-2025-government-report-plan",
            "tianjin-hongqiao-2025-government-report-plan", "tianjin-2025-minxin-projects",
            "beijing-daxing-2023-work-division", "lasa-2018-government-report-news");

    private GoldScore() {
    }

    public static String group(Kind kind) {
        return kind == Kind.MILESTONE ? MILESTONE : kind.numeric() ? QUANTITATIVE : null;
    }

    public static String readSeed(String stem) {
        try {
            return Files.readString(SEEDS.resolve(stem + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Constructed reports labelled before the importer ran on them, in {@code ingest/heldout/}. */
    public static final List<String> HELD_OUT = List.of("h1-district-government-report", "h2-livelihood-projects-list");

    public static DocumentScore score(ReportImporter importer, String stem) {
        return score(importer, stem, readSeed(stem), gold("/ingest/gold/" + stem + ".json"));
    }

    public static DocumentScore scoreHeldOut(ReportImporter importer, String name) {
        return score(importer, name, resource("/ingest/heldout/" + name + ".txt"),
                gold("/ingest/heldout/" + name + ".json"));
    }

    public static DocumentScore scoreCorpus(ReportImporter importer, String name) {
        return score(importer, name, resource("/ingest/corpus/" + name + ".txt"), gold("/ingest/corpus/" + name + ".json"));
    }

    public static DocumentScore scoreHeldOutCorpus(ReportImporter importer, String name) {
        return score(importer, name, resource("/ingest/heldout-corpus/" + name + ".txt"),
                gold("/ingest/heldout-corpus/" + name + ".json"));
    }

    private static DocumentScore score(ReportImporter importer, String stem, String text, GoldFile gold) {
        ImportReport report = importer.importText(text, null, stem + ".txt");
        List<CommitmentCandidate> proposed = report.commitments().stream()
                .filter(c -> group(c.commitment().kind()) != null).toList();
        List<Label> labels = gold.commitments().stream().filter(l -> group(l.kind()) != null).toList();
        boolean[] used = new boolean[proposed.size()];
        boolean[] found = new boolean[labels.size()];
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < proposed.size(); p++) {
                if (!used[p] && matches(labels.get(g), proposed.get(p))) {
                    used[p] = true;
                    found[g] = true;
                    break;
                }
            }
        }
        Map<String, Counts> groups = new LinkedHashMap<>();
        for (String group : List.of(QUANTITATIVE, MILESTONE)) {
            int prop = 0;
            int lab = 0;
            int hit = 0;
            for (int p = 0; p < proposed.size(); p++) {
                if (group.equals(group(proposed.get(p).commitment().kind()))) {
                    prop++;
                    hit += used[p] ? 1 : 0;
                }
            }
            for (Label l : labels) {
                lab += group.equals(group(l.kind())) ? 1 : 0;
            }
            groups.put(group, new Counts(prop, lab, hit));
        }
        groups.put(OWNER, owners(labels, proposed, used, found));
        List<String> missed = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            if (!found[g]) {
                missed.add(labels.get(g).toString());
            }
        }
        List<String> extra = new ArrayList<>();
        for (int p = 0; p < proposed.size(); p++) {
            if (!used[p]) {
                Commitment k = proposed.get(p).commitment();
                extra.add(k.kind() + " " + k.target() + " " + k.unit() + " " + k.stage() + " " + proposed.get(p).project()
                        + " | " + k.title() + " | owner " + k.owner());
            }
        }
        return new DocumentScore(stem, report.planYear(), gold.planYear(), groups, missed, extra);
    }

    private static Counts owners(List<Label> labels, List<CommitmentCandidate> proposed, boolean[] used, boolean[] found) {
        int labelled = 0;
        int named = 0;
        int right = 0;
        boolean[] taken = new boolean[proposed.size()];
        for (int g = 0; g < labels.size(); g++) {
            Label l = labels.get(g);
            if (l.owner() == null) {
                continue;
            }
            labelled++;
            for (int p = 0; p < proposed.size() && found[g]; p++) {
                if (used[p] && !taken[p] && matches(l, proposed.get(p))) {
                    taken[p] = true;
                    String owner = proposed.get(p).commitment().owner();
                    named += owner == null ? 0 : 1;
                    right += owner != null && owner.contains(l.owner()) ? 1 : 0;
                    break;
                }
            }
        }
        return new Counts(named, labelled, right);
    }

    public static Counts total(List<DocumentScore> scores, String group) {
        return scores.stream().map(s -> s.groups().get(group)).reduce(new Counts(0, 0, 0), Counts::plus);
    }

    private static boolean matches(Label l, CommitmentCandidate c) {
        Commitment k = c.commitment();
        if (k.kind() != l.kind() || !c.quote().contains(l.anchor())) {
            return false;
        }
        if (l.metric() != null && !l.metric().equals(k.metric())) {
            return false;
        }
        if (l.kind() == Kind.MILESTONE) {
            return c.project() != null && project(l.project()).equals(project(c.project())) && l.stage() == k.stage();
        }
        return k.target() != null && Math.abs(k.target() - l.number()) < 1e-9 && l.unit().equals(k.unit());
    }

    /** Full- and half-width brackets name the same road section. */
    private static String project(String name) {
        return name.replace('（', '(').replace('）', ')');
    }

    private static GoldFile gold(String resource) {
        try {
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(resource(resource), GoldFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = GoldScore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
