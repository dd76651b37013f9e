// 总览: district tree, year, asOf slider, tiles and charts; redrawn when a live event arrives.
import { register, t, el, statusLabel, onLive, go } from '../app.js';
import { get, query } from '../api.js';
import { STATUSES, COLOURS } from '../status.js';

export const view = { district: null, year: null, asOf: null, today: null };
const charts = [];

export async function serverToday() {
  const h = await get('/health');
  return h.today;
}

function pct(x) {
  return x === null || x === undefined ? '—' : (Math.round(x * 1000) / 10) + '%';
}

/** The asOf the ledger is read at: none for today (from the live index rather than computed aside). */
export function ledgerAsOf() {
  return view.asOf && view.asOf !== view.today ? view.asOf : '';
}

function light(status) {
  return el('span', { class: 'light', style: 'background:' + COLOURS[status] });
}

function tree(districts, onPick) {
  const byParent = {};
  districts.forEach((d) => { (byParent[d.parent || ''] = byParent[d.parent || ''] || []).push(d); });
  const ul = (parent) => el('ul', {}, (byParent[parent] || []).map((d) => el('li', {},
    el('a', { 'data-district': d.id, class: view.district === d.id ? 'on' : null, on: { click: () => onPick(d.id) } },
      d.name), byParent[d.id] ? ul(d.id) : null)));
  return el('nav', { class: 'tree panel', id: 'tree' }, el('h3', {}, t('district')),
    el('a', { class: view.district ? null : 'on', on: { click: () => onPick(null) } }, t('all')), ul(''));
}

function dayOfYear(date, year) {
  return Math.round((Date.parse(date) - Date.UTC(year, 0, 1)) / 86400000);
}

function dateOf(day, year) {
  return new Date(Date.UTC(year, 0, 1) + day * 86400000).toISOString().slice(0, 10);
}

function stacked(chart, groups) {
  const names = Object.keys(groups);
  chart.setOption({
    tooltip: { trigger: 'axis' }, legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 8, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: names.map((n) => n || t('none')), axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATUSES.map((s) => ({ name: statusLabel(s), type: 'bar', stack: 'all', itemStyle: { color: COLOURS[s] },
      data: names.map((n) => groups[n].byStatus[s]) })),
  }, true);
}

async function draw(root, today) {
  const q = { district: view.district, year: view.year, asOf: view.asOf };
  // the server says what needs attention (BEHIND, MISSED, NO_DATA or a warning): the tile counts its ledger rows
  const [card, series, attention, changes] = await Promise.all([get('/api/scorecard' + query(q)),
    get('/api/scorecard/series' + query({ district: view.district, year: view.year })),
    get('/api/ledger' + query({ ...q, asOf: ledgerAsOf(), attention: 'true', limit: 1 })),
    get('/api/decisions' + query({ district: view.district, limit: 30 }))]);
  const tiles = root.querySelector('.tiles');
  tiles.replaceChildren(...[['total', card.total, 'tile-total', ''], ['completionRate', pct(card.completionRate), 'tile-completion', ''],
    ['onPaceRate', pct(card.onPaceRate), 'tile-onpace', ''], ['attention', attention.total, 'tile-attention', '/attention']]
    .map(([k, v, id, link]) => el('div', { class: 'tile', id, on: { click: () => go('#/ledger' + link) } },
      el('div', { class: 'k' }, t(k)), el('div', { class: 'v' }, v))));
  root.querySelector('#changes').replaceChildren(...(changes.items.length ? changes.items.map((d) => el('li', { 'data-id': d.commitmentId },
    el('a', { href: '#/c/' + encodeURIComponent(d.commitmentId) }, d.title || d.commitmentId), ' ',
    d.from ? [light(d.from), statusLabel(d.from), ' → '] : null, d.to ? [light(d.to), statusLabel(d.to)] : t('retire'),
    el('span', { class: 'muted' }, ' · ' + (t('cause_')[d.causeType] || d.causeType) + ' · ' + d.at.slice(0, 10))))
    : [el('li', { class: 'muted' }, t('empty'))]));
  const [donut, cat, owner, dist, line] = charts;
  donut.setOption({
    tooltip: { trigger: 'item' }, legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
      data: STATUSES.filter((s) => card.byStatus[s] > 0).map((s) => ({ name: statusLabel(s), value: card.byStatus[s], itemStyle: { color: COLOURS[s] } })) }],
  }, true);
  stacked(cat, card.byCategory || {});
  stacked(owner, card.byOwner || {});
  const byDistrict = card.byDistrict || {};
  const names = Object.keys(byDistrict);
  dist.setOption({
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 8, right: 8, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: names.map((n) => (root.names[n] || n)) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [{ name: t('total'), type: 'bar', data: names.map((n) => byDistrict[n].total), itemStyle: { color: '#9aa5b1' } },
      { name: t('completionRate'), type: 'bar', yAxisIndex: 1, data: names.map((n) => (byDistrict[n].completionRate ?? 0) * 100), itemStyle: { color: COLOURS.ACHIEVED } }],
  }, true);
  line.setOption({
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 8, right: 16, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: series.points.map((p) => p.asOf.slice(5)) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [['completionRate', COLOURS.ACHIEVED], ['onPaceRate', COLOURS.ON_TRACK]].map(([k, c]) => ({ name: t(k), type: 'line',
      itemStyle: { color: c }, data: series.points.map((p) => (p[k] === null ? null : Math.round(p[k] * 1000) / 10)) })),
  }, true);
  root.dataset.total = card.total;
  root.dataset.drawn = String(Number(root.dataset.drawn || 0) + 1);
}

register('dashboard', async (main) => {
  const today = await serverToday();
  const [districts] = await Promise.all([get('/api/districts')]);
  view.year = view.year || Number(today.slice(0, 4));
  view.today = today;
  const root = el('section', { id: 'dashboard' });
  root.names = Object.fromEntries(districts.map((d) => [d.id, d.name]));
  const last = () => (String(view.year) === today.slice(0, 4) ? today : view.year + '-12-31');
  view.asOf = view.asOf && view.asOf.startsWith(String(view.year)) ? view.asOf : last();
  const years = [];
  for (let y = Number(today.slice(0, 4)); y >= 2020; y--) years.push(y);
  const yearSel = el('select', { id: 'year', on: { change: () => { view.year = Number(yearSel.value); view.asOf = null; go('#/dashboard/' + Date.now()); } } },
    years.map((y) => el('option', { value: y, selected: y === view.year }, y)));
  const asOfLabel = el('output', { id: 'asof-label' }, view.asOf);
  let timer = null;
  const slider = el('input', { id: 'asof', type: 'range', min: 0, max: dayOfYear(last(), view.year), value: dayOfYear(view.asOf, view.year),
    on: { input: () => {
      view.asOf = dateOf(Number(slider.value), view.year);
      asOfLabel.textContent = view.asOf;
      clearTimeout(timer);
      timer = setTimeout(() => draw(root, today), 150);
    } } });
  const boxes = ['byStatus', 'byCategory', 'byOwner', 'byDistrict', 'series'].map((k) => el('div', { class: 'panel' },
    el('h3', {}, t(k)), el('div', { class: 'chart', id: 'chart-' + k })));
  const pick = (id) => { view.district = id; go('#/dashboard/' + Date.now()); };
  root.append(el('div', { class: 'bar' }, el('label', {}, t('year'), yearSel), el('label', {}, t('asOf'), slider, asOfLabel),
    el('span', { class: 'muted', id: 'live' }, '● ' + t('live'))),
  el('div', { class: 'layout' }, tree(districts, pick), el('div', {}, el('div', { class: 'tiles' }), el('div', { class: 'grid' }, boxes,
    el('div', { class: 'panel' }, el('h3', {}, t('changes')), el('ul', { id: 'changes', class: 'changes' }))))));
  main.append(root);
  charts.splice(0).forEach((c) => c.dispose());
  boxes.forEach((b) => charts.push(window.echarts.init(b.querySelector('.chart'))));
  window.onresize = () => charts.forEach((c) => c.resize());
  await draw(root, today);
  onLive(() => draw(root, today));
});
