package plancheck.ingest;

import java.util.List;
import java.util.Set;

/** Units that measure the same kind of thing, so 处 may count a metric kept in 个 but % never measures 亿元. */
final class Units {

    private static final List<Set<String>> GROUPS = List.of(
            Set.of("个", "家", "套", "所", "张", "户", "台", "条", "处", "座", "项", "场", "人", "名", "件", "宗", "批", "间",
                    "栋", "辆", "期", "支", "人次", "场次", "家次", "户次"),
            Set.of("米", "公里", "千米"),
            Set.of("平方米", "万平方米", "公顷", "亩", "平方公里"),
            Set.of("元", "千元", "万元", "亿元"),
            Set.of("%", "个百分点"));

    private Units() {
    }

    static boolean compatible(String metricUnit, String unit) {
        if (unit == null || metricUnit == null || metricUnit.equals(unit)) {
            return true;
        }
        return GROUPS.stream().anyMatch(g -> g.contains(metricUnit) && g.contains(unit));
    }
}
