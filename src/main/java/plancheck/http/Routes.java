package plancheck.http;

import io.vertx.ext.web.Router;

/** A group of routes mounted on the API router, e.g. the report import; errors go through the same handler. */
@FunctionalInterface
public interface Routes {
    void mount(Router router);
}
