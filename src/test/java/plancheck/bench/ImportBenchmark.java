package plancheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import plancheck.ingest.GoldScore;
import plancheck.ingest.ImportReport;
import plancheck.ingest.MetricVocabulary;
import plancheck.ingest.ReportImporter;
import plancheck.ingest.SectionFinder;

/**
 * Report import benchmark: precision / recall / F1 against the gold labels per document and kind, then the time to
 * import 1 MB of report text. Run from the repository root:
 * {@code mvn -o -q test-compile exec:java -Dexec.mainClass=plancheck.bench.ImportBenchmark -Dexec.classpathScope=test}
 */
public final class ImportBenchmark {

    private static final int ONE_MB = 1 << 20;

    public static void main(String[] args) {
        ReportImporter importer = new ReportImporter(MetricVocabulary.load());
        // "tuning" leaves out the held-out sets, so their output is not seen while the rules are changed
        boolean tuning = Arrays.asList(args).contains("tuning");
        quality(importer, tuning);
        if (!tuning) {
            speed(importer);
        }
    }

    private static void quality(ReportImporter importer, boolean tuning) {
        System.out.println("seeds (the rules were written reading them):");
        table(GoldScore.DOCUMENTS.stream().map(d -> GoldScore.score(importer, d)).toList());
        System.out.println("corpus of real reports from other places (labelled first, then used for tuning):");
        table(GoldScore.CORPUS.stream().map(d -> GoldScore.scoreCorpus(importer, d)).toList());
        if (tuning) {
            return;
        }
        System.out.println("constructed held-out (labelled before the importer ran on them):");
        table(GoldScore.HELD_OUT.stream().map(d -> GoldScore.scoreHeldOut(importer, d)).toList());
        System.out.println("real held-out (labelled first, never looked at while tuning):");
        table(GoldScore.HELD_OUT_CORPUS.stream().map(d -> GoldScore.scoreHeldOutCorpus(importer, d)).toList());
    }

    private static void table(List<GoldScore.DocumentScore> scores) {
        System.out.printf("%-36s %-13s %8s %8s %8s %9s %6s %6s%n", "document", "kind", "proposed", "labelled",
                "matched", "precision", "recall", "F1");
        for (GoldScore.DocumentScore s : scores) {
            s.groups().forEach((group, c) -> row(s.document(), group, c));
        }
        for (String group : GoldScore.GROUPS) {
            row("all", group, GoldScore.total(scores, group));
        }
        for (GoldScore.DocumentScore s : scores) {
            s.missed().forEach(m -> System.out.println("missed " + s.document() + ": " + m));
            s.extra().forEach(m -> System.out.println("extra  " + s.document() + ": " + m));
        }
    }

    private static void row(String document, String group, GoldScore.Counts c) {
        System.out.printf("%-36s %-13s %8d %8d %8d %9.3f %6.3f %6.3f%n", document, group, c.proposed(), c.labelled(),
                c.matched(), c.precision(), c.recall(), c.f1());
    }

    /** A report of 1 MB (UTF-8): the seeds' summary bodies under one summary heading, their plan bodies under one plan heading. */
    private static void speed(ReportImporter importer) {
        StringBuilder summary = new StringBuilder();
        StringBuilder plan = new StringBuilder();
        for (String d : GoldScore.DOCUMENTS) {
            String text = GoldScore.readSeed(d);
            SectionFinder.Sections s = SectionFinder.find(text);
            s.summary().ifPresent(x -> summary.append(text, x.start(), x.end()).append('\n'));
            s.plan().ifPresent(x -> plan.append(text, x.start(), x.end()).append('\n'));
        }
        StringBuilder report = new StringBuilder("一、2022年工作总结\n");
        while (bytes(report) < ONE_MB / 2) {
            report.append(summary);
        }
        report.append("二、2023年工作计划\n");
        while (bytes(report) < ONE_MB) {
            report.append(plan);
        }
        String text = report.toString();
        for (int i = 0; i < 5; i++) {
            importer.importText(text, null, "bench");
        }
        int runs = 10;
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ImportReport last = null;
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = importer.importText(text, null, "bench");
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        // wall time depends on what else runs on the machine; the thread's CPU time much less so
        System.out.printf("import of %d bytes (%d chars): median %.1f ms wall (%.1f ms CPU), max %.1f ms wall over %d"
                        + " runs (%d commitments, %d results proposed)%n", bytes(report), text.length(),
                nanos[runs / 2] / 1e6, cpu[runs / 2] / 1e6, nanos[runs - 1] / 1e6, runs, last.commitments().size(),
                last.results().size());
        // the worst shape: 1 MB with no punctuation at all, one endless clause unless reading caps it
        String flat = "二、2023年工作计划\n" + "推动甲大厦开工建设新增托位200个以上".repeat(ONE_MB / 60);
        long t0 = System.nanoTime();
        ImportReport r = importer.importText(flat, null, "bench");
        System.out.printf("import of %d bytes without punctuation: %.1f ms (%d commitments proposed)%n",
                flat.getBytes(StandardCharsets.UTF_8).length, (System.nanoTime() - t0) / 1e6, r.commitments().size());
    }

    private static int bytes(StringBuilder b) {
        return b.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
