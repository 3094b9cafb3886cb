// Small helpers to build the DOM without HTML strings (so text from the API is never parsed as
// markup).

/** Returns a new element: el('a', {href: '#/x', class: 'btn'}, 'text', child, ...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `node`. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Formats an ISO-8601 time for people, or a dash. */
export function time(iso) {
  if (!iso) return '\u2013';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/** Formats a byte count. */
export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** A state badge: <span class="state state-running">running</span>. */
export function stateBadge(state) {
  return el('span', { class: `state state-${state}`, dataset: { state } }, state);
}

/** A progress bar with its percentage. */
export function progressBar(progress) {
  const percent = Math.round(progress * 100);
  return el('span', { class: 'progress', dataset: { progress: String(progress) } },
    el('progress', { max: '1', value: String(progress), 'aria-label': `${percent} percent` }),
    el('span', { class: 'percent' }, `${percent}%`));
}
