// One commitment: its quote in the report text, target and stages, results against 序时进度, the rules that fired,
// warnings, revisions and review states; the actions the user's role allows.
import { register, t, el, statusLabel, onLive, state, showError } from '../app.js';
import { get, post, api, query } from '../api.js';
import { COLOURS, REVIEW_COLOURS } from '../status.js';
import { mayIn } from '../roles.js';
import { light, meter } from './ledger.js';
import { serverToday } from './dashboard.js';

function highlighted(text, c) {
  const s = c.source || {};
  let start = s.span ? s.span.start : text.indexOf(s.quote || '\u0000');
  let end = s.span ? s.span.end : start + (s.quote || '').length;
  if (start < 0 || end > text.length) {
    return el('div', { class: 'text' }, text);
  }
  const mark = el('mark', { id: 'quote' }, text.slice(start, end));
  const box = el('div', { class: 'text' }, text.slice(0, start), mark, text.slice(end));
  setTimeout(() => mark.scrollIntoView({ block: 'center' }), 0);
  return box;
}

async function sourceText(c) {
  const s = c.source || {};
  if (s.importId) {
    return get('/api/imports/' + encodeURIComponent(s.importId) + '/text').catch(() => null);
  }
  return s.document ? get('/api/documents/' + encodeURIComponent(s.document)).catch(() => null) : null;
}

/**
 * The reported values against 序时进度 (linear from start to deadline, as the rules compute it): the expected value
 * line from the baseline to the target, today's expected value marked, the target as a line.
 */
function historyChart(box, c, e, results, today) {
  const chart = window.echarts.init(box);
  const start = c.start || c.year + '-01-01';
  const end = c.deadline || c.year + '-12-31';
  const counted = results.filter((r) => r.value !== null && r.value !== undefined && !r.correctedBy && r.review !== 'RETURNED')
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const base = c.baseline || 0;
  const numeric = c.target !== null && c.target !== undefined;
  const expectedNow = numeric && e.expectedProgress !== undefined ? base + (c.target - base) * e.expectedProgress : null;
  chart.setOption({
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'time', min: start, max: end > today ? end : today }, yAxis: { type: 'value' },
    series: [
      { name: t('expected'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed' }, itemStyle: { color: '#7b8794' },
        data: numeric ? [[start, base], [end, c.target]] : [],
        markLine: numeric ? { symbol: 'none', label: { formatter: t('target') + ' {c}' }, data: [{ yAxis: c.target }] } : undefined,
        markPoint: expectedNow === null ? undefined : { symbolSize: 36, label: { fontSize: 10 },
          data: [{ name: t('expected'), coord: [today, Math.round(expectedNow * 100) / 100], value: Math.round(expectedNow * 100) / 100 }] } },
      { name: t('reported'), type: 'line', itemStyle: { color: COLOURS[e.status] || COLOURS.ON_TRACK },
        data: counted.map((r) => [r.asOf, r.value]) },
    ],
  });
}

function reportForm(c, today, refresh) {
  const value = el('input', { id: 'r-value', type: 'number', step: 'any', required: true });
  const asOf = el('input', { id: 'r-asof', type: 'date', value: today, required: true });
  const note = el('input', { id: 'r-note', type: 'text' });
  const evidence = el('input', { id: 'r-evidence', type: 'text' });
  const msg = el('span', { class: 'error' });
  return el('form', { id: 'report-form', class: 'panel', on: { submit: async (e) => {
    e.preventDefault();
    const body = { value: Number(value.value), asOf: asOf.value, note: note.value || undefined };
    if (evidence.value) {
      body.evidence = { document: c.source && c.source.document || null, quote: evidence.value };
    }
    try {
      await post('/api/commitments/' + encodeURIComponent(c.id) + '/results', body);
      refresh('result');
    } catch (err) {
      msg.textContent = err.message;
    }
  } } }, el('h3', {}, t('report')), el('label', {}, t('value'), value), ' ', el('label', {}, t('asOf'), asOf), ' ',
  el('label', {}, t('note'), note), ' ', el('label', {}, t('evidence'), evidence), ' ',
  el('button', { id: 'r-submit', type: 'submit' }, t('submit')), msg);
}

function reviewButtons(r, may, refresh) {
  // nobody reviews their own report (the server refuses it too)
  if (!state.user || !may('review') || r.review !== 'SUBMITTED' || r.reportedBy === state.user.login) {
    return null;
  }
  const reason = el('input', { class: 'return-reason', placeholder: t('reason'), size: 10 });
  return el('span', {}, el('button', { class: 'approve', on: { click: () => post('/api/results/' + r.id + '/approve').then(() => refresh('review'), (e) => alert(e.message)) } }, t('approve')),
    ' ', reason, el('button', { class: 'return', on: { click: () => post('/api/results/' + r.id + '/return', { reason: reason.value }).then(() => refresh('review'), (e) => alert(e.message)) } }, t('return')));
}

function planActions(c, may, refresh) {
  const out = el('div', { class: 'panel', id: 'plan-actions' });
  const reason = el('input', { id: 'c-reason', placeholder: t('reason') });
  const msg = el('span', { class: 'error', id: 'c-error' });
  const fail = (e) => { msg.textContent = e.message; };
  if (may('plan')) {
    const target = el('input', { id: 'c-target', type: 'number', step: 'any', value: c.target ?? '' });
    out.append(el('label', {}, t('target'), target), ' ', el('button', { id: 'c-revise', on: { click: async () => {
      const { id, revision, ...rest } = c;
      await api('PUT', '/api/commitments/' + encodeURIComponent(id), { ...rest, id, target: target.value === '' ? null : Number(target.value), reason: reason.value })
        .then(() => refresh('revision'), fail);
    } } }, t('revise')), ' ');
  }
  if (may('close')) {
    out.append(el('button', { id: 'c-retire', on: { click: () => api('DELETE', '/api/commitments/' + encodeURIComponent(c.id) + query({ reason: reason.value }))
      .then(() => refresh('retire'), fail) } }, t('retire')), ' ');
  }
  if (out.children.length) {
    out.prepend(el('h3', {}, t('revise') + ' / ' + t('retire')));
    out.append(reason, ' ', msg);
    return out;
  }
  return null;
}

let drawing = 0;
let context = null; // what a page shows that changes rarely: today and the district tree, read once

async function pageContext() {
  if (!context) {
    context = Promise.all([serverToday(), get('/api/districts')]).then(([today, districts]) => ({
      today, parentOf: Object.fromEntries(districts.map((d) => [d.id, d.parent])) }));
  }
  return context;
}

/**
 * Reads only what a change can have changed: a result or a review → the evaluation and the results; a revision →
 * the commitment, its evaluation and revisions too; the report text once per page.
 */
async function fetchParts(id, shown, change) {
  const enc = encodeURIComponent(id);
  const all = !shown || change === 'revision' || change === 'all';
  const [c, e, results, revs] = await Promise.all([all ? get('/api/commitments/' + enc) : shown.c,
    get('/api/evaluations/' + enc), get('/api/commitments/' + enc + '/results'),
    all ? get('/api/commitments/' + enc + '/revisions') : shown.revs]);
  const text = shown && shown.c.source === c.source ? shown.text : await sourceText(c);
  return { c, e, results, revs, text };
}

function retiredPage(main, revs) {
  const last = revs.revisions[revs.revisions.length - 1];
  main.replaceChildren(el('section', { id: 'commitment', 'data-retired': 'true' },
    el('h2', {}, last ? last.commitment.title : revs.commitmentId), el('p', { id: 'retired', class: 'error' },
      t('retired') + ' ' + revs.retired.at.slice(0, 10) + ' · ' + (revs.retired.by || '') + ' · ' + (revs.retired.reason || '')),
    el('div', { class: 'panel' }, el('h3', {}, t('revisions')), el('ul', {}, revs.revisions.map((r) => el('li', {},
      '#' + r.revision + ' ' + r.at.slice(0, 10) + ' ' + (r.by || '') + ' ' + (r.reason || '')))))));
}

async function render(main, id, change) {
  const mine = ++drawing;
  if (change === 'retire') {
    const revs = await get('/api/commitments/' + encodeURIComponent(id) + '/revisions');
    if (mine === drawing) {
      main.shown = null;
      retiredPage(main, revs);
    }
    return;
  }
  const [{ today, parentOf }, parts] = await Promise.all([pageContext(), fetchParts(id, main.shown, change)]);
  if (mine !== drawing) {
    return; // a later render (a live event, a refresh) draws the page
  }
  main.shown = parts;
  const { c, e, results, revs, text } = parts;
  const may = (action) => mayIn(state.user, action, c.district, parentOf);
  const refresh = (what) => render(main, id, what || 'result').catch((err) => showError(main, err));
  const stages = Object.entries(c.plannedStages || {}).map(([s, d]) => s + ' ' + d).join('，');
  const chartBox = el('div', { class: 'chart', id: 'chart-history' });
  main.replaceChildren(el('section', { id: 'commitment', 'data-status': e.status, 'data-revision': c.revision },
    el('h2', {}, light(e.status), c.title, ' ', el('span', { class: 'badge', style: 'background:' + COLOURS[e.status] }, statusLabel(e.status))),
    el('p', { class: 'muted' }, [c.districtName || c.district, c.year, c.category, c.owner].filter(Boolean).join(' · ')),
    el('div', { class: 'grid' },
      el('div', { class: 'panel' }, el('h3', {}, t('target')),
        el('p', { id: 'target' }, c.kind, ' ', c.target ?? '', c.unit || '', c.deadline ? ' · ' + t('deadline') + ' ' + c.deadline : ''),
        stages ? el('p', {}, t('stages') + '：' + stages) : null, meter(e),
        el('h3', {}, t('explanation')), el('p', { id: 'explanation' }, state.lang === 'zh' ? e.explanation.zh : e.explanation.en),
        el('h3', {}, t('firedRules')), el('ul', {}, e.firedRules.map((r) => el('li', {}, r))),
        el('h3', {}, t('warnings')), e.warnings.length ? el('ul', {}, e.warnings.map((w) => el('li', {}, w.code + ' ', state.lang === 'zh' ? w.zh : w.en))) : el('p', {}, t('none'))),
      el('div', { class: 'panel' }, el('h3', {}, t('quote')), text ? highlighted(text, c) : el('p', {}, (c.source && c.source.quote) || t('none')))),
    el('div', { class: 'panel' }, el('h3', {}, t('history')), chartBox,
      el('div', { class: 'scroll' }, el('table', { id: 'results' }, el('tbody', {}, results.map((r) => el('tr', { 'data-result': r.id, 'data-review': r.review || '' },
        el('td', {}, r.asOf), el('td', {}, r.value ?? (r.stage || '') + (r.done ? ' ✓' : '')), el('td', {}, r.reportedBy),
        el('td', {}, r.note || '', r.corrects ? ' ↺#' + r.corrects + ' ' + (r.reason || '') : '', r.correctedBy ? ' (→#' + r.correctedBy + ')' : ''),
        el('td', { class: 'review' }, r.review ? el('span', { class: 'badge', style: 'background:' + REVIEW_COLOURS[r.review] }, t('reviewState')[r.review]) : '',
          r.reviewReason ? el('span', { class: 'review-reason' }, ' ' + r.reviewReason) : ''), el('td', {}, reviewButtons(r, may, refresh)))))))),
    may('report') ? reportForm(c, today, refresh) : null,
    planActions(c, may, refresh),
    el('div', { class: 'panel' }, el('h3', {}, t('revisions')), el('ul', { id: 'revisions' }, revs.revisions.map((r) => el('li', {},
      '#' + r.revision + ' ' + r.at.slice(0, 10) + ' ' + (r.by || '') + ' ' + (r.reason || '')))))));
  historyChart(chartBox, c, e, results, today);
}

register('c', async (main, id) => {
  main.shown = null;
  try {
    await render(main, id, 'all');
  } catch (err) {
    if (err.status !== 410) {
      throw err;
    }
    await render(main, id, 'retire');
  }
  onLive((type, data) => {
    if (data.commitmentId === id) {
      render(main, id, data.kind).catch((err) => showError(main, err));
    } else if (!data.commitmentId) {
      render(main, id, 'all').catch((err) => showError(main, err));
    }
  });
});
