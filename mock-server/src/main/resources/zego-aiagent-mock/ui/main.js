// The dashboard's shell: routes (#/, #/instance/<id>, #/journal, #/controls), the mock clock in
// the header, and live updates by polling GET /_mock/changes once a second: one request at a
// time, nothing while the tab is hidden, slower while the mock cannot be reached, and the rest
// fetched only when the version or the clock moved (at most once a second, and every 15 s anyway).
import { api } from './api.js';
import { fill, instant } from './dom.js';
import * as overview from './overview.js';
import * as timeline from './timeline.js';
import * as journal from './journal.js';
import * as controls from './controls.js';

const POLL_MS = 1000;
const FULL_REFRESH_MS = 15000;
const MAX_BACKOFF_MS = 10000;

const main = document.getElementById('main');
const clockEl = document.getElementById('clock');
const connectionEl = document.getElementById('connection');
const announceEl = document.getElementById('announce');

const ctx = {
  api,
  names: { actions: [], returnCodes: [], exceptionCodes: [], events: [] },
  clockMillis: null,
  /** Says something to screen-reader users (and shows it nowhere else). */
  announce(message) {
    announceEl.textContent = '';
    setTimeout(() => { announceEl.textContent = message; }, 30);
  },
  /** The name of a return code, or null. */
  codeName(code) {
    const r = ctx.names.returnCodes.find(c => c.code === code);
    return r ? r.name : null;
  },
  /** What an Exception / deletion code means, or null. */
  exceptionMeaning(code) {
    const r = ctx.names.exceptionCodes.find(c => c.code === code);
    return r ? r.description : null;
  },
  /** Fetches the current view's data now (after an action of the user). */
  refreshNow: () => refresh(true),
};

let view = null;
let lastVersion = null;
let lastClock = null;
let lastRefresh = 0;
let refreshing = false;
let shown = 0;

function route() {
  const hash = location.hash || '#/';
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query || '');
  if (path.startsWith('/instance/')) {
    let id;
    try {
      id = decodeURIComponent(path.slice('/instance/'.length));
    } catch (e) {
      id = path.slice('/instance/'.length);
    }
    return { name: 'instance', module: timeline, arg: id, params };
  }
  if (path === '/journal') return { name: 'journal', module: journal, params };
  if (path === '/controls') return { name: 'controls', module: controls, params };
  return { name: 'overview', module: overview, params };
}

function show() {
  const r = route();
  if (view && view.unmount) view.unmount();
  for (const a of document.querySelectorAll('nav a[data-view]')) {
    const current = a.dataset.view === r.name || (r.name === 'instance' && a.dataset.view === 'overview');
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  fill(main);
  view = r.module.mount(main, ctx, r.arg, r.params);
  const heading = main.querySelector('h1');
  if (heading) document.title = heading.textContent + ' · mock dashboard';
  if (shown++ > 0) main.focus({ preventScroll: true }); // after a navigation, not on arrival
  refresh(true);
}

/** Refreshes the current view; returns whether it did (not when one is running or one just ran). */
async function refresh(force) {
  if (!view || refreshing) return false;
  const now = Date.now();
  if (!force && now - lastRefresh < POLL_MS) return false;
  refreshing = true;
  lastRefresh = now;
  const current = view;
  try {
    await current.refresh();
  } catch (e) {
    current.failed ? current.failed(e) : null;
  } finally {
    refreshing = false;
  }
  return true;
}

function setConnection(text, down) {
  if (connectionEl.textContent !== text) connectionEl.textContent = text;
  connectionEl.classList.toggle('down', !!down);
}

async function poll() {
  let backoff = POLL_MS;
  for (;;) {
    await new Promise(r => setTimeout(r, backoff));
    if (document.hidden) {
      setConnection('Paused while the tab is hidden');
      continue;
    }
    try {
      const c = await api.changes();
      backoff = POLL_MS;
      setConnection('Live: updates every second');
      ctx.clockMillis = c.clockMillis;
      clockEl.textContent = instant(c.clockMillis);
      clockEl.setAttribute('datetime', instant(c.clockMillis));
      const changed = c.version !== lastVersion || c.clockMillis !== lastClock;
      // A change counts as shown only once a refresh has run after it: a refresh skipped because
      // one had just run (a click's) would otherwise leave it unseen until the full refresh.
      if ((changed || Date.now() - lastRefresh > FULL_REFRESH_MS) && await refresh(false)) {
        lastVersion = c.version;
        lastClock = c.clockMillis;
      }
    } catch (e) {
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      setConnection('The mock does not answer (' + e.message + '); trying again in ' + Math.round(backoff / 1000) + ' s', true);
    }
  }
}

async function start() {
  try {
    ctx.names = await api.names();
  } catch (e) {
    setConnection('The mock does not answer (' + e.message + ')', true);
  }
  window.addEventListener('hashchange', show);
  show();
  poll();
}

start();
