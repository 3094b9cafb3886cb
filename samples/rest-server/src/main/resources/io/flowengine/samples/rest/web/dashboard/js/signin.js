// Sign-in: the key is checked against the API (GET /templates) before it is kept; a refused key
// shows the server's answer and is not kept.
import { api, signIn, ApiError } from './api.js';
import { el } from './dom.js';
import { showError } from './errors.js';

export function signInView(view, { message, next, go }) {
  const error = el('div', { class: 'error', id: 'sign-in-error', role: 'alert', hidden: !message }, message || '');
  const key = el('input', {
    id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true,
    placeholder: 'fe_...', spellcheck: 'false',
  });
  const button = el('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const form = el('form', { class: 'card narrow', id: 'sign-in-form' },
    el('h1', {}, 'Sign in'),
    el('p', {}, 'With an API key of this server (it printed one on its first start). The key is kept in this tab only, until you sign out or close it.'),
    el('div', { class: 'field' }, el('label', { for: 'api-key' }, 'API key'), key),
    button, error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = key.value.trim();
    if (!value) return;
    button.disabled = true;
    try {
      await api.checkKey(value);
      signIn(value);
      go(next || '#/flows');
    } catch (e) {
      showError(error, e instanceof ApiError ? e : new Error(String(e)), 'The key was refused');
    } finally {
      button.disabled = false;
    }
  });
  view.replaceChildren(form);
  key.focus();
  return () => {};
}
