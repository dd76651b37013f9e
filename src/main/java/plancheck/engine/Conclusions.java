package plancheck.engine;

import java.util.IdentityHashMap;
import java.util.List;

import plancheck.domain.Standing;
import plancheck.domain.Status;

/**
 * What the rules conclude, reported through the global {@code out} of a session: a decide rule calls
 * {@code out.decide($s, Status.X)}, a warn rule {@code out.warn($s, "CODE")}. One per session, used only on that
 * session's thread; it knows the facts of the evaluation in progress.
 */
public final class Conclusions {

    private final Names names;
    /** the tracks whose facts are being decided, by fact identity */
    private final IdentityHashMap<Standing, Track> open = new IdentityHashMap<>();

    Conclusions(Names names) {
        this.names = names;
    }

    /** The status the decide rules settle on for {@code s}. */
    public void decide(Standing s, Status status) {
        Track t = open.get(s);
        if (t != null) {
            t.status = status;
        }
    }

    /** A data-quality remark (code such as STALE) on {@code s}; it never changes the status. */
    public void warn(Standing s, String code) {
        Track t = open.get(s);
        if (t != null) {
            t.warnings = names.with(t.warnings, code);
        }
    }

    void fired(Object fact, String rule) {
        Track t = fact instanceof Standing s ? open.get(s) : null;
        if (t != null) {
            t.fired = names.with(t.fired, rule);
        }
    }

    /** Clears the conclusions of {@code t} and expects its fact among the next firing. */
    void open(Track t) {
        t.status = null;
        t.fired = List.of();
        t.warnings = List.of();
        open.put(t.standing, t);
    }

    void closeAll() {
        open.clear();
    }
}
