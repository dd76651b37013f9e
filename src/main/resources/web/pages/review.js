// 审核: results waiting for review in the reviewer's scope; approve, or return with a reason.
import { register, t, el, onLive, go } from '../app.js';
import { get, post } from '../api.js';

async function load(body) {
  const queue = await get('/api/reviews');
  body.replaceChildren(...(queue.length ? queue.map((w) => {
    const reason = el('input', { class: 'return-reason', placeholder: t('reason') });
    const done = () => load(body);
    return el('tr', { 'data-result': w.result.id },
      el('td', {}, el('a', { href: '#/c/' + encodeURIComponent(w.result.commitmentId) }, w.title)), el('td', {}, w.district),
      el('td', {}, w.result.asOf), el('td', {}, w.result.value ?? w.result.stage ?? ''), el('td', {}, w.result.reportedBy),
      el('td', {}, el('button', { class: 'approve', on: { click: () => post('/api/results/' + w.result.id + '/approve').then(done, (e) => alert(e.message)) } }, t('approve')),
        ' ', reason, el('button', { class: 'return', on: { click: () => post('/api/results/' + w.result.id + '/return', { reason: reason.value }).then(done, (e) => alert(e.message)) } }, t('return'))));
  }) : [el('tr', {}, el('td', { colspan: 6 }, t('empty')))]));
}

register('review', async (main) => {
  const body = el('tbody', { id: 'review-rows' });
  main.append(el('section', { id: 'review' }, el('h2', {}, t('queue')), el('table', {},
    el('thead', {}, el('tr', {}, [t('title'), t('district'), t('asOf'), t('value'), t('reviewBy'), ''].map((h) => el('th', {}, h)))), body)));
  await load(body);
  onLive(() => load(body));
});
void go;
