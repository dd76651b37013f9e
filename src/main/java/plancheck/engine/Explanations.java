package plancheck.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Explanation;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Policy;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.domain.Status;
import plancheck.domain.Warning;

/** Renders a {@link Verdict} into an {@link Evaluation} with one Chinese and one English sentence. */
final class Explanations {

    private Explanations() {
    }

    static Evaluation render(Verdict v) {
        String revision = v.revision();
        Double progress = Double.isNaN(v.progress()) ? null : round(v.progress());
        Double expected = Double.isNaN(v.expectedProgress()) ? null : round(v.expectedProgress());
        Double lag = progress == null || expected == null ? null
                : round((v.expectedProgress() - v.progress()) * 100);
        LocalDate asOf = LocalDate.ofEpochDay(v.day());
        List<Warning> warnings = new ArrayList<>(v.warnings().size());
        for (String code : v.warnings()) {
            warnings.add(warning(code, v, asOf));
        }
        return new Evaluation(v.commitment().id(), v.status(), progress, expected, lag, asOf, v.fired(),
                withPolicy(explain(v, asOf), v), warnings, revision, v.commitment().revision());
    }

    /** Four decimals: enough for a percentage with two. */
    private static Double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    private static Explanation explain(Verdict v, LocalDate asOf) {
        Commitment c = v.commitment();
        Status s = v.status();
        if (s == null) {
            return new Explanation("没有规则对该事项作出判定。", "No rule decided a status for this commitment.");
        }
        String label = s.label() + "：";
        String en = english(s) + ": ";
        String goalZh = goalZh(c);
        String goalEn = goalEn(c);
        LocalDate deadline = c.effectiveDeadline();
        if (s == Status.NO_DATA) {
            return new Explanation(label + "截至" + asOf + "没有报送结果，" + goalZh + "。",
                    en + "no result reported by " + asOf + "; " + goalEn + ".");
        }
        if (s == Status.ONGOING) {
            Result r = v.counted();
            return r == null
                    ? new Explanation(label + "长期坚持事项，截至" + asOf + "尚无报送。",
                            en + "a standing commitment with no report by " + asOf + ".")
                    : new Explanation(label + "长期坚持事项，最近一次报送于" + r.asOf() + reportedZh(c, r) + "。",
                            en + "a standing commitment, last reported on " + r.asOf() + reportedEn(c, r) + ".");
        }
        Result r = v.counted();
        String factZh = "截至" + r.asOf() + reportedZh(c, r);
        String factEn = "as of " + r.asOf() + reportedEn(c, r);
        String pct = pct(v.progress());
        String exp = pct(v.expectedProgress());
        String zh;
        String eng;
        switch (s) {
            case BEHIND -> {
                if (c.kind() == Kind.MILESTONE && v.dueStage() != null) {
                    LocalDate due = c.plannedStages().get(v.dueStage());
                    zh = factZh + "，计划于" + due + "前" + v.dueStage().label() + "，该节点已逾期";
                    eng = factEn + "; " + stageEn(v.dueStage()) + " was planned by " + due + " and is overdue";
                } else {
                    String lag = num((v.expectedProgress() - v.progress()) * 100);
                    zh = factZh + "，" + goalZh + "，完成进度" + pct + "，序时进度" + exp + "，落后" + lag + "个百分点";
                    eng = factEn + "; " + goalEn + "; progress " + pct + " against " + exp + " expected by " + asOf
                            + ", " + lag + " points behind";
                }
            }
            case ON_TRACK -> {
                if (c.kind() == Kind.MILESTONE) {
                    zh = factZh + "，" + goalZh + "，计划节点未逾期，期限" + deadline;
                    eng = factEn + "; " + goalEn + "; no planned stage date has passed; deadline " + deadline;
                } else if (c.kind() == Kind.BINARY) {
                    zh = factZh + "，期限" + deadline + "未到";
                    eng = factEn + "; the deadline " + deadline + " has not passed";
                } else {
                    zh = factZh + "，" + goalZh + "，完成进度" + pct + "，序时进度" + exp;
                    eng = factEn + "; " + goalEn + "; progress " + pct + " against " + exp + " expected by " + asOf;
                }
            }
            case EXCEEDED, ACHIEVED, BASICALLY_ACHIEVED, MISSED -> {
                boolean after = asOf.isAfter(deadline);
                String whenZh = after ? "期限" + deadline + "已过，" : "";
                String whenEn = after ? "deadline " + deadline + " passed; " : "";
                if (c.kind() == Kind.MILESTONE || c.kind() == Kind.BINARY) {
                    zh = whenZh + factZh + "，" + goalZh;
                    eng = whenEn + factEn + "; " + goalEn;
                } else {
                    zh = whenZh + factZh + "，" + goalZh + "，完成进度" + pct;
                    eng = whenEn + factEn + "; " + goalEn + "; progress " + pct;
                }
            }
            default -> throw new IllegalStateException(s.name());
        }
        return new Explanation(label + zh + "。", en + eng + ".");
    }

    /** The explanation naming the policy row that applied and the threshold the status turned on, if any. */
    private static Explanation withPolicy(Explanation e, Verdict v) {
        Status s = v.status();
        if (s == null) {
            return e;
        }
        Policy p = v.standing().getPolicy();
        String threshold = threshold(s, v);
        String zh = "适用政策：" + p.label() + (threshold == null ? "" : "（" + threshold + "）") + "。";
        String en = "Policy: " + p.label() + (threshold == null ? "" : " (" + threshold + ")") + ".";
        return new Explanation(e.zh() + zh, e.en() + " " + en);
    }

    /** The threshold of the policy that decided between this status and its neighbour, as "name value". */
    private static String threshold(Status s, Verdict v) {
        Commitment c = v.commitment();
        Policy p = v.standing().getPolicy();
        if (!c.kind().numeric()) {
            return null;
        }
        return switch (s) {
            case ON_TRACK, BEHIND -> "onTrackTolerance " + num(p.onTrackTolerance());
            case EXCEEDED -> "exceededFrom " + num(p.exceededFrom());
            case ACHIEVED -> LocalDate.ofEpochDay(v.day()).isAfter(c.effectiveDeadline())
                    ? "exceededFrom " + num(p.exceededFrom()) : null;
            case BASICALLY_ACHIEVED, MISSED -> c.firmness() == Firmness.STRIVE
                    ? "basicallyAchievedFrom " + num(p.basicallyAchievedFrom()) + ", striveBasicallyAchievedFrom "
                            + num(p.striveBasicallyAchievedFrom())
                    : "basicallyAchievedFrom " + num(p.basicallyAchievedFrom());
            default -> null;
        };
    }

    private static String english(Status s) {
        return switch (s) {
            case EXCEEDED -> "Exceeded";
            case ACHIEVED -> "Achieved";
            case BASICALLY_ACHIEVED -> "Basically achieved";
            case ON_TRACK -> "On track";
            case BEHIND -> "Behind";
            case MISSED -> "Missed";
            case NO_DATA -> "No data";
            case ONGOING -> "Ongoing";
        };
    }

    /** The goal in words; a 力争 (STRIVE) goal says so, since the policy judges it more leniently. */
    private static String goalZh(Commitment c) {
        String goal = firmGoalZh(c);
        return c.firmness() == Firmness.STRIVE && c.kind() != Kind.ONGOING ? "力争" + goal : goal;
    }

    private static String goalEn(Commitment c) {
        String goal = firmGoalEn(c);
        return c.firmness() == Firmness.STRIVE && c.kind() != Kind.ONGOING ? "strive-for " + goal : goal;
    }

    private static String firmGoalZh(Commitment c) {
        String u = unit(c);
        return switch (c.kind()) {
            case AT_LEAST -> c.baseline() != null
                    ? "目标从" + num(c.baseline()) + u + "提高到" + num(c.target()) + u
                    : "目标" + num(c.target()) + u + "以上";
            case AT_MOST -> c.baseline() != null
                    ? "目标从" + num(c.baseline()) + u + "降到" + num(c.target()) + u + "以下"
                    : "目标不超过" + num(c.target()) + u;
            case EXACT -> "目标" + num(c.target()) + u;
            case RANGE -> "目标" + num(c.target()) + "至" + num(c.targetMax()) + u;
            case MILESTONE -> "目标" + c.stage().label();
            case BINARY -> "目标完成";
            case ONGOING -> "长期坚持";
        };
    }

    private static String firmGoalEn(Commitment c) {
        String u = unitEn(c);
        return switch (c.kind()) {
            case AT_LEAST -> c.baseline() != null
                    ? "target from " + num(c.baseline()) + u + " up to " + num(c.target()) + u
                    : "target at least " + num(c.target()) + u;
            case AT_MOST -> c.baseline() != null
                    ? "target from " + num(c.baseline()) + u + " down to " + num(c.target()) + u
                    : "target at most " + num(c.target()) + u;
            case EXACT -> "target " + num(c.target()) + u;
            case RANGE -> "target between " + num(c.target()) + " and " + num(c.targetMax()) + u;
            case MILESTONE -> "target stage " + stageEn(c.stage());
            case BINARY -> "target: done";
            case ONGOING -> "standing commitment";
        };
    }

    private static String reportedZh(Commitment c, Result r) {
        return switch (c.kind()) {
            case MILESTONE -> "已到" + r.stage().label();
            case BINARY -> Boolean.TRUE.equals(r.done()) ? "已完成" : "尚未完成";
            case ONGOING -> r.value() == null ? "" : "，报送" + num(r.value()) + unit(c);
            default -> "报送" + num(r.value()) + unit(c);
        };
    }

    private static String reportedEn(Commitment c, Result r) {
        return switch (c.kind()) {
            case MILESTONE -> " the stage reached is " + stageEn(r.stage());
            case BINARY -> Boolean.TRUE.equals(r.done()) ? " it is done" : " it is not done";
            case ONGOING -> r.value() == null ? "" : " with " + num(r.value()) + unitEn(c);
            default -> " the reported value is " + num(r.value()) + unitEn(c);
        };
    }

    private static Warning warning(String code, Verdict v, LocalDate asOf) {
        Commitment c = v.commitment();
        Result r = v.counted();
        Result p = v.previous();
        return switch (code) {
            case "OVERDUE" -> new Warning(code, "期限" + c.effectiveDeadline() + "已过，仍未报送结果。",
                    "The deadline " + c.effectiveDeadline() + " has passed without any reported result.");
            case "STALE" -> r == null
                    ? new Warning(code, "自" + c.effectiveStart() + "起从未报送。",
                            "Nothing reported since the start on " + c.effectiveStart() + ".")
                    : new Warning(code, "最近一次报送在" + r.asOf() + "，距" + asOf + "已"
                            + (asOf.toEpochDay() - r.asOf().toEpochDay()) + "天。",
                            "The last result is from " + r.asOf() + ", "
                                    + (asOf.toEpochDay() - r.asOf().toEpochDay()) + " days before " + asOf + ".");
            case "DECREASING" -> new Warning(code,
                    "累计值从" + num(p.value()) + "（" + p.asOf() + "）降到" + num(r.value()) + "（" + r.asOf() + "）。",
                    "The cumulative value went down from " + num(p.value()) + " (" + p.asOf() + ") to "
                            + num(r.value()) + " (" + r.asOf() + ").");
            case "STAGE_REGRESSED" -> new Warning(code,
                    "节点从" + p.stage().label() + "（" + p.asOf() + "）退回到" + r.stage().label() + "（" + r.asOf() + "）。",
                    "The stage went back from " + stageEn(p.stage()) + " (" + p.asOf() + ") to "
                            + stageEn(r.stage()) + " (" + r.asOf() + ").");
            case "IMPLAUSIBLE" -> new Warning(code,
                    "报送值" + num(r.value()) + unit(c) + "远超目标" + num(c.target()) + unit(c) + "，请核对单位。",
                    "The reported " + num(r.value()) + unitEn(c) + " is far above the target " + num(c.target())
                            + unitEn(c) + "; check the unit.");
            case "LATE_RESULT" -> new Warning(code,
                    "结果日期" + r.asOf() + "晚于期限" + c.effectiveDeadline() + "，属逾期完成情况。",
                    "The result is dated " + r.asOf() + ", after the deadline " + c.effectiveDeadline() + ".");
            case "EARLY_RESULT" -> new Warning(code,
                    "结果日期" + r.asOf() + "早于期间起点" + c.effectiveStart() + "，可能属于上一期。",
                    "The result is dated " + r.asOf() + ", before the period starts on " + c.effectiveStart()
                            + "; it may belong to the previous period.");
            case "UNREVIEWED" -> new Warning(code, "待审核：" + r.asOf() + "报送的结果尚未经督办审核。",
                    "Awaiting review: the result of " + r.asOf() + " has not been checked by a reviewer yet.");
            default -> new Warning(code, code, code);
        };
    }

    private static String stageEn(Stage s) {
        return s.name().toLowerCase().replace('_', ' ');
    }

    private static String unit(Commitment c) {
        return c.unit() == null ? "" : c.unit();
    }

    private static String unitEn(Commitment c) {
        return c.unit() == null || c.unit().isEmpty() ? "" : " " + c.unit();
    }

    static String pct(double fraction) {
        return num(fraction * 100) + "%";
    }

    /** Up to two decimals, no trailing zeros (rendering runs on every read, so no BigDecimal). */
    static String num(double x) {
        if (!Double.isFinite(x) || Math.abs(x) >= 1e13) {
            return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        long hundredths = Math.round(x * 100);
        long whole = Math.abs(hundredths) / 100;
        int frac = (int) (Math.abs(hundredths) % 100);
        String sign = hundredths < 0 ? "-" : "";
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + "." + (frac % 10 == 0 ? String.valueOf(frac / 10) : (frac < 10 ? "0" : "") + frac);
    }
}
