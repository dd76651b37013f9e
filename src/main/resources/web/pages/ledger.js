// 台账: one row per commitment with its light, progress against 序时进度, owner and deadline; filtered and paged
// by the server (limit/offset), so 10k+ rows never reach the page at once.
import { register, t, el, statusLabel, go, onLive } from '../app.js';
import { get, query } from '../api.js';
import { STATUSES, COLOURS } from '../status.js';
import { view } from './dashboard.js';

const PAGE = 50;
const f = { status: '', category: '', owner: '', warning: '', search: '', offset: 0, sort: 'id', desc: false };

export function light(status) {
  return el('span', { class: 'light', style: 'background:' + COLOURS[status], title: statusLabel(status) });
}

export function meter(e) {
  const p = Math.min(1, e.progress ?? 0);
  return el('div', { class: 'meter', title: Math.round((e.progress ?? 0) * 100) + '% / ' + Math.round((e.expectedProgress ?? 0) * 100) + '%' },
    el('div', { class: 'p', style: 'width:' + p * 100 + '%;background:' + COLOURS[e.status] }),
    e.expectedProgress === null || e.expectedProgress === undefined ? null
      : el('div', { class: 'x', style: 'left:' + Math.min(1, e.expectedProgress) * 100 + '%' }));
}

const COLUMNS = [
  ['status', (r) => STATUSES.indexOf(r.e.status)], ['title', (r) => r.c.title || ''],
  ['progress', (r) => r.e.progress ?? -1], ['owner', (r) => r.c.owner || ''], ['deadline', (r) => r.c.deadline || ''],
  ['warning', (r) => r.e.warnings.length],
];

async function load(body, pager) {
  const page = await get('/api/evaluations' + query({ district: view.district, year: view.year, status: f.status,
    category: f.category, owner: f.owner, warning: f.warning, limit: PAGE, offset: f.offset }));
  const commitments = await Promise.all(page.items.map((e) => get('/api/commitments/' + encodeURIComponent(e.commitmentId))
    .catch(() => ({ id: e.commitmentId }))));
  let rows = page.items.map((e, i) => ({ e, c: commitments[i] }));
  const needle = f.search.trim().toLowerCase();
  if (needle) {
    rows = rows.filter((r) => [r.c.title, r.c.owner, r.c.id, r.c.category].some((s) => s && s.toLowerCase().includes(needle)));
  }
  const key = (COLUMNS.find(([k]) => k === f.sort) || [null, (r) => r.c.id])[1];
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (f.desc ? -1 : 1));
  body.replaceChildren(...rows.map((r) => el('tr', { 'data-id': r.c.id, on: { click: () => go('#/c/' + encodeURIComponent(r.c.id)) } },
    el('td', {}, light(r.e.status), statusLabel(r.e.status)), el('td', {}, r.c.title, el('div', { class: 'muted' }, r.c.category || '')),
    el('td', {}, meter(r.e)), el('td', {}, r.c.owner || '—'), el('td', {}, r.c.deadline || '—'),
    el('td', {}, r.e.warnings.map((w) => w.code).join(' ') || '—'))));
  const pageNo = Math.floor(f.offset / PAGE) + 1;
  pager.replaceChildren(el('button', { id: 'prev', disabled: f.offset === 0, on: { click: () => { f.offset -= PAGE; load(body, pager); } } }, t('prev')),
    el('span', { id: 'page-info' }, t('page', pageNo, page.total)),
    el('button', { id: 'next', disabled: f.offset + PAGE >= page.total, on: { click: () => { f.offset += PAGE; load(body, pager); } } }, t('next')));
}

register('ledger', async (main, status) => {
  if (status && STATUSES.includes(status)) {
    f.status = status;
  }
  const body = el('tbody', { id: 'ledger-rows' });
  const pager = el('div', { class: 'pager' });
  const reload = () => { f.offset = 0; load(body, pager); };
  const input = (k) => el('input', { id: 'f-' + k, value: f[k], size: 10, on: { change: (e) => { f[k] = e.target.value; reload(); } } });
  const statusSel = el('select', { id: 'f-status', on: { change: () => { f.status = statusSel.value; reload(); } } },
    el('option', { value: '' }, t('all')), STATUSES.map((s) => el('option', { value: s, selected: f.status === s }, statusLabel(s))));
  const search = el('input', { id: 'f-search', type: 'search', placeholder: t('search'), value: f.search,
    on: { input: () => { f.search = search.value; load(body, pager); } } });
  const head = el('tr', {}, COLUMNS.map(([k]) => el('th', { on: { click: () => { f.desc = f.sort === k && !f.desc; f.sort = k; load(body, pager); } } },
    t(k) + (f.sort === k ? (f.desc ? ' ▼' : ' ▲') : ''))));
  main.append(el('section', { id: 'ledger' }, el('div', { class: 'bar' }, el('label', {}, t('status'), statusSel),
    el('label', {}, t('category'), input('category')), el('label', {}, t('owner'), input('owner')),
    el('label', {}, t('warning'), input('warning')), search, el('span', { class: 'muted' }, (view.district || t('all')) + ' · ' + (view.year || ''))),
  el('table', {}, el('thead', {}, head), body), pager));
  await load(body, pager);
  onLive(() => load(body, pager));
});
