// Controls: each one call of the control API (clock, faults, LLM reply, QPS limit, reset).
import { h, fill, table, badge, time, field } from './dom.js';

export function mount(root, ctx) {
  const note = h('p', { class: 'hint', role: 'status' });
  const act = async (what, fn) => {
    try {
      await fn();
      note.textContent = what;
      note.classList.remove('error');
      ctx.announce(what);
      ctx.refreshNow();
    } catch (e) {
      note.textContent = 'Refused: ' + e.message;
      note.classList.add('error');
      ctx.announce('Refused: ' + e.message);
    }
  };

  // Clock
  const clockNow = h('span');
  const millis = h('input', { type: 'number', name: 'millis', min: 0, step: 1, value: 1000 });
  const clock = h('section', { class: 'panel', 'aria-labelledby': 'clock-h' }, h('h2', { id: 'clock-h' }, 'Mock clock'),
    h('p', null, 'Now: ', clockNow),
    h('div', { class: 'row' }, [100, 1000, 5000, 60000].map(ms => h('button', { type: 'button', class: 'secondary',
      onclick: () => act('Mock clock advanced by ' + ms + ' ms.', () => ctx.api.advanceClock(ms)) },
    '+' + (ms < 1000 ? ms + ' ms' : ms / 1000 + ' s')))),
    h('form', { class: 'inline', 'aria-label': 'Advance the clock', onsubmit: (e) => {
      e.preventDefault();
      act('Mock clock advanced by ' + Number(millis.value) + ' ms.', () => ctx.api.advanceClock(Number(millis.value)));
    } }, field('Advance by (ms)', millis), h('button', { type: 'submit' }, 'Advance')),
    h('p', { class: 'hint' }, 'Speech, script steps, idle timeouts, callback retries and delayed answers that come due happen on the way.'));

  // Faults
  const faultAction = h('select', { name: 'action', required: true },
    ctx.names.actions.map(a => h('option', { value: a }, a)));
  const faultCode = h('input', { type: 'number', name: 'code', min: 0, step: 1, value: 410000001 });
  const faultCount = h('input', { type: 'number', name: 'count', min: 1, step: 1, value: 1 });
  const faultDelay = h('input', { type: 'number', name: 'delayMillis', min: 0, max: 300000, step: 1, value: 0 });
  const faultMessage = h('input', { type: 'text', name: 'message', autocomplete: 'off' });
  const faultList = h('div');
  const faults = h('section', { class: 'panel wide', 'aria-labelledby': 'faults-h' }, h('h2', { id: 'faults-h' }, 'Faults'),
    h('form', { class: 'inline', 'aria-label': 'Inject a fault', onsubmit: (e) => {
      e.preventDefault();
      const f = { action: faultAction.value, code: Number(faultCode.value), count: Number(faultCount.value),
        delayMillis: Number(faultDelay.value) };
      if (faultMessage.value) f.message = faultMessage.value;
      act('Fault planned: the next ' + (f.count === 1 ? f.action + ' call answers' : f.count + ' ' + f.action + ' calls answer')
        + ' Code ' + f.code
        + (f.delayMillis ? ' after ' + f.delayMillis + ' ms' : '') + '.', () => ctx.api.addFault(f));
    } },
    field('Action', faultAction), field('Code (0 = answer normally)', faultCode), field('Calls', faultCount),
    field('Delay (ms, mock clock)', faultDelay), field('Message (optional)', faultMessage),
    h('button', { type: 'submit' }, 'Inject fault')),
    faultList,
    h('button', { type: 'button', class: 'secondary', onclick: () => act('Every planned fault was dropped.', () => ctx.api.clearFaults()) },
      'Clear all faults'));

  // LLM reply and QPS
  const reply = h('input', { type: 'text', name: 'reply', autocomplete: 'off', placeholder: 'e.g. It is sunny.' });
  const qps = h('input', { type: 'number', name: 'limit', min: 0, step: 1, value: 10 });
  const sim = h('section', { class: 'panel', 'aria-labelledby': 'sim-h' }, h('h2', { id: 'sim-h' }, 'Simulated LLM and limits'),
    h('form', { class: 'inline', 'aria-label': 'Simulated LLM answer', onsubmit: (e) => {
      e.preventDefault();
      act('The simulated LLM now answers \u201c' + reply.value + '\u201d.', () => ctx.api.setLlmReply(reply.value));
    } }, field('Every LLM answer', reply), h('button', { type: 'submit' }, 'Set'),
    h('button', { type: 'button', class: 'secondary', onclick: () => act('The simulated LLM echoes again (You said: \u2026).', () => ctx.api.setLlmReply(null)) }, 'Back to echo')),
    h('form', { class: 'inline', 'aria-label': 'QPS limit', onsubmit: (e) => {
      e.preventDefault();
      act('QPS limit per action and App: ' + (Number(qps.value) || 'off') + '.', () => ctx.api.setQpsLimit(Number(qps.value)));
    } }, field('Requests per second per action (0 = off)', qps), h('button', { type: 'submit' }, 'Set')));

  // Reset, confirmed in a dialog (Escape cancels)
  const dialog = h('dialog', { 'aria-labelledby': 'reset-h' },
    h('h2', { id: 'reset-h' }, 'Reset the mock?'),
    h('p', null, 'This forgets every agent, instance, journal entry, planned fault, QPS window, nonce, recorded callback and timeline. The clock and settings stay.'),
    h('form', { method: 'dialog', class: 'row' },
      h('button', { value: 'cancel', class: 'secondary' }, 'Cancel'),
      h('button', { value: 'reset', class: 'danger' }, 'Reset')));
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'reset') act('The mock was reset.', () => ctx.api.reset());
  });
  const reset = h('section', { class: 'panel', 'aria-labelledby': 'reset-section-h' }, h('h2', { id: 'reset-section-h' }, 'Reset'),
    h('button', { type: 'button', class: 'danger', onclick: () => { dialog.returnValue = ''; dialog.showModal(); } }, 'Reset the mock\u2026'),
    dialog);

  root.append(h('h1', null, 'Controls'), note, h('div', { class: 'grid' }, clock, faults, sim, reset));

  return {
    async refresh() {
      const [planned, info] = await Promise.all([ctx.api.faults(), ctx.api.info()]);
      fill(clockNow, time(info.clockMillis));
      fill(faultList, planned.length === 0
        ? h('p', { class: 'hint' }, 'No fault planned: every call is answered as the simulation says.')
        : table('Planned faults, oldest first (each consumed by the next matching calls)', ['Action', 'Calls left', 'Code', 'Delay', 'Message'],
          planned.map(f => [f.action, f.count, h('span', null, badge(String(f.code), f.code === 0 ? 'ok' : 'bad'),
            ctx.codeName(f.code) ? ' ' + ctx.codeName(f.code) : ''), (f.delayMillis || 0) + ' ms', f.message ?? '—'])));
    },
    failed(e) {
      note.textContent = 'Cannot read the mock: ' + e.message;
    },
  };
}
