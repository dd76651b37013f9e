// 导入报告: paste a report → the draft's candidates marked in the text, plan and summary apart, each editable,
// duplicates flagged and left unticked → accept the ticked ones.
import { register, t, el, go } from '../app.js';
import { post } from '../api.js';

function marked(text, cands) {
  const spans = cands.filter((c) => c.span).sort((a, b) => a.span.start - b.span.start);
  const out = [];
  let at = 0;
  for (const c of spans) {
    if (c.span.start < at) {
      continue;
    }
    out.push(text.slice(at, c.span.start));
    out.push(el('mark', { id: 'm-' + c.id, class: c.kind === 'r' ? 'res' : c.duplicateOf ? 'dup' : null, title: c.id }, text.slice(c.span.start, c.span.end)));
    at = c.span.end;
  }
  out.push(text.slice(at));
  return el('div', { class: 'text', id: 'import-text' }, out);
}

function candidate(c, edits) {
  const tick = el('input', { type: 'checkbox', class: 'pick', 'data-id': c.id, checked: !c.duplicateOf && !(c.kind === 'r' && c.unlinked) });
  const focus = () => {
    document.querySelectorAll('mark.sel').forEach((m) => m.classList.remove('sel'));
    const m = document.getElementById('m-' + c.id);
    if (m) {
      m.classList.add('sel');
      m.scrollIntoView({ block: 'center' });
    }
  };
  const box = el('div', { class: 'cand', 'data-id': c.id, on: { click: focus } }, el('label', {}, tick, ' ', c.id, ' ',
    el('span', { class: 'muted' }, t('confidence') + ' ' + Math.round(c.confidence * 100) + '%'),
    c.duplicateOf ? el('span', { class: 'badge dup-flag', style: 'background:#7b8794' }, t('duplicate') + ' ' + c.duplicateOf) : null));
  if (c.kind === 'c') {
    const title = el('input', { type: 'text', class: 'edit-title', value: c.commitment.title });
    const target = el('input', { type: 'number', step: 'any', class: 'edit-target', value: c.commitment.target ?? '' });
    const owner = el('input', { type: 'text', class: 'edit-owner', value: c.commitment.owner ?? '', placeholder: t('owner') });
    edits[c.id] = () => {
      const e = {};
      if (title.value !== c.commitment.title) e.title = title.value;
      if (String(c.commitment.target ?? '') !== target.value) e.target = target.value === '' ? null : Number(target.value);
      if ((c.commitment.owner ?? '') !== owner.value) e.owner = owner.value || null;
      return e;
    };
    box.append(title, el('div', {}, t('target'), ' ', target, ' ', c.commitment.unit || '', ' ', owner));
  } else {
    box.append(el('div', {}, c.quote), el('div', { class: 'muted' }, c.result.commitmentId || c.unlinked || ''));
  }
  return box;
}

function showDraft(area, draft) {
  const cs = draft.commitments.map((c) => ({ ...c, kind: 'c' }));
  const rs = draft.results.map((r) => ({ ...r, kind: 'r' }));
  const edits = {};
  const outcome = el('div', { id: 'import-outcome' });
  const accept = el('button', { id: 'accept', on: { click: async () => {
    const picked = (list) => list.filter((c) => area.querySelector('.pick[data-id="' + c.id + '"]').checked);
    const body = {
      commitments: picked(cs).map((c) => { const e = edits[c.id](); return Object.keys(e).length ? { id: c.id, ...e } : c.id; }),
      results: picked(rs).map((r) => r.id),
    };
    try {
      const a = await post('/api/imports/' + encodeURIComponent(draft.id) + '/accept', body);
      outcome.replaceChildren(el('p', { id: 'accepted' }, t('accepted') + ': ' + Object.entries(a.counts).filter(([k, v]) => k !== 'REVISED' || v > 0).map(([k, v]) => k + ' ' + v).join(' · ')),
        el('button', { id: 'to-dashboard', on: { click: () => go('#/dashboard') } }, t('dashboard')));
    } catch (e) {
      outcome.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  } } }, t('accept'));
  area.replaceChildren(el('p', {}, draft.id + ' · ' + (draft.district || '') + ' · ' + (draft.planYear || '')),
    el('div', { class: 'grid' }, marked(draft.text, [...cs, ...rs]),
      el('div', { class: 'cands' }, el('h3', {}, t('plan') + ' (' + cs.length + ')'), cs.map((c) => candidate(c, edits)),
        el('h3', {}, t('summary') + ' (' + rs.length + ')'), rs.map((r) => candidate(r, edits)))),
    el('div', { class: 'bar' }, accept), outcome);
}

register('import', async (main) => {
  const text = el('textarea', { id: 'import-input', rows: 10, style: 'width:100%', placeholder: t('paste') });
  const doc = el('input', { id: 'import-document', placeholder: t('document') });
  const file = el('input', { type: 'file', accept: '.txt,text/plain', on: { change: async (e) => {
    const f = e.target.files[0];
    if (f) {
      text.value = await f.text();
      doc.value = doc.value || f.name.replace(/\.txt$/, '');
    }
  } } });
  const area = el('div', { id: 'draft' });
  const read = el('button', { id: 'import-read', on: { click: async () => {
    try {
      const draft = await post('/api/imports', { text: text.value, document: doc.value || undefined });
      showDraft(area, { ...draft, text: text.value });
    } catch (e) {
      area.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  } } }, t('read'));
  main.append(el('section', { id: 'import' }, text, el('div', { class: 'bar' }, doc, file, read), area));
});
