import { register, t, el, signIn } from '../app.js';

register('login', (main) => {
  const login = el('input', { id: 'login-name', autocomplete: 'username', required: true });
  const password = el('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const msg = el('p', { class: 'error', id: 'login-error' });
  const form = el('form', { class: 'login', on: { submit: async (e) => {
    e.preventDefault();
    msg.textContent = '';
    try {
      await signIn(login.value, password.value);
    } catch (err) {
      msg.textContent = t('loginFailed') + ': ' + err.message;
    }
  } } }, el('h2', {}, t('login')), el('label', {}, t('loginName'), login), el('label', {}, t('password'), password),
  el('button', { id: 'login-submit', type: 'submit' }, t('signIn')), msg);
  main.append(form);
});
