package plancheck.reminder;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import plancheck.ledger.Layout;

/** The 督办单 workbook: one sheet per 责任单位 with its reminders, most urgent first, the level cell coloured. */
public final class ReminderSheets {

    /** Excel allows 31 characters in a sheet name and none of these. */
    private static final int MAX_NAME = 31;
    private static final String FORBIDDEN = "[]:*?/\\";
    private static final String NO_OWNER = "（未填责任单位）";
    private static final double[] WIDTHS = {6, 8, 48, 10, 12, 10, 10, 10, 60, 36};

    private final Layout layout;
    private final List<String> headers;

    public ReminderSheets(Layout layout, Reminders.Words words) {
        this.layout = layout;
        this.headers = words.sheetHeaders();
    }

    public void write(List<Reminder> reminders, LocalDate asOf, OutputStream out) throws IOException {
        Map<String, List<Reminder>> byOwner = new TreeMap<>();
        for (Reminder r : reminders) {
            byOwner.computeIfAbsent(r.owner() == null || r.owner().isBlank() ? NO_OWNER : r.owner(),
                    k -> new java.util.ArrayList<>()).add(r);
        }
        Workbook wb = new Workbook(out, "plancheck", "1.0");
        Map<String, String> names = sheetNames(byOwner.keySet());
        if (byOwner.isEmpty()) {
            sheet(wb.newWorksheet("督办单"), "（无督办事项）", List.of(), asOf);
        }
        for (Map.Entry<String, List<Reminder>> e : byOwner.entrySet()) {
            sheet(wb.newWorksheet(names.get(e.getKey())), e.getKey(), e.getValue(), asOf);
        }
        wb.finish();
    }

    private void sheet(Worksheet ws, String owner, List<Reminder> items, LocalDate asOf) throws IOException {
        ws.value(0, 0, "督办单");
        ws.value(0, 2, owner);
        ws.value(0, 3, "截至");
        ws.value(0, 4, asOf);
        ws.style(0, 4).format("yyyy-mm-dd").set();
        ws.range(0, 0, 0, 2).style().bold().set();
        for (int c = 0; c < headers.size(); c++) {
            ws.value(1, c, headers.get(c));
            ws.width(c, c < WIDTHS.length ? WIDTHS[c] : 12);
        }
        ws.range(1, 0, 1, headers.size() - 1).style().bold().fillColor("FFD9E1F2").set();
        ws.freezePane(0, 2);
        int r = 2;
        for (Reminder item : items) {
            row(ws, r, r - 1, item);
            r++;
        }
        ws.setAutoFilter(1, 0, Math.max(1, r - 1), headers.size() - 1);
        ws.finish();
    }

    private void row(Worksheet ws, int r, int number, Reminder item) {
        ws.value(r, 0, number);
        ws.value(r, 1, item.levelLabel());
        ws.style(r, 1).fillColor(layout.levelFill(item.level().name())).bold().set();
        ws.value(r, 2, item.title());
        text(ws, r, 3, item.lead());
        if (item.deadline() != null) {
            ws.value(r, 4, item.deadline());
            ws.style(r, 4).format("yyyy-mm-dd").set();
        }
        ws.value(r, 5, item.statusLabel());
        ws.style(r, 5).fillColor(layout.fill(item.status())).set();
        percent(ws, r, 6, item.progress());
        percent(ws, r, 7, item.expectedProgress());
        ws.value(r, 8, String.join("；", item.reasons().stream().map(x -> x.levelLabel() + "：" + x.zh()).toList()));
        text(ws, r, 9, item.lastReport());
    }

    private static void text(Worksheet ws, int r, int c, String v) {
        if (v != null) {
            ws.value(r, c, v);
        }
    }

    private static void percent(Worksheet ws, int r, int c, Double v) {
        if (v != null) {
            ws.value(r, c, v);
            ws.style(r, c).format("0.0%").set();
        }
    }

    /** A valid, unique sheet name for each owner: forbidden characters dropped, cut to 31, numbered on a clash. */
    static Map<String, String> sheetNames(Set<String> owners) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String owner : owners) {
            StringBuilder clean = new StringBuilder();
            owner.codePoints().filter(cp -> FORBIDDEN.indexOf(cp) < 0 && !Character.isISOControl(cp))
                    .forEach(clean::appendCodePoint);
            String base = clean.toString().replaceAll("^'+|'+$", "").strip();
            if (base.isEmpty()) {
                base = "单位";
            }
            String name = cut(base, MAX_NAME);
            for (int n = 2; !taken.add(name.toLowerCase()); n++) {
                String suffix = "(" + n + ")";
                name = cut(base, MAX_NAME - suffix.length()) + suffix;
            }
            out.put(owner, name);
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }
}
