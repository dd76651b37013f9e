package plancheck.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.service.FieldError;
import plancheck.service.Rejected;
import plancheck.service.Service;
import plancheck.service.Validation;

/**
 * Puts the shipped data set into an empty store on first start, through the service like any other write. It is
 * never loaded over existing data: once anything is stored, a restart leaves the store as it is.
 */
public final class DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);
    /** Recorded as the author of every loaded commitment revision. */
    static final String AUTHOR = "plancheck data set";

    /** What a start-up load stored. */
    public record Loaded(int commitments, int results) {
        static final Loaded NOTHING = new Loaded(0, 0);
    }

    private DatasetLoader() {
    }

    /**
     * Loads the chosen parts of the data set if the store is empty; blocks until the engine has taken them in
     * (start-up code, off the event loop).
     *
     * @param reference the curated reference files (off with {@code serve --no-reference-data})
     * @param demo      the illustrative scenario, its dates moved onto the service's today ({@code serve --demo})
     * @throws DatasetException when a file does not read or does not validate (then nothing is stored), or the
     *                          service refuses it
     */
    public static Loaded loadIfEmpty(Service service, boolean reference, boolean demo) {
        if (!reference && !demo) {
            return Loaded.NOTHING;
        }
        if (!service.isEmpty()) {
            LOG.info("the store holds data: the data set is not loaded over it");
            return Loaded.NOTHING;
        }
        LocalDate today = service.today();
        List<DataFile> files = chosen(reference, demo, today);
        List<String> problems = problems(files, today);
        if (!problems.isEmpty()) {
            throw new DatasetException("the data set does not validate:\n" + String.join("\n", problems));
        }
        List<Commitment> commitments = files.stream().flatMap(f -> f.commitments().stream()).toList();
        List<Result> results = files.stream().flatMap(f -> f.results().stream()).toList();
        try {
            service.createCommitments(commitments, Actor.system(AUTHOR)).join();
            if (!results.isEmpty()) {
                service.reportAll(results, Actor.system(AUTHOR)).join();
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof Rejected r ? r.getMessage() + " " + r.errors() : String.valueOf(cause);
            throw new DatasetException("the service refused the data set: " + detail, cause);
        }
        LOG.info("data set loaded: {} commitments, {} results from {}", commitments.size(), results.size(),
                files.stream().map(DataFile::document).toList());
        return new Loaded(commitments.size(), results.size());
    }

    static List<DataFile> chosen(boolean reference, boolean demo, LocalDate today) {
        List<DataFile> files = new ArrayList<>();
        if (reference) {
            files.addAll(Dataset.reference());
        }
        if (demo) {
            files.add(Dataset.demo(today));
        }
        return files;
    }

    /**
     * Every rule the files break, one line each naming file and field: the service's validation of each commitment
     * and result, plus ids unique over all files and results that report on a commitment of their own file.
     */
    public static List<String> problems(List<DataFile> files, LocalDate today) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DataFile f : files) {
            Map<String, Commitment> byId = f.commitments().stream()
                    .collect(Collectors.toMap(Commitment::id, Function.identity(), (a, b) -> a));
            for (Commitment c : f.commitments()) {
                if (c.id() == null) {
                    problems.add(f.document() + ": a commitment has no id: " + c.title());
                    continue;
                }
                if (!ids.add(c.id())) {
                    problems.add(f.document() + ": " + c.id() + ": id used twice");
                }
                add(problems, f, Validation.commitment(c, c.id() + "."));
            }
            for (int i = 0; i < f.results().size(); i++) {
                Result r = f.results().get(i);
                Commitment c = byId.get(r.commitmentId());
                if (c == null) {
                    problems.add(f.document() + ": results[" + i + "]: no commitment " + r.commitmentId()
                            + " in this file");
                } else {
                    add(problems, f, Validation.result(r, c, today, "results[" + i + "]."));
                }
            }
        }
        return problems;
    }

    private static void add(List<String> problems, DataFile f, List<FieldError> errors) {
        errors.forEach(e -> problems.add(f.document() + ": " + e.field() + ": " + e.reason()));
    }
}
