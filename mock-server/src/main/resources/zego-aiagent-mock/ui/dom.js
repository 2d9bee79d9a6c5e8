// Building the page from data without ever parsing data as HTML: every text becomes a Text node
// (textContent), every attribute is set one by one, links point inside the dashboard only.
// Instance ids, texts and journal bodies come from users; nothing here interprets them.

/**
 * Creates an element. attrs: plain attributes, `class`, `on<event>` listeners, `dataset` object.
 * Children: nodes, strings (as text), arrays, or null/false (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      el.className = v;
    } else if (k === 'href') {
      el.setAttribute('href', insideHref(v));
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  add(el, children);
  return el;
}

function add(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** Links stay inside the dashboard: `#/...` only, whatever the data says. */
function insideHref(v) {
  const s = String(v);
  return s.startsWith('#') ? s : '#/';
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  add(el, children);
  return el;
}

/** Link to one instance's timeline. */
export function instanceHref(id) {
  return '#/instance/' + encodeURIComponent(id);
}

/** A link to an instance's timeline that keeps focus across live re-renders. */
export function instanceLink(id) {
  return h('a', { href: instanceHref(id), 'data-key': 'instance:' + id }, id);
}

/** Mock-clock millis as an ISO instant (UTC). */
export function instant(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  return new Date(ms).toISOString();
}

/** Milliseconds as "+1.250 s" relative to a start. */
export function relative(ms, start) {
  const d = ms - start;
  return (d < 0 ? '−' : '+') + (Math.abs(d) / 1000).toFixed(3) + ' s';
}

/** A <time> element for a mock-clock instant (shown as given, the full instant on hover). */
export function time(ms, text) {
  return h('time', { datetime: instant(ms), title: instant(ms) }, text ?? instant(ms));
}

/** A <time> element showing the time of day (UTC, to the millisecond), for table cells. */
export function clockTime(ms) {
  return time(ms, instant(ms).slice(11, 23));
}

/** A small labelled badge; the text says what the colour says. */
export function badge(text, tone, label) {
  return h('span', { class: 'badge ' + (tone || 'muted'), 'aria-label': label || null }, text);
}

/** A table whose cells carry their column's name (shown as labels on narrow screens). */
export function table(caption, columns, rows) {
  return h('table', { class: 'cards' },
    h('caption', null, caption),
    h('thead', null, h('tr', null, columns.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows.map(cells => h('tr', null, cells.map((cell, i) => {
      const td = h('td', { 'data-label': columns[i] }, cell);
      if (typeof cell === 'number') td.className = 'num';
      return td;
    })))));
}

let fields = 0;

/** A form control with its label (label[for], so its name is the label's text alone). */
export function field(label, control, hint) {
  if (!control.id) control.id = 'field-' + (++fields);
  let hintEl = null;
  if (hint) {
    hintEl = h('span', { class: 'hint', id: control.id + '-hint' }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/** JSON text made readable (or as it came when it is not JSON). */
export function pretty(text) {
  if (text === null || text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return String(text);
  }
}

/** Keys of the blocks the user opened, so a live re-render keeps them open. */
const openKeys = new Set();

/** A collapsed block of preformatted text; with a key it stays open across re-renders. */
export function disclose(summary, text, key) {
  const d = h('details', key ? { 'data-key': key } : null, h('summary', null, summary), h('pre', null, text));
  if (key) {
    d.open = openKeys.has(key);
    d.addEventListener('toggle', () => { if (d.open) openKeys.add(key); else openKeys.delete(key); });
  }
  return d;
}

/**
 * Replaces a region's children after a live update, keeping keyboard focus where it was: on the
 * element (or inside the block) with the same data-key, if it is still there.
 */
export function refill(el, ...children) {
  const active = document.activeElement;
  const holder = active && el.contains(active) ? active.closest('[data-key]') : null;
  const key = holder ? holder.getAttribute('data-key') : null;
  fill(el, ...children);
  if (key !== null) {
    const again = el.querySelector('[data-key="' + CSS.escape(key) + '"]');
    if (again) (again.tagName === 'DETAILS' ? again.querySelector('summary') : again).focus({ preventScroll: true });
  }
  return el;
}

/** Whether data differs from what was rendered last under this name (and remembers it). */
export function changed(memo, name, data) {
  const text = JSON.stringify(data);
  if (memo[name] === text) return false;
  memo[name] = text;
  return true;
}
