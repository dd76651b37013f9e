package plancheck.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.store.Json;

/**
 * Reads the data set shipped on the class path: the curated reference files {@code data/reference/*.json} and the
 * illustrative scenario {@code data/demo/scenario.json}.
 */
public final class Dataset {

    static final String REFERENCE_DIR = "data/reference";
    static final String DEMO_FILE = "data/demo/scenario.json";

    /**
     * The illustrative scenario as written: its dates describe {@code scenarioDate}; {@link #demo(LocalDate)} moves
     * them so that {@code scenarioDate} falls on the day it is loaded.
     */
    record Scenario(String about, LocalDate scenarioDate, DataFile data) {
    }

    private Dataset() {
    }

    /** Every reference file, ordered by file name (= seed number). */
    public static List<DataFile> reference() {
        return listJson(REFERENCE_DIR).stream().map(name -> file(REFERENCE_DIR + "/" + name)).toList();
    }

    /**
     * The illustrative scenario with every date moved by the same number of days, so that its scenario date is
     * {@code today}: each commitment keeps its place relative to today, and so its status, whatever day it is loaded.
     */
    public static DataFile demo(LocalDate today) {
        Scenario scenario = read(DEMO_FILE, Scenario.class);
        long days = ChronoUnit.DAYS.between(scenario.scenarioDate(), today);
        DataFile d = scenario.data();
        return new DataFile(d.document(), d.district(), d.districtName(), d.parentDistrict(),
                d.planYear() + today.getYear() - scenario.scenarioDate().getYear(),
                d.commitments().stream().map(c -> shift(c, days)).toList(),
                d.results().stream().map(r -> shift(r, days)).toList());
    }

    private static Commitment shift(Commitment c, long days) {
        LocalDate start = c.effectiveStart().plusDays(days);
        Map<Stage, LocalDate> stages = c.plannedStages().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().plusDays(days)));
        return new Commitment(c.id(), c.district(), c.districtName(), start.getYear(), c.category(), c.title(),
                c.kind(), c.metric(), c.unit(), c.target(), c.targetMax(), c.baseline(), c.prior(), c.stage(), stages,
                start, c.deadline() == null ? null : c.deadline().plusDays(days), c.firmness(), c.owner(), c.lead(),
                c.source(), c.assumed(), c.revision());
    }

    private static Result shift(Result r, long days) {
        return new Result(r.id(), r.commitmentId(), r.value(), r.stage(), r.done(),
                r.asOf() == null ? null : r.asOf().plusDays(days), r.reportedBy(), r.evidence(), r.note(), r.sample());
    }

    /** One data file from the class path. */
    static DataFile file(String resource) {
        return read(resource, DataFile.class);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = Dataset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DatasetException(resource + " is not on the class path");
            }
            // the API's mapping: a misspelt field in a curated file is an error, not a silent null
            return Json.MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new DatasetException(resource + ": " + e.getMessage(), e);
        }
    }

    /** Names of the .json files in a class path folder, whether it is a directory or inside the jar. */
    private static List<String> listJson(String dir) {
        URL url = Dataset.class.getClassLoader().getResource(dir);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return listJson(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return listJson(jar.getPath(dir));
            } catch (FileSystemAlreadyExistsException e) {
                return listJson(FileSystems.getFileSystem(uri).getPath(dir));
            }
        } catch (IOException | URISyntaxException e) {
            throw new DatasetException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> listJson(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
