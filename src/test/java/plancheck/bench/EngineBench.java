package plancheck.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.engine.Engine;

/**
 * Prints the rule base build time, then for each size: load-and-evaluate time and heap per commitment (each with
 * one result), and the latency from a result update to its fresh evaluation. Run by bench/engine.sh.
 *
 * <p>Arguments: sizes (comma separated, default 10000,100000,1000000), partitions (default: processors),
 * updates per size (default 50000).
 */
public final class EngineBench {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 2);

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : Engine.defaultPartitions();
        int updates = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        System.out.printf("java %s, %d processors, max heap %d MiB, partitions %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, partitions);

        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try (Engine e = Engine.start(Path.of("rules"), partitions, clock)) {
                System.out.printf("ruleset build + start: %.0f ms (run %d, %d rules)%n", ms(t0), i + 1,
                        e.ruleset().rules().size());
            }
        }

        for (int n : sizes) {
            try (Engine engine = Engine.start(Path.of("rules"), partitions, clock)) {
                long before = usedAfterGc();
                long g0 = System.nanoTime();
                Workload w = Workload.generate(n, 40, 1, n);
                double generate = ms(g0);
                long t0 = System.nanoTime();
                long cpu0 = cpuNanos();
                long gc0 = gcMillis();
                engine.load(w.commitments, w.results).join();
                double load = ms(t0);
                double cpu = (cpuNanos() - cpu0) / 1e6;
                long gc = gcMillis() - gc0;
                w = null;
                long after = usedAfterGc();
                System.out.printf("%,d commitments: load+evaluate %.0f ms wall, %.0f ms CPU of this process, "
                                + "GC %d ms (generating the input %.0f ms), heap %.0f MiB = %.0f bytes per commitment "
                                + "(input records included); load average %.1f%n", n, load, cpu, gc, generate,
                        (after - before) / 1048576.0, (after - before) / (double) n, loadAverage());
                latency(engine, n, updates);
            }
        }
    }

    /** Reports a new result for random commitments, one at a time, timing each until its evaluation is fresh. */
    private static void latency(Engine engine, int n, int updates) {
        List<Commitment> all = new ArrayList<>(engine.commitments());
        SplittableRandom random = new SplittableRandom(n);
        int warmup = Math.min(20_000, updates);
        long[] nanos = new long[updates];
        for (int i = -warmup; i < updates; i++) {
            Commitment c = all.get(random.nextInt(all.size()));
            Result r = Workload.result(c.id(), c.kind(), c.target() == null ? 100 : c.target(), c.stage(),
                    TODAY.minusDays(random.nextInt(30)), random);
            long t0 = System.nanoTime();
            engine.report(r).join();
            long t = System.nanoTime() - t0;
            if (i >= 0) {
                nanos[i] = t;
            }
        }
        Arrays.sort(nanos);
        print(n, "update to fresh evaluation", nanos);
        // reads: the evaluation of a random commitment from the index, rendered with its sentences
        for (int i = -warmup; i < updates; i++) {
            String id = all.get(random.nextInt(all.size())).id();
            long t0 = System.nanoTime();
            engine.evaluation(id).orElseThrow();
            long t = System.nanoTime() - t0;
            if (i >= 0) {
                nanos[i] = t;
            }
        }
        Arrays.sort(nanos);
        print(n, "read of an evaluation from the index", nanos);
    }

    private static void print(int n, String what, long[] nanos) {
        int updates = nanos.length;
        System.out.printf("%,d commitments: %s over %,d calls: p50 %.1f µs, "
                        + "p99 %.1f µs, p99.9 %.1f µs, max %.1f µs%n", n, what, updates, nanos[updates / 2] / 1e3,
                nanos[(int) (updates * 0.99)] / 1e3, nanos[(int) (updates * 0.999)] / 1e3,
                nanos[updates - 1] / 1e3);
    }

    /** Heap in use after full collections, once two in a row agree within 256 KiB. */
    private static long usedAfterGc() throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(50);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 256 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }

    /** CPU time of the whole process (all threads, GC included): what the load would take on idle cores. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
