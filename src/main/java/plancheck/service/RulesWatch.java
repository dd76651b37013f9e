package plancheck.service;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder and reloads once it has been quiet for {@link #QUIET_MS} after a change (an editor
 * writes a file in several steps). A broken edit is refused and logged with file:line; the rules in use stay.
 */
public final class RulesWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatch.class);
    static final long QUIET_MS = 500;

    private final WatchService watcher;
    private final Thread thread;

    private RulesWatch(Path dir, RulePolicy policy) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        registerAll(dir);
        this.thread = new Thread(() -> loop(dir, policy), "plancheck-rules-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching {@code dir} and its subfolders. */
    public static RulesWatch start(Path dir, RulePolicy policy) {
        try {
            return new RulesWatch(dir, policy);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void loop(Path dir, RulePolicy policy) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean changed = drain(key);
                // wait for the folder to be quiet before building
                WatchKey more;
                while ((more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(more);
                }
                if (changed) {
                    registerAll(dir);
                    reload(policy);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed
        } catch (IOException e) {
            LOG.error("the watch on {} stopped", dir, e);
        }
    }

    private static boolean drain(WatchKey key) {
        boolean any = !key.pollEvents().isEmpty();
        key.reset();
        return any;
    }

    private static void reload(RulePolicy policy) {
        try {
            RulePolicy.Reload r = policy.reload(plancheck.domain.Actor.system("watch"), false).join();
            LOG.info("rules {} ({} → {}, files {}, {} status change(s))", r.outcome(), r.previousRevision(),
                    r.revision(), r.filesChanged(), r.changes().size());
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Rejected refused) {
                LOG.warn("rules edit refused, the rules in use stay: {} {}", refused.getMessage(), refused.errors());
            } else {
                LOG.error("rules reload failed", cause);
            }
        }
    }

    private void registerAll(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        thread.interrupt();
    }
}
