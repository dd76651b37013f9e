// 台账: one row per commitment with its light, progress against 序时进度, owner, deadline and last report. Filters,
// search, sort and paging are done by the server (GET /api/ledger), one request per page, so 10k+ rows never reach
// the page at once.
import { register, t, el, statusLabel, go, onLive } from '../app.js';
import { get, query } from '../api.js';
import { STATUSES, COLOURS } from '../status.js';
import { view, ledgerAsOf } from './dashboard.js';

const PAGE = 50;
const f = { status: '', attention: false, category: '', owner: '', warning: '', q: '', offset: 0, sort: 'id', order: 'asc' };

export function light(status) {
  return el('span', { class: 'light', style: 'background:' + COLOURS[status], title: statusLabel(status) });
}

const pct = (x) => (x === null || x === undefined ? '—' : Math.round(x * 100) + '%');

export function meter(e) {
  const p = Math.min(1, e.progress ?? 0);
  return el('div', { class: 'meter', title: pct(e.progress) + ' / ' + pct(e.expectedProgress) },
    el('div', { class: 'p', style: 'width:' + p * 100 + '%;background:' + COLOURS[e.status] }),
    e.expectedProgress === null || e.expectedProgress === undefined ? null
      : el('div', { class: 'x', style: 'left:' + Math.min(1, e.expectedProgress) * 100 + '%' }));
}

/** The last report as the cell shows it: its value (or stage, or done) and date. */
function lastReport(r) {
  const l = r.lastReport;
  if (!l) {
    return '—';
  }
  const what = l.value ?? l.stage ?? (l.done === undefined ? '' : (l.done ? '✓' : '✗'));
  return el('span', {}, String(what) + (l.value !== undefined && r.unit ? r.unit : ''), el('div', { class: 'muted' }, l.asOf));
}

// [column, the server's sort key (null: not sortable)]
const COLUMNS = [['status', 'status'], ['title', null], ['progress', 'progress'], ['owner', 'owner'],
  ['deadline', 'deadline'], ['lastReport', 'lastReport'], ['warning', null]];

async function load(body, pager, head) {
  const page = await get('/api/ledger' + query({ district: view.district, year: view.year, asOf: ledgerAsOf(),
    status: f.attention ? '' : f.status, attention: f.attention ? 'true' : '', category: f.category, owner: f.owner,
    warning: f.warning, q: f.q.trim(), sort: f.sort, order: f.order, limit: PAGE, offset: f.offset }));
  body.replaceChildren(...(page.items.length ? page.items.map((r) => el('tr', { 'data-id': r.commitmentId, 'data-status': r.status,
    on: { click: () => go('#/c/' + encodeURIComponent(r.commitmentId)) } },
  el('td', {}, light(r.status), statusLabel(r.status)), el('td', { class: 'task' }, r.title, el('div', { class: 'muted' }, r.category || '')),
  el('td', {}, meter(r), el('div', { class: 'muted' }, pct(r.progress) + ' / ' + pct(r.expectedProgress))),
  el('td', {}, r.owner || '—'), el('td', {}, r.deadline || '—'), el('td', { class: 'last' }, lastReport(r)),
  el('td', {}, r.warnings.join(' ') || '—'))) : [el('tr', {}, el('td', { colspan: COLUMNS.length }, t('empty')))]));
  const pageNo = Math.floor(f.offset / PAGE) + 1;
  const move = (by) => { f.offset += by; load(body, pager, head); };
  pager.replaceChildren(el('button', { id: 'prev', disabled: f.offset === 0, on: { click: () => move(-PAGE) } }, t('prev')),
    el('span', { id: 'page-info', 'data-total': page.total }, t('page', pageNo, page.total)),
    el('button', { id: 'next', disabled: f.offset + PAGE >= page.total, on: { click: () => move(PAGE) } }, t('next')));
  head.replaceChildren(...COLUMNS.map(([k, key]) => el('th', { 'data-sort': key, class: key ? 'sortable' : null,
    on: { click: () => {
      if (!key) {
        return;
      }
      f.order = f.sort === key && f.order === 'asc' ? 'desc' : 'asc';
      f.sort = key;
      f.offset = 0;
      load(body, pager, head);
    } } }, t(k) + (f.sort === key ? (f.order === 'desc' ? ' ▼' : ' ▲') : ''))));
}

register('ledger', async (main, filter) => {
  // #/ledger/attention: what the dashboard's tile counts; #/ledger/BEHIND: one status
  if (filter === 'attention') {
    f.attention = true;
    f.status = '';
  } else if (filter && STATUSES.includes(filter)) {
    f.attention = false;
    f.status = filter;
  }
  f.offset = 0;
  const body = el('tbody', { id: 'ledger-rows' });
  const pager = el('div', { class: 'pager' });
  const head = el('tr', {});
  const reload = () => { f.offset = 0; load(body, pager, head); };
  const input = (k) => el('input', { id: 'f-' + k, value: f[k], size: 10, on: { change: (e) => { f[k] = e.target.value; reload(); } } });
  const statusSel = el('select', { id: 'f-status', on: { change: () => {
    f.attention = statusSel.value === 'attention';
    f.status = f.attention ? '' : statusSel.value;
    reload();
  } } }, el('option', { value: '' }, t('all')), el('option', { value: 'attention', selected: f.attention }, t('attentionAll')),
  STATUSES.map((s) => el('option', { value: s, selected: !f.attention && f.status === s }, statusLabel(s))));
  let timer = null;
  const search = el('input', { id: 'f-search', type: 'search', placeholder: t('search'), value: f.q,
    on: { input: () => { clearTimeout(timer); timer = setTimeout(() => { f.q = search.value; reload(); }, 250); } } });
  main.append(el('section', { id: 'ledger' }, el('div', { class: 'bar' }, el('label', {}, t('status'), statusSel),
    el('label', {}, t('category'), input('category')), el('label', {}, t('owner'), input('owner')),
    el('label', {}, t('warning'), input('warning')), search,
    el('span', { class: 'muted' }, (view.district || t('all')) + ' · ' + (view.year || '') + (view.asOf ? ' · ' + view.asOf : ''))),
  el('div', { class: 'scroll' }, el('table', { class: 'ledger' }, el('thead', {}, head), body)), pager));
  await load(body, pager, head);
  onLive(() => load(body, pager, head));
});
