// The dashboard's only way to the mock: its control API under /_mock/ on the page's own origin
// (relative URLs, no credentials beyond the origin, no redirects followed), one deadline per call.

const ROOT = new URL('../', document.baseURI); // /_mock/
const DEADLINE_MS = 10000;

/** An answer other than 200, with the mock's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), DEADLINE_MS);
  try {
    let res;
    try {
      res = await fetch(new URL(path, ROOT), {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort.signal,
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch (e) {
      throw new ApiError(0, abort.signal.aborted ? 'the mock did not answer within 10 s' : 'the mock cannot be reached');
    }
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new ApiError(res.status, 'the mock answered something that is not JSON (HTTP ' + res.status + ')');
    }
    if (!res.ok) {
      throw new ApiError(res.status, (json && typeof json.error === 'string') ? json.error : 'HTTP ' + res.status);
    }
    return json;
  } finally {
    clearTimeout(timer);
  }
}

const seg = (id) => encodeURIComponent(id);

export const api = {
  changes: () => call('GET', 'changes'),
  names: () => call('GET', 'names'),
  info: () => call('GET', 'info'),
  agents: () => call('GET', 'agents'),
  instances: () => call('GET', 'instances'),
  timelines: () => call('GET', 'timelines'),
  timeline: (id) => call('GET', 'instances/' + seg(id) + '/timeline'),
  journal: () => call('GET', 'journal'),
  callbacks: () => call('GET', 'callbacks'),
  faults: () => call('GET', 'faults'),
  addFault: (fault) => call('POST', 'faults', fault),
  clearFaults: () => call('DELETE', 'faults'),
  advanceClock: (millis) => call('POST', 'clock/advance', { millis }),
  setLlmReply: (reply) => call('POST', 'llm-reply', reply === null ? {} : { reply }),
  setQpsLimit: (limit) => call('POST', 'qps-limit', { limit }),
  reset: () => call('POST', 'reset'),
  simulateUser: (id, change) => call('POST', 'instances/' + seg(id) + '/user', change),
  loadScript: (id, script) => call('POST', 'instances/' + seg(id) + '/script', script),
};
