// The dashboard's shell: a hash router over the views (sign-in, flows list, flow page, new flow),
// the navigation and the sign-out. Every view gets its container and returns a function that
// stops what it started (polling, the 3D viewer).
import { currentKey, signOut, whenUnauthorized } from './api.js';
import { signInView } from './signin.js';
import { flowListView } from './flow-list.js';
import { flowPageView } from './flow-page.js';
import { flowFormView } from './flow-form.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const notice = document.getElementById('notice');
let stopView = () => {};
let signInMessage = null;
let noticeFresh = false;

function go(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

/** Shows `message` above the next view (e.g. "deleted" on the list after a delete). */
function notify(message) {
  notice.textContent = message;
  notice.hidden = false;
  noticeFresh = true;
}

/** Returns the view for the hash: [name, mount function, options]. */
function route(hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'flows' && parts.length === 2) {
    return ['flow', flowPageView, { id: decodeURIComponent(parts[1]) }];
  }
  if (parts[0] === 'new') return ['new', flowFormView, { params }];
  return ['flows', flowListView, { params }];
}

function render() {
  stopView();
  stopView = () => {};
  notice.hidden = !noticeFresh;
  noticeFresh = false;
  const key = currentKey();
  nav.hidden = !key;
  if (!key) {
    document.body.dataset.view = 'sign-in';
    const next = location.hash && location.hash !== '#/sign-in' ? location.hash : '#/flows';
    stopView = signInView(view, { message: signInMessage, next, go });
    signInMessage = null;
    return;
  }
  const [name, mount, options] = route(location.hash || '#/flows');
  document.body.dataset.view = name;
  for (const link of nav.querySelectorAll('[data-nav]')) {
    link.classList.toggle('current', link.dataset.nav === name);
  }
  stopView = mount(view, { ...options, go, notify }) || (() => {});
}

whenUnauthorized(error => {
  signOut();
  signInMessage = `The server refused the key (401): ${error.message}`;
  render();
});

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  go('#/flows');
});

window.addEventListener('hashchange', render);
render();
