// Shows the API's errors as it says them: a 422's `detail` list item by item, each next to the
// form field its `loc` names when there is one, and always in a summary; any other status with
// its `detail` string.
import { el, replace } from './dom.js';

/** A problem list like the API's: [{loc: ['body', 'parameters', 'seed'], msg, type}]. */
export function problemList(problems) {
  return el('ul', { class: 'problems' },
    problems.map(p => el('li', { dataset: { loc: p.loc.join('.'), type: p.type } },
      el('code', {}, p.loc.join('.')), ' ', p.msg)));
}

/** Renders `error` (an ApiError or any Error) into `box`. */
export function showError(box, error, heading = 'The server refused the request') {
  box.hidden = false;
  if (error.problems && error.problems.length) {
    replace(box, el('p', {}, `${heading} (${error.status}):`), problemList(error.problems));
  } else if (error.status) {
    replace(box, el('p', {}, `${heading} (${error.status}): `, el('span', { class: 'detail' }, error.message)));
  } else {
    replace(box, el('p', {}, `${heading}: ${error.message}`));
  }
}

export function clearError(box) {
  box.hidden = true;
  box.replaceChildren();
}

/**
 * Puts each 422 problem next to its field: `fieldFor(loc)` returns the field's error element or
 * null (then the problem is only in the summary). Returns how many found a field.
 */
export function showFieldProblems(problems, fieldFor) {
  let placed = 0;
  for (const problem of problems) {
    const slot = fieldFor(problem.loc);
    if (!slot) continue;
    slot.append(el('span', { class: 'field-problem', dataset: { loc: problem.loc.join('.') } }, problem.msg));
    slot.closest('.field')?.classList.add('invalid');
    placed++;
  }
  return placed;
}
