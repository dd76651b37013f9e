// The shell: who is signed in, the language, the page router (#/page/arg) and the live event stream.
import zh from './i18n/zh.js';
import en from './i18n/en.js';
import { get, api, ApiError } from './api.js';
import { may } from './roles.js';

const LANGS = { zh, en };
export const state = { lang: localStorage.getItem('lang') || 'zh', user: null, signedIn: false };
const pages = {};
const listeners = new Set();
let current = null;

export function t(key, ...args) {
  const s = LANGS[state.lang][key] ?? LANGS.zh[key] ?? key;
  return typeof s === 'string' ? s.replace(/\{(\d)\}/g, (_, i) => args[i]) : s;
}

export const statusLabel = (s) => t('status_')[s] || s;

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'on') {
      Object.entries(v).forEach(([ev, f]) => e.addEventListener(ev, f));
    } else if (v !== undefined && v !== null && v !== false) {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) {
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return e;
}

/** Calls fn on every live event until the page changes. */
export function onLive(fn) {
  listeners.add(fn);
}

export function register(name, page) {
  pages[name] = page;
}

export function go(hash) {
  location.hash = hash;
}

export function showError(target, e) {
  target.append(el('p', { class: 'error' }, t('errorWith') + (e && e.message || e)));
}

async function whoAmI() {
  try {
    state.user = await get('/api/me');
    state.signedIn = true;
  } catch (e) {
    state.user = null;
    // 404: a server without accounts, used as it is; 401: sign in first
    state.signedIn = e instanceof ApiError && e.status === 404;
  }
}

function renderShell() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach((n) => { n.textContent = t(n.dataset.t); });
  document.getElementById('lang').textContent = t('lang');
  const nav = document.getElementById('nav');
  nav.replaceChildren();
  if (state.signedIn) {
    const items = [['dashboard', 'read'], ['ledger', 'read'], ['import', 'plan'], ['review', 'review']];
    for (const [name, action] of items) {
      if (may(state.user, action)) {
        nav.append(el('a', { href: '#/' + name, id: 'nav-' + name, class: current === name ? 'on' : null }, t(name)));
      }
    }
  }
  document.getElementById('who').textContent = state.user ? state.user.displayName + ' · '
      + state.user.roles.map((g) => g.role + (g.scope ? '@' + g.scope : '')).join(', ')
      : (state.signedIn ? t('anonymous') : '');
  document.getElementById('logout').hidden = !state.user;
}

async function route() {
  const [name, ...args] = (location.hash.replace(/^#\/?/, '') || 'dashboard').split('/');
  listeners.clear();
  const main = document.getElementById('main');
  current = state.signedIn ? (pages[name] ? name : 'dashboard') : 'login';
  renderShell();
  main.replaceChildren();
  try {
    await pages[current](main, ...args.map(decodeURIComponent));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      state.signedIn = false;
      state.user = null;
      return route();
    }
    showError(main, e);
  }
}

export async function signIn(login, password) {
  await api('POST', '/api/session', { login, password });
  await whoAmI();
  startLive();
  await route();
}

let source = null;
function startLive() {
  if (source || !state.signedIn || !window.EventSource) {
    return;
  }
  source = new EventSource('/api/events');
  const fire = (ev) => listeners.forEach((fn) => fn(ev.type, ev.data ? JSON.parse(ev.data) : {}));
  ['result', 'review', 'commitment', 'changed'].forEach((type) => source.addEventListener(type, fire));
  source.addEventListener('hello', () => { document.body.dataset.live = 'on'; });
  source.onerror = () => { document.body.dataset.live = 'off'; };
}

document.getElementById('lang').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('lang', state.lang);
  route();
});
document.getElementById('logout').addEventListener('click', async () => {
  await api('DELETE', '/api/session').catch(() => {});
  if (source) {
    source.close();
    source = null;
  }
  state.user = null;
  state.signedIn = false;
  route();
});
window.addEventListener('hashchange', route);

Promise.all([
  import('./pages/login.js'), import('./pages/dashboard.js'), import('./pages/ledger.js'),
  import('./pages/commitment.js'), import('./pages/import.js'), import('./pages/review.js'),
]).then(async () => {
  await whoAmI();
  startLive();
  await route();
});
