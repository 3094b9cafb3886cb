// The flows list: sort, state filter and paging as GET /flows offers them, kept in the URL's
// hash so the back button and a reload keep them; the page shown is reloaded once a second for
// live state and progress.
import { api } from './api.js';
import { el, replace, time, stateBadge, progressBar } from './dom.js';
import { poll } from './poll.js';
import { showError, clearError } from './errors.js';

export const STATES = ['created', 'starting', 'running', 'aborting', 'completed', 'aborted', 'failed'];
const SORTS = [
  ['created_at', 'Created'], ['state', 'State'], ['progress', 'Progress'],
  ['started_at', 'Started'], ['finished_at', 'Finished'],
];
const LIMITS = ['10', '25', '50', '100'];

/** The list's settings from the hash query, with the API's defaults. */
function settings(params) {
  return {
    sort_by: SORTS.some(([v]) => v === params.get('sort_by')) ? params.get('sort_by') : 'created_at',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    states: (params.get('states') || '').split(',').filter(s => STATES.includes(s)),
    limit: LIMITS.includes(params.get('limit')) ? params.get('limit') : '25',
    cursor: params.get('cursor') || '',
    // the cursors of the pages before this one, so "Previous" can go back
    back: (params.get('back') || '').split(',').filter(Boolean),
  };
}

function hashOf(s) {
  const q = new URLSearchParams({ sort_by: s.sort_by, order: s.order, limit: s.limit });
  if (s.states.length) q.set('states', s.states.join(','));
  if (s.cursor) q.set('cursor', s.cursor);
  if (s.back.length) q.set('back', s.back.join(','));
  return `#/flows?${q}`;
}

function apiQuery(s) {
  const q = new URLSearchParams({ sort_by: s.sort_by, order: s.order, limit: s.limit });
  if (s.states.length) q.set('filter_by', s.states.join(','));
  if (s.cursor) q.set('cursor', s.cursor);
  return q.toString();
}

export function flowListView(view, { params, go }) {
  const s = settings(params);
  const change = patch => go(hashOf({ ...s, ...patch, cursor: '', back: [] }));

  const sort = el('select', { id: 'sort-by', onchange: e => change({ sort_by: e.target.value }) },
    SORTS.map(([value, label]) => el('option', { value, selected: value === s.sort_by }, label)));
  const order = el('select', { id: 'order', onchange: e => change({ order: e.target.value }) },
    el('option', { value: 'desc', selected: s.order === 'desc' }, 'Descending'),
    el('option', { value: 'asc', selected: s.order === 'asc' }, 'Ascending'));
  const limit = el('select', { id: 'limit', onchange: e => change({ limit: e.target.value }) },
    LIMITS.map(v => el('option', { value: v, selected: v === s.limit }, `${v} a page`)));
  const stateFilter = el('fieldset', { class: 'chips', id: 'state-filter' },
    el('legend', {}, 'States'),
    STATES.map(state => el('label', { class: 'chip' },
      el('input', {
        type: 'checkbox', value: state, checked: s.states.includes(state),
        onchange: e => change({
          states: e.target.checked ? [...s.states, state] : s.states.filter(x => x !== state),
        }),
      }), state)));

  const error = el('div', { class: 'error', role: 'alert', hidden: true });
  const body = el('tbody', { id: 'flow-rows' });
  const table = el('table', { class: 'flows', id: 'flows-table' },
    el('thead', {}, el('tr', {},
      ['Flow', 'Template', 'State', 'Progress', 'Created', 'Finished'].map(h => el('th', {}, h)))),
    body);
  const empty = el('p', { class: 'empty', id: 'no-flows', hidden: true },
    s.states.length ? 'No flows in these states.' : 'No flows yet. ', el('a', { href: '#/new' }, 'Create one.'));
  const previous = el('button', {
    type: 'button', id: 'previous-page', disabled: !s.cursor,
    onclick: () => {
      const back = s.back.slice(0, -1);
      const cursor = s.back.length ? s.back[s.back.length - 1] : '';
      go(hashOf({ ...s, cursor: cursor === '-' ? '' : cursor, back }));
    },
  }, 'Previous');
  const next = el('button', { type: 'button', id: 'next-page', disabled: true }, 'Next');
  const pageInfo = el('span', { class: 'page-info' }, `Page ${s.back.length + 1}`);

  replace(view,
    el('div', { class: 'heading' }, el('h1', {}, 'Flows'),
      el('a', { class: 'button primary', href: '#/new', id: 'new-flow' }, 'New flow')),
    el('form', { class: 'controls', onsubmit: e => e.preventDefault() },
      el('label', {}, 'Sort by ', sort), el('label', {}, 'Order ', order),
      el('label', {}, 'Show ', limit), stateFilter),
    error, table, empty,
    el('div', { class: 'pager' }, previous, pageInfo, next));

  let nextCursor = null;
  next.addEventListener('click', () => {
    if (nextCursor) go(hashOf({ ...s, cursor: nextCursor, back: [...s.back, s.cursor || '-'] }));
  });

  const render = page => {
    clearError(error);
    nextCursor = page.next_cursor;
    next.disabled = !nextCursor;
    empty.hidden = page.flows.length > 0;
    table.hidden = page.flows.length === 0;
    replace(body, page.flows.map(flow => el('tr', { dataset: { flowId: flow.flow_id, state: flow.state } },
      el('td', { 'data-label': 'Flow' },
        el('a', { href: `#/flows/${encodeURIComponent(flow.flow_id)}`, class: 'flow-link' }, flow.flow_id)),
      el('td', { 'data-label': 'Template' }, flow.template_name),
      el('td', { 'data-label': 'State' }, stateBadge(flow.state)),
      el('td', { 'data-label': 'Progress' }, progressBar(flow.progress)),
      el('td', { 'data-label': 'Created' }, time(flow.created_at)),
      el('td', { 'data-label': 'Finished' }, time(flow.finished_at)))));
  };
  const stop = poll(async () => {
    try {
      render(await api.listFlows(apiQuery(s)));
    } catch (e) {
      showError(error, e, 'Cannot list the flows');
      throw e;
    }
  });
  return stop;
}
