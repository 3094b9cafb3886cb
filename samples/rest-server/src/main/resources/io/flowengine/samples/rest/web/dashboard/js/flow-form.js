// The form that creates a flow, generated from the template's parameter specs (GET /templates):
// allowed values become a choice, numbers get their minimum and maximum (checked here before
// sending), defaults are filled in, booleans are a checkbox. Inputs are text (for templates
// taking text/plain) or files. The server's 422 problems are shown next to the field their
// `loc` names, and all of them in a summary.
import { api } from './api.js';
import { el, replace } from './dom.js';
import { showError, clearError, showFieldProblems } from './errors.js';
import { readAsDataUri } from './assets.js';

/** One generated field: its element, and read() returning {value} or {problem}. */
function parameterField(name, spec) {
  const id = `param-${name}`;
  const problems = el('span', { class: 'field-problems' });
  const hint = [];
  if (spec.minimum !== undefined) hint.push(`min ${spec.minimum}`);
  if (spec.maximum !== undefined) hint.push(`max ${spec.maximum}`);
  let input;
  if (spec.allowed_values && spec.allowed_values.length) {
    input = el('select', { id, name },
      spec.required && spec.default === null ? el('option', { value: '' }, 'choose\u2026') : null,
      !spec.required && spec.default === null ? el('option', { value: '' }, '(none)') : null,
      spec.allowed_values.map((v, i) => el('option', { value: String(i), selected: v === spec.default }, String(v))));
  } else if (spec.type === 'boolean') {
    input = el('input', { id, name, type: 'checkbox', checked: spec.default === true });
  } else if (spec.type === 'integer' || spec.type === 'number') {
    input = el('input', {
      id, name, type: 'number', inputmode: spec.type === 'integer' ? 'numeric' : 'decimal',
      step: spec.type === 'integer' ? '1' : 'any', min: spec.minimum, max: spec.maximum,
      value: spec.default ?? '',
    });
  } else {
    input = el('input', { id, name, type: 'text', value: spec.default ?? '' });
  }
  const field = el('div', { class: 'field', dataset: { parameter: name } },
    el('label', { for: id }, name, spec.required ? el('span', { class: 'required', title: 'required' }, ' *') : null),
    input,
    el('small', { class: 'hint' }, [spec.description, hint.length ? `(${hint.join(', ')})` : ''].filter(Boolean).join(' ')),
    problems);

  const read = () => {
    if (spec.allowed_values && spec.allowed_values.length) {
      if (input.value === '') return spec.required ? { problem: 'Choose a value' } : {};
      return { value: spec.allowed_values[Number(input.value)] };
    }
    if (spec.type === 'boolean') return { value: input.checked };
    const raw = input.value.trim();
    if (raw === '') return spec.required ? { problem: 'Field required' } : {};
    if (spec.type === 'string') return { value: input.value };
    const number = Number(raw);
    if (!Number.isFinite(number)) return { problem: `Enter a ${spec.type}` };
    if (spec.type === 'integer' && !Number.isInteger(number)) return { problem: 'Enter a whole number' };
    if (spec.minimum !== undefined && number < spec.minimum) return { problem: `Must be at least ${spec.minimum}` };
    if (spec.maximum !== undefined && number > spec.maximum) return { problem: `Must be at most ${spec.maximum}` };
    return { value: number };
  };
  return { name, field, problems, read };
}

function inputFields(template) {
  const takesText = template.input_types.includes('text/plain');
  const fileTypes = template.input_types.filter(t => t !== 'text/plain' && t.includes('/'));
  const problems = el('span', { class: 'field-problems' });
  const text = takesText ? el('textarea', { id: 'input-text', name: 'input-text', rows: '3', placeholder: 'a red chair' }) : null;
  const files = fileTypes.length ? el('input', { id: 'input-files', name: 'input-files', type: 'file', multiple: true, accept: fileTypes.join(',') }) : null;
  const field = el('div', { class: 'field', dataset: { parameter: 'inputs' } },
    el('span', { class: 'label' }, 'Inputs'),
    text ? el('label', { for: 'input-text', class: 'sub' }, 'Text (a prompt)') : null, text,
    files ? el('label', { for: 'input-files', class: 'sub' }, `Files (${fileTypes.join(', ')})`) : null, files,
    el('small', { class: 'hint' }, 'With inputs the flow starts at once; without, it waits on its page for inputs and Start.'),
    problems);
  const read = async () => {
    const inputs = [];
    if (text && text.value.trim()) inputs.push({ data: text.value.trim() });
    for (const file of files ? files.files : []) inputs.push({ data: await readAsDataUri(file) });
    return inputs;
  };
  return { field, problems, read };
}

export function flowFormView(view, { params, go }) {
  const error = el('div', { class: 'error', role: 'alert', id: 'form-error', hidden: true });
  replace(view, el('h1', {}, 'New flow'), el('p', { class: 'muted' }, 'Loading the templates\u2026'));
  let cancelled = false;
  api.templates().then(templates => {
    if (cancelled) return;
    const chosen = templates.find(t => t.name === params.get('template')) || templates[0];
    const select = el('select', { id: 'template', name: 'template',
      onchange: e => go(`#/new?template=${encodeURIComponent(e.target.value)}`) },
      templates.map(t => el('option', { value: t.name, selected: t === chosen }, t.name)));
    const templateProblems = el('span', { class: 'field-problems' });
    const fields = Object.entries(chosen.parameters).map(([name, spec]) => parameterField(name, spec));
    const inputs = inputFields(chosen);
    const additional = el('textarea', { id: 'additional', name: 'additional', rows: '2', placeholder: '{"order": 42}' });
    const additionalProblems = el('span', { class: 'field-problems' });
    const submit = el('button', { type: 'submit', id: 'create-flow', class: 'primary' }, 'Create flow');
    const form = el('form', { class: 'card', id: 'flow-form', novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'template' }, 'Template'), select,
        el('small', { class: 'hint' }, chosen.description), templateProblems),
      el('fieldset', { class: 'parameters' }, el('legend', {}, 'Parameters'),
        fields.length ? fields.map(f => f.field) : el('p', { class: 'muted' }, 'This template has none.')),
      inputs.field,
      el('div', { class: 'field' }, el('label', { for: 'additional' }, 'Additional (any JSON, optional)'),
        additional, additionalProblems),
      submit, error);

    const slotFor = loc => {
      if (loc[0] !== 'body') return null;
      if (loc[1] === 'template') return templateProblems;
      if (loc[1] === 'parameters') return fields.find(f => f.name === loc[2])?.problems || null;
      if (loc[1] === 'inputs') return inputs.problems;
      if (loc[1] === 'additional') return additionalProblems;
      return null;
    };
    const clearProblems = () => {
      clearError(error);
      for (const node of form.querySelectorAll('.field-problems')) node.replaceChildren();
      for (const node of form.querySelectorAll('.field.invalid')) node.classList.remove('invalid');
    };

    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearProblems();
      const body = { template: chosen.name, parameters: {} };
      const local = [];
      for (const f of fields) {
        const { value, problem } = f.read();
        if (problem) local.push({ loc: ['body', 'parameters', f.name], msg: problem, type: 'value_error' });
        else if (value !== undefined) body.parameters[f.name] = value;
      }
      if (additional.value.trim()) {
        try {
          body.additional = JSON.parse(additional.value);
        } catch (e) {
          local.push({ loc: ['body', 'additional'], msg: `Not JSON: ${e.message}`, type: 'json_invalid' });
        }
      }
      if (local.length) {
        showFieldProblems(local, slotFor);
        showError(error, { status: 0, problems: local, message: '' }, 'Please correct the form');
        error.querySelector('p').textContent = 'Please correct the form:';
        return;
      }
      submit.disabled = true;
      try {
        const inputList = await inputs.read();
        if (inputList.length) body.inputs = inputList;
        const flow = await api.createFlow(body);
        go(`#/flows/${encodeURIComponent(flow.flow_id)}`);
      } catch (e) {
        if (e.problems && e.problems.length) showFieldProblems(e.problems, slotFor);
        showError(error, e);
      } finally {
        submit.disabled = false;
      }
    });
    replace(view, el('h1', {}, 'New flow'), form);
  }).catch(e => {
    if (!cancelled) {
      replace(view, el('h1', {}, 'New flow'), error);
      showError(error, e, 'Cannot load the templates');
    }
  });
  return () => { cancelled = true; };
}
