// The dashboard's only way to the server: the public REST API, with the signed-in key as a bearer
// token. The key lives in this tab's sessionStorage (gone when the tab closes), never in a URL.

const KEY = 'flowengine.apiKey';

/** The signed-in key, or null. */
export function currentKey() {
  return sessionStorage.getItem(KEY);
}

export function signIn(key) {
  sessionStorage.setItem(KEY, key);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/**
 * A refused request: the HTTP status and the API's `detail`, a string, or for a 422 a list of
 * {loc, msg, type} problems.
 */
export class ApiError extends Error {
  constructor(status, body) {
    const detail = body && body.detail !== undefined ? body.detail : `HTTP ${status}`;
    super(Array.isArray(detail) ? detail.map(p => p.msg).join('; ') : String(detail));
    this.status = status;
    this.detail = detail;
    this.body = body;
  }

  /** The 422 problems, or an empty list. */
  get problems() {
    return Array.isArray(this.detail) ? this.detail : [];
  }
}

let onUnauthorized = () => {};

/** Sets what happens when the server refuses the key (401): the app signs out. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function send(method, path, { body, key = currentKey(), accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok) {
    let json = null;
    try {
      json = await response.json();
    } catch {
      // not JSON: the status says it
    }
    const error = new ApiError(response.status, json);
    if (response.status === 401 && key === currentKey()) onUnauthorized(error);
    throw error;
  }
  return response;
}

async function json(method, path, options) {
  return (await send(method, path, options)).json();
}

const id = value => encodeURIComponent(value);

/** The API's endpoints, one function each. */
export const api = {
  /** Checks a key without keeping it: resolves if the server accepts it. */
  checkKey: key => json('GET', '/templates', { key }),
  templates: () => json('GET', '/templates').then(body => body.templates),
  template: name => json('GET', `/templates/${id(name)}`),
  listFlows: query => json('GET', `/flows?${query}`),
  createFlow: body => json('POST', '/flows', { body }),
  flow: flowId => json('GET', `/flows/${id(flowId)}`),
  start: flowId => json('PATCH', `/flows/${id(flowId)}`, { body: { action: 'start' } }),
  abort: flowId => json('PATCH', `/flows/${id(flowId)}`, { body: { action: 'abort' } }),
  remove: flowId => json('DELETE', `/flows/${id(flowId)}`),
  inputs: flowId => json('GET', `/flows/${id(flowId)}/inputs`).then(body => body.inputs),
  addInput: (flowId, data) => json('POST', `/flows/${id(flowId)}/inputs`, { body: { data } }),
  outputs: flowId => json('GET', `/flows/${id(flowId)}/outputs`).then(body => body.outputs),
  /** An asset's raw bytes (Accept: its own media type) as a Response. */
  assetBytes: (asset) =>
    send('GET', `/flows/${id(asset.flow_id)}/${asset.role}s/${id(asset.asset_id)}`,
      { accept: asset.media_type }),
};
