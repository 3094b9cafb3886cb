// A flow's page: state and progress (reloaded once a second until the flow is finished), the
// actions its state allows, parameters, additional data, error, inputs and outputs, and the 3D
// viewer for GLB outputs. Each part below the header is a section function of SECTIONS, so a new
// part (the flow's history, once the API has it) is one more entry.
import { api } from './api.js';
import { el, replace, time, stateBadge, progressBar } from './dom.js';
import { poll } from './poll.js';
import { showError, clearError } from './errors.js';
import { assetList, readAsDataUri } from './assets.js';

const TERMINAL = ['completed', 'aborted', 'failed'];

/** Which action each state allows, as the API's 409 rules say. */
export const ACTIONS = {
  start: ['created'],
  abort: ['starting', 'running'],
  delete: ['created', 'completed', 'aborted', 'failed'],
};

const json = value => JSON.stringify(value, null, 2);

const SECTIONS = [
  function parameters(flow) {
    const entries = Object.entries(flow.parameters || {});
    return el('section', { class: 'card', id: 'parameters' }, el('h2', {}, 'Parameters'),
      entries.length
        ? el('table', { class: 'pairs' }, entries.map(([name, value]) =>
          el('tr', {}, el('th', {}, name), el('td', {}, el('code', {}, json(value))))))
        : el('p', { class: 'muted' }, 'None.'));
  },
  function additional(flow) {
    return el('section', { class: 'card', id: 'additional' }, el('h2', {}, 'Additional'),
      flow.additional === null
        ? el('p', { class: 'muted' }, 'None.')
        : el('pre', {}, json(flow.additional)));
  },
  function failure(flow) {
    return flow.error
      ? el('section', { class: 'card error-card', id: 'flow-error' }, el('h2', {}, 'Error'), el('pre', {}, flow.error))
      : null;
  },
  function inputs(flow, page) {
    const section = el('section', { class: 'card', id: 'inputs' }, el('h2', {}, 'Inputs'),
      assetList(page.inputs, { id: 'input-list', onError: page.fail }));
    if (flow.state === 'created') section.append(addInputForm(flow, page));
    return section;
  },
  function outputs(flow, page) {
    const section = el('section', { class: 'card', id: 'outputs' }, el('h2', {}, 'Outputs'));
    if (!TERMINAL.includes(flow.state)) {
      section.append(el('p', { class: 'muted' }, 'Outputs appear here when the flow has finished.'));
      return section;
    }
    section.append(assetList(page.outputs, {
      id: 'output-list',
      onError: page.fail,
      extra: asset => asset.media_type === 'model/gltf-binary'
        ? el('button', { type: 'button', class: 'view-3d', onclick: () => page.view(asset) }, 'View in 3D')
        : null,
    }), page.viewerBox);
    return section;
  },
];

function addInputForm(flow, page) {
  const text = el('textarea', { id: 'input-text', rows: '2', placeholder: 'Text (a prompt)' });
  const file = el('input', { type: 'file', id: 'input-file' });
  const form = el('form', { class: 'add-input' },
    el('h3', {}, 'Add an input'),
    el('div', { class: 'field' }, el('label', { for: 'input-text' }, 'Text'), text),
    el('div', { class: 'field' }, el('label', { for: 'input-file' }, 'or a file'), file),
    el('button', { type: 'submit' }, 'Add input'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = file.files.length ? await readAsDataUri(file.files[0]) : text.value;
    if (!data) return;
    await page.act(() => api.addInput(flow.flow_id, data));
  });
  return form;
}

export function flowPageView(view, { id, go, notify }) {
  const header = el('div', { class: 'heading' });
  const summary = el('div', { class: 'card', id: 'flow-summary' });
  const actions = el('div', { class: 'actions', id: 'flow-actions' });
  const error = el('div', { class: 'error', role: 'alert', id: 'flow-page-error', hidden: true });
  const sections = el('div', { class: 'sections' });
  replace(view, el('p', {}, el('a', { href: '#/flows' }, '\u2190 Flows')), header, summary, actions, error, sections);

  let flow = null;
  let viewer = null;
  let confirmDelete = false;
  let sectionsStale = true;
  const page = {
    inputs: [],
    outputs: [],
    viewerBox: el('div', { class: 'viewer', id: 'viewer', hidden: true }),
    fail: e => showError(error, e),
    async act(call) {
      clearError(error);
      try {
        await call();
        sectionsStale = true;
        await reload();
      } catch (e) {
        showError(error, e);
      }
    },
    async view(asset) {
      page.viewerBox.hidden = false;
      replace(page.viewerBox, el('p', { class: 'muted' }, 'Loading the model\u2026'));
      try {
        const [{ showModel }, response] = await Promise.all([import('./viewer.js'), api.assetBytes(asset)]);
        viewer?.dispose();
        replace(page.viewerBox);
        viewer = await showModel(page.viewerBox, await response.arrayBuffer());
      } catch (e) {
        replace(page.viewerBox, el('p', { class: 'error' }, `Cannot show the model: ${e.message}`));
      }
    },
  };

  const renderActions = () => {
    const allowed = action => ACTIONS[action].includes(flow.state);
    const buttons = [];
    if (allowed('start')) {
      buttons.push(el('button', { type: 'button', id: 'start-flow', class: 'primary',
        onclick: () => page.act(() => api.start(flow.flow_id)) }, 'Start'));
    }
    if (allowed('abort')) {
      buttons.push(el('button', { type: 'button', id: 'abort-flow', class: 'warning',
        onclick: () => page.act(() => api.abort(flow.flow_id)) }, 'Abort'));
    }
    if (allowed('delete') && !confirmDelete) {
      buttons.push(el('button', { type: 'button', id: 'delete-flow', class: 'danger',
        onclick: () => { confirmDelete = true; renderActions(); } }, 'Delete'));
    }
    if (allowed('delete') && confirmDelete) {
      buttons.push(el('span', { class: 'confirm' }, 'Delete this flow and its files?'),
        el('button', { type: 'button', id: 'confirm-delete', class: 'danger', onclick: remove }, 'Delete flow'),
        el('button', { type: 'button', id: 'cancel-delete',
          onclick: () => { confirmDelete = false; renderActions(); } }, 'Cancel'));
    }
    replace(actions, buttons);
  };

  const remove = async () => {
    clearError(error);
    try {
      await api.remove(flow.flow_id);
      notify(`Flow ${flow.flow_id} deleted.`);
      go('#/flows');
    } catch (e) {
      showError(error, e);
    }
  };

  const render = async fresh => {
    const stateChanged = !flow || fresh.state !== flow.state;
    flow = fresh;
    replace(header, el('h1', {}, flow.template_name, ' ', stateBadge(flow.state)));
    replace(summary,
      el('dl', { class: 'facts' },
        el('dt', {}, 'Flow'), el('dd', {}, el('code', { id: 'flow-id' }, flow.flow_id)),
        el('dt', {}, 'State'), el('dd', { id: 'flow-state', dataset: { state: flow.state } }, flow.state),
        el('dt', {}, 'Progress'), el('dd', { id: 'flow-progress' }, progressBar(flow.progress)),
        el('dt', {}, 'Created'), el('dd', {}, time(flow.created_at)),
        el('dt', {}, 'Started'), el('dd', {}, time(flow.started_at)),
        el('dt', {}, 'Finished'), el('dd', {}, time(flow.finished_at))));
    if (stateChanged) {
      confirmDelete = false;
      renderActions();
    }
    if (stateChanged || sectionsStale) {
      // Assets change with the state or an action only: inputs until the flow starts, outputs
      // once it has finished.
      sectionsStale = false;
      page.inputs = await api.inputs(flow.flow_id);
      page.outputs = TERMINAL.includes(flow.state) ? await api.outputs(flow.flow_id) : [];
      replace(sections, SECTIONS.map(section => section(flow, page)));
    }
  };

  const reload = async () => {
    try {
      await render(await api.flow(id));
    } catch (e) {
      if (e.status === 404) {
        replace(view, el('div', { class: 'card', id: 'flow-missing' },
          el('h1', {}, 'Flow not found'),
          el('p', {}, `There is no flow ${id} in this account (it may have been deleted).`),
          el('a', { href: '#/flows' }, 'Back to the flows')));
      } else {
        showError(error, e, 'Cannot load the flow');
      }
      throw e;
    }
    return flow;
  };

  const stop = poll(reload, { until: f => TERMINAL.includes(f.state) });
  return () => {
    stop();
    viewer?.dispose();
  };
}
