package plancheck.domain;

import java.util.List;

/** Milestone stages of a construction project, in order. */
public enum Stage {
    PLANNED("规划", List.of("规划")),
    APPROVED("立项", List.of("立项")),
    STARTED("开工", List.of("开工", "开工建设")),
    TOPPED_OUT("主体封顶", List.of("主体封顶", "封顶", "主体完工")),
    COMPLETED("竣工", List.of("竣工", "竣工交付", "完工", "交付")),
    IN_USE("投入使用", List.of("投入使用", "投产", "竣工投产", "开业", "通车", "开诊", "建成投用", "投用", "开园", "启用"));

    private final String label;
    private final List<String> words;

    Stage(String label, List<String> words) {
        this.label = label;
        this.words = words;
    }

    /** The Chinese word a report uses for this stage. */
    public String label() {
        return label;
    }

    /** Words in report text that mean this stage was reached. */
    public List<String> words() {
        return words;
    }

    public boolean reached(Stage target) {
        return compareTo(target) >= 0;
    }
}
