package plancheck.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.engine.Engine;
import plancheck.engine.RuleBase;
import plancheck.engine.RuleSources;

/**
 * A reload while writers and readers keep calling the engine: prints how long the trial and the swap took, the
 * requests that failed, and the longest wait a writer and a reader saw (the pause clients see). Run by bench/reload.sh.
 *
 * <p>Arguments: commitments (default 100000), partitions (default: processors), reloads (default 3).
 */
public final class ReloadBench {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 2);

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : Engine.defaultPartitions();
        int reloads = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        TreeMap<String, String> narrow = new TreeMap<>(RuleSources.read(Path.of("rules")));
        TreeMap<String, String> wide = new TreeMap<>(narrow);
        wide.put(plancheck.engine.PolicySheet.PATH, plancheck.engine.PolicySheets.base64(
                plancheck.engine.PolicySheets.defaultsWith("onTrackTolerance", 0.40)));
        RuleBase[] bases = {RuleBase.compile(narrow).orThrow(), RuleBase.compile(wide).orThrow()};
        try (Engine engine = Engine.start(bases[0], partitions, clock)) {
            Workload w = Workload.generate(n, 40, 1, n);
            engine.load(w.commitments, w.results).join();
            List<Commitment> all = new ArrayList<>(engine.commitments());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger calls = new AtomicInteger();
            long[] longestWrite = new long[1];
            long[] longestRead = new long[1];
            Thread writer = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(1);
                while (!stop.get()) {
                    Commitment c = all.get(random.nextInt(all.size()));
                    Result r = Workload.result(c.id(), c.kind(), c.target() == null ? 100 : c.target(), c.stage(),
                            TODAY.minusDays(random.nextInt(30)), random);
                    long t0 = System.nanoTime();
                    try {
                        engine.report(r).join();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    longestWrite[0] = Math.max(longestWrite[0], System.nanoTime() - t0);
                    calls.incrementAndGet();
                }
            });
            Thread reader = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(2);
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    if (engine.evaluation(all.get(random.nextInt(all.size())).id()).isEmpty()) {
                        failed.incrementAndGet();
                    }
                    longestRead[0] = Math.max(longestRead[0], System.nanoTime() - t0);
                    calls.incrementAndGet();
                }
            });
            writer.start();
            reader.start();
            Thread.sleep(2000);
            longestWrite[0] = 0;
            longestRead[0] = 0;
            for (int i = 1; i <= reloads; i++) {
                RuleBase next = bases[i % 2];
                long t0 = System.nanoTime();
                int tried = engine.trial(next).join().size();
                long t1 = System.nanoTime();
                engine.swap(next).join();
                long t2 = System.nanoTime();
                System.out.printf("%,d commitments, reload %d: trial of %,d %.0f ms, swap %.0f ms%n", n, i, tried,
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6);
                Thread.sleep(500);
            }
            stop.set(true);
            writer.join();
            reader.join();
            System.out.printf("%,d commitments: %,d calls during %d reloads, %d failed; longest wait of a write %.1f ms,"
                    + " of a read %.1f ms%n", n, calls.get(), reloads, failed.get(), longestWrite[0] / 1e6,
                    longestRead[0] / 1e6);
            System.out.println("revision in use " + engine.ruleset().revision() + " of "
                    + Arrays.stream(bases).map(b -> b.ruleset().revision()).toList());
        }
    }
}
