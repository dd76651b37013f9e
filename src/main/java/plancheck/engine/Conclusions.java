package plancheck.engine;

import java.util.List;
import java.util.function.Function;

import plancheck.domain.Standing;
import plancheck.domain.Status;

/**
 * What the rules conclude, reported through the global {@code out} of a session: a decide rule calls
 * {@code out.decide($s, Status.X)}, a warn rule {@code out.warn($s, "CODE")}. One per session, used only on that
 * session's thread; it knows the facts of the evaluation in progress.
 */
public final class Conclusions {

    private final Names names;
    /** the track a fact of this session belongs to; null for a fact it does not know */
    private final Function<Standing, Track> tracks;

    /** the last fact looked up and its track: a consequence and its fired-rule event come one after the other */
    private Standing lastFact;
    private Track lastTrack;

    Conclusions(Names names, Function<Standing, Track> tracks) {
        this.names = names;
        this.tracks = tracks;
    }

    /** The status the decide rules settle on for {@code s}. */
    public void decide(Standing s, Status status) {
        Track t = track(s);
        if (t != null) {
            t.status = status;
        }
    }

    /** A data-quality remark (code such as STALE) on {@code s}; it never changes the status. */
    public void warn(Standing s, String code) {
        Track t = track(s);
        if (t != null) {
            t.warnings = names.with(t.warnings, code);
        }
    }

    void fired(Object fact, String rule) {
        Track t = fact instanceof Standing s ? track(s) : null;
        if (t != null) {
            t.fired = names.with(t.fired, rule);
        }
    }

    private Track track(Standing s) {
        if (s != lastFact) {
            lastTrack = tracks.apply(s);
            lastFact = s;
        }
        return lastTrack;
    }

    /** Clears the conclusions of {@code t} before its fact is decided afresh. */
    static void open(Track t) {
        t.status = null;
        t.fired = List.of();
        t.warnings = List.of();
    }
}
