// One commitment: its quote in the report text, target and stages, results against 序时进度, the rules that fired,
// warnings, revisions and review states; the actions the user's role allows.
import { register, t, el, statusLabel, onLive, state, showError } from '../app.js';
import { get, post, api, query } from '../api.js';
import { COLOURS, REVIEW_COLOURS } from '../status.js';
import { may } from '../roles.js';
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

function historyChart(box, c, results) {
  const chart = window.echarts.init(box);
  const start = c.start || c.year + '-01-01';
  const end = c.deadline || c.year + '-12-31';
  const counted = results.filter((r) => r.value !== null && r.value !== undefined && !r.correctedBy);
  chart.setOption({
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 8, right: 16, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'time' }, yAxis: { type: 'value' },
    series: [
      { name: t('expected'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed' }, itemStyle: { color: '#7b8794' },
        data: c.target ? [[start, c.baseline || 0], [end, c.target]] : [] },
      { name: t('reported'), type: 'line', itemStyle: { color: COLOURS.ON_TRACK }, data: counted.map((r) => [r.asOf, r.value]) },
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
      refresh();
    } catch (err) {
      msg.textContent = err.message;
    }
  } } }, el('h3', {}, t('report')), el('label', {}, t('value'), value), ' ', el('label', {}, t('asOf'), asOf), ' ',
  el('label', {}, t('note'), note), ' ', el('label', {}, t('evidence'), evidence), ' ',
  el('button', { id: 'r-submit', type: 'submit' }, t('submit')), msg);
}

function reviewButtons(r, refresh) {
  if (!state.user || !may(state.user, 'review') || r.review !== 'SUBMITTED') {
    return null;
  }
  const reason = el('input', { class: 'return-reason', placeholder: t('reason'), size: 10 });
  return el('span', {}, el('button', { class: 'approve', on: { click: () => post('/api/results/' + r.id + '/approve').then(refresh, alert) } }, t('approve')),
    ' ', reason, el('button', { class: 'return', on: { click: () => post('/api/results/' + r.id + '/return', { reason: reason.value }).then(refresh, (e) => alert(e.message)) } }, t('return')));
}

function planActions(c, refresh) {
  const out = el('div', { class: 'panel' });
  const reason = el('input', { id: 'c-reason', placeholder: t('reason') });
  if (may(state.user, 'plan')) {
    const target = el('input', { id: 'c-target', type: 'number', step: 'any', value: c.target ?? '' });
    out.append(el('label', {}, t('target'), target), ' ', el('button', { id: 'c-revise', on: { click: async () => {
      const { id, revision, ...rest } = c;
      await api('PUT', '/api/commitments/' + encodeURIComponent(id), { ...rest, id, target: target.value === '' ? null : Number(target.value), reason: reason.value })
        .then(refresh, (e) => alert(e.message));
    } } }, t('revise')), ' ');
  }
  if (may(state.user, 'close')) {
    out.append(el('button', { id: 'c-retire', on: { click: () => api('DELETE', '/api/commitments/' + encodeURIComponent(c.id) + query({ reason: reason.value }))
      .then(() => { location.hash = '#/ledger'; }, (e) => alert(e.message)) } }, t('retire')), ' ');
  }
  if (out.children.length) {
    out.prepend(el('h3', {}, t('revise') + ' / ' + t('retire')));
    out.append(reason);
    return out;
  }
  return null;
}

let drawing = 0;

async function render(main, id) {
  const mine = ++drawing;
  const enc = encodeURIComponent(id);
  const [c, e, results, revs, today] = await Promise.all([get('/api/commitments/' + enc), get('/api/evaluations/' + enc),
    get('/api/commitments/' + enc + '/results'), get('/api/commitments/' + enc + '/revisions'), serverToday()]);
  const text = await sourceText(c);
  if (mine !== drawing) {
    return; // a later render (a live event, a refresh) draws the page
  }
  const refresh = () => render(main, id).catch((err) => showError(main, err));
  const stages = Object.entries(c.plannedStages || {}).map(([s, d]) => s + ' ' + d).join('，');
  const chartBox = el('div', { class: 'chart', id: 'chart-history' });
  main.replaceChildren(el('section', { id: 'commitment', 'data-status': e.status },
    el('h2', {}, light(e.status), c.title, ' ', el('span', { class: 'badge', style: 'background:' + COLOURS[e.status] }, statusLabel(e.status))),
    el('p', { class: 'muted' }, [c.districtName || c.district, c.year, c.category, c.owner].filter(Boolean).join(' · ')),
    el('div', { class: 'grid' },
      el('div', { class: 'panel' }, el('h3', {}, t('target')),
        el('p', {}, c.kind, ' ', c.target ?? '', c.unit || '', c.deadline ? ' · ' + t('deadline') + ' ' + c.deadline : ''),
        stages ? el('p', {}, t('stages') + '：' + stages) : null, meter(e),
        el('h3', {}, t('explanation')), el('p', { id: 'explanation' }, state.lang === 'zh' ? e.explanation.zh : e.explanation.en),
        el('h3', {}, t('firedRules')), el('ul', {}, e.firedRules.map((r) => el('li', {}, r))),
        el('h3', {}, t('warnings')), e.warnings.length ? el('ul', {}, e.warnings.map((w) => el('li', {}, w.code + ' ', state.lang === 'zh' ? w.zh : w.en))) : el('p', {}, t('none'))),
      el('div', { class: 'panel' }, el('h3', {}, t('quote')), text ? highlighted(text, c) : el('p', {}, (c.source && c.source.quote) || t('none')))),
    el('div', { class: 'panel' }, el('h3', {}, t('history')), chartBox,
      el('table', { id: 'results' }, el('tbody', {}, results.map((r) => el('tr', { 'data-result': r.id },
        el('td', {}, r.asOf), el('td', {}, r.value ?? (r.stage || '') + (r.done ? ' ✓' : '')), el('td', {}, r.reportedBy),
        el('td', {}, r.note || '', r.corrects ? ' ↺#' + r.corrects + ' ' + (r.reason || '') : '', r.correctedBy ? ' (→#' + r.correctedBy + ')' : ''),
        el('td', { class: 'review' }, r.review ? el('span', { class: 'badge', style: 'background:' + REVIEW_COLOURS[r.review] }, t('reviewState')[r.review]) : '',
          r.reviewReason ? ' ' + r.reviewReason : ''), el('td', {}, reviewButtons(r, refresh))))))),
    may(state.user, 'report') ? reportForm(c, today, refresh) : null,
    planActions(c, refresh),
    el('div', { class: 'panel' }, el('h3', {}, t('revisions')), el('ul', {}, revs.revisions.map((r) => el('li', {},
      '#' + r.revision + ' ' + r.at.slice(0, 10) + ' ' + (r.by || '') + ' ' + (r.reason || ''))),
    revs.retired ? el('li', {}, t('retire') + ' ' + revs.retired.at.slice(0, 10) + ' ' + revs.retired.reason) : null))));
  historyChart(chartBox, c, results);
}

register('c', async (main, id) => {
  await render(main, id);
  onLive((type, data) => {
    if (!data.commitmentId || data.commitmentId === id) {
      render(main, id).catch((err) => showError(main, err));
    }
  });
});
