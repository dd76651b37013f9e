/**
 * Reading work reports: plain text in, candidate commitments (plan section) and results (summary section) out,
 * each with the clause it comes from. Plain Java; JSON only in {@link plancheck.ingest.ImportJson}.
 *
 * <p>How the text's words become fields:
 * <ul>
 *   <li>以上/超/不少于/不低于/达到/提高到 → AT_LEAST; 控制在/不超过/以内/降至/零增量/清零 → AT_MOST; 6%-7% → RANGE;
 *       no qualifier → AT_LEAST, or AT_MOST for a metric where lower is better (违建, 警情).</li>
 *   <li>约/左右/近/预计 (approximate) → EXACT at the stated figure, confidence lowered by 0.15 and a note, so the
 *       planner sets the tolerance; no tolerance is invented. 6万余名, 600多家 → AT_LEAST (more than the figure).</li>
 *   <li>由670元提高到700元: 670 is the baseline, no target; 其中幼儿园420个 after a figure is a breakdown, no target,
 *       unless it has a bound of its own (其中普惠托位不少于500个).</li>
 *   <li>下降10% → target -10 (a change in per cent); 全覆盖 → 100 %; 三个100% → one target per metric listed.</li>
 *   <li>力争/争创/努力/争取 → STRIVE. 立项 开工 主体封顶 竣工 投产 投入使用 建成 交付 通车 开诊 开园 开业 →
 *       {@link plancheck.domain.Stage}, one MILESTONE per project named ("A、B和C竣工投产" is three).</li>
 *   <li>成立/出台/建成/完成/实现/新设 + object → BINARY; 常态化/长期坚持/持续… → ONGOING (no deadline).</li>
 *   <li>年内/年底前/如期 → 31 December of the plan year; 上半年 → 30 June; 9月底前 → 30 September; a table row's
 *       2025年9月 → 30 September 2025; 9月末完工 → the stage planned by 30 September. Fields filled by default are
 *       listed in {@code assumed}; a text naming no year (今年将…) takes the year of import and lists {@code year}.</li>
 *   <li>With no heading, a sentence opening 今年/明年/下一步/2026年 with 将/计划/力争… starts the plan. An item titled by
 *       its works (农村公路提质改造。…计划4月开工建设，11月完工) gives that title to stages naming no project: one
 *       milestone, the earlier stages planned on the way.</li>
 *   <li>A news item dated at its top that speaks of 今年 plans for its date's year; a headline naming a plan over
 *       past years gives way to the inline 主要预期目标是：. A progress table (…进展情况表) is the plan: with a 竣工时间
 *       column each row's first cell is a project to be COMPLETED, its last column (进展情况) holds results.</li>
 *   <li>科右前旗、科右中旗、乌拉盖通用机场: the places take the facility's head noun; 一期、二期工程: each phase is
 *       named in full. 控制在3%左右 → EXACT, as 增长3%左右.</li>
 * </ul>
 * The words are data in {@code plancheck/ingest/words.txt}; the confidence policy is {@link plancheck.ingest.Confidence}.
 * Tables are read with their cells split by pipes or tabs, one cell a line, or run together with no separator at all
 * ({@link plancheck.ingest.RunTogetherTable}).
 * A quote is the clause with PDF line breaks, page numbers and spaces inside numbers removed; its span gives the
 * offsets of the same clause in the text as sent.
 */
package plancheck.ingest;
