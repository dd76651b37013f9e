package plancheck.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import plancheck.Config;
import plancheck.engine.Engine;
import plancheck.store.Store;

/** A real store (H2, or PostgreSQL under -Dplancheck.test.jdbc), engine and service per test, at the test clock. */
abstract class OnRealStore {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path data;
    Store store;
    Engine engine;
    Service service;

    @BeforeEach
    void start() throws Exception {
        store = Store.open(plancheck.TestStores.url(data), plancheck.TestStores.user(), null);
        engine = Engine.start(Config.defaults().rules(), 2, CLOCK);
        service = Service.start(store, engine, CLOCK);
    }

    @AfterEach
    void stop() {
        service.close();
        engine.close();
        store.close();
    }
}
