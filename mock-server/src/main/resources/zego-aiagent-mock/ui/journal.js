// The journal: the latest requests (secrets masked by the mock), newest first, filtered here by
// action, code and instance (the filters live in the address, so a filtered view can be shared),
// with code names, and legacy values and unknown fields marked.
import { h, fill, refill, changed, table, badge, clockTime, instanceLink, field, disclose, pretty } from './dom.js';

const SHOWN = 200;

/** The AgentInstanceId a (masked, maybe clipped) request body names, or null. */
export function instanceOf(body) {
  if (!body || body.indexOf('AgentInstanceId') < 0) return null;
  try {
    const v = JSON.parse(body).AgentInstanceId;
    return typeof v === 'string' ? v : null;
  } catch (e) {
    const m = /"AgentInstanceId"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(body);
    return m ? m[1] : null;
  }
}

export function mount(root, ctx, _arg, params) {
  const filter = { action: params.get('action') || '', code: params.get('code') || '', instance: params.get('instance') || '' };
  const action = h('select', { name: 'action' });
  const code = h('select', { name: 'code' });
  const instance = h('input', { type: 'search', name: 'instance', autocomplete: 'off', placeholder: 'any', value: filter.instance });
  const summary = h('p', { class: 'hint', id: 'journal-summary' });
  const body = h('div');
  let entries = [];
  const memo = {};

  const apply = () => {
    filter.action = action.value;
    filter.code = code.value;
    filter.instance = instance.value.trim();
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
    history.replaceState(null, '', '#/journal' + (q.toString() ? '?' + q : ''));
    render();
  };
  action.addEventListener('change', apply);
  code.addEventListener('change', apply);
  instance.addEventListener('input', apply);
  const form = h('form', { class: 'inline', 'aria-label': 'Journal filters', onsubmit: (e) => { e.preventDefault(); apply(); } },
    field('Action', action), field('Code', code), field('Instance', instance),
    h('button', { type: 'button', class: 'secondary', onclick: () => {
      action.value = ''; code.value = ''; instance.value = ''; apply();
    } }, 'Clear filters'));
  root.append(h('h1', null, 'Journal'),
    h('section', { class: 'panel', 'aria-label': 'Filters' }, form, summary), body);

  function options(select, values, current, label) {
    const keep = select.value || current;
    fill(select, h('option', { value: '' }, label), values.map(([v, text]) => h('option', { value: v }, text)));
    if ([...select.options].some(o => o.value === keep)) select.value = keep;
  }

  function matches(e) {
    if (filter.action && e.action !== filter.action) return false;
    if (filter.code === 'errors' && e.code === 0) return false;
    if (filter.code && filter.code !== 'errors' && String(e.code) !== filter.code) return false;
    if (filter.instance && (instanceOf(e.body) || '') !== filter.instance) return false;
    return true;
  }

  function codeCell(c) {
    const name = ctx.codeName(c);
    return h('span', null, badge(String(c), c === 0 ? 'ok' : 'bad'), name ? ' ' + name : '');
  }

  function render() {
    const actions = new Set(ctx.names.actions);
    entries.forEach(e => e.action && actions.add(e.action));
    options(action, [...actions].sort().map(a => [a, a]), filter.action, 'Any action');
    const codes = [...new Set(entries.map(e => e.code))].sort((a, b) => a - b);
    options(code, [['errors', 'Any error (not 0)'], ...codes.map(c => [String(c), c + (ctx.codeName(c) ? ' ' + ctx.codeName(c) : '')])],
      filter.code, 'Any code');
    if (!entries.length) {
      summary.textContent = '';
      fill(body, h('p', { class: 'empty' }, 'No request yet. Every request to the API (signed with the AppId and the ',
        'ServerSecret from the mock\u2019s start-up banner) appears here with its Code, even a refused one.'));
      return;
    }
    const shown = entries.filter(matches).reverse();
    summary.textContent = 'Showing ' + Math.min(shown.length, SHOWN) + ' of ' + shown.length + ' matching requests'
      + ' (' + entries.length + ' in the journal), newest first.';
    if (!shown.length) {
      fill(body, h('p', { class: 'empty' }, 'No request matches these filters.'));
      return;
    }
    refill(body, table('Requests, newest first', ['#', 'Mock time (UTC)', 'Action', 'Code', 'Instance', 'Message', 'Marks', 'Body'],
      shown.slice(0, SHOWN).map(e => {
        const id = instanceOf(e.body);
        const marks = [
          ...(e.legacy || []).map(l => badge('legacy: ' + l, 'warn')),
          ...(e.unknownFields || []).map(u => badge('unknown: ' + u, 'info'))];
        return [e.sequence, clockTime(e.atMillis), e.action ?? h('em', null, '(none)'), codeCell(e.code),
          id === null ? '—' : instanceLink(id), e.message ?? '',
          marks.length ? h('span', { class: 'marks' }, marks.map(m => [m, ' '])) : '—',
          e.body ? disclose('Body', pretty(e.body), 'journal:' + e.sequence) : '—'];
      })));
    for (const tr of body.querySelectorAll('tbody tr')) tr.classList.add('journal-row');
  }

  return {
    async refresh() {
      const next = await ctx.api.journal();
      if (!changed(memo, 'journal', next)) return;
      entries = next;
      render();
    },
    failed(e) {
      memo.journal = null;
      fill(body, h('p', { class: 'error' }, 'Cannot read the journal: ' + e.message));
    },
  };
}
