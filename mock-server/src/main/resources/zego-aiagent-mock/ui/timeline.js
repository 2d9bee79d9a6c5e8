// One instance: its state now (live), what it spoke and where it was cut, controls to speak as its
// user, and its timeline on the mock clock: requests, the user's turns, ASR results, LLM sentences,
// status changes, interruptions, idle timeouts, the deletion, and every callback's delivery.
import { h, fill, refill, changed, table, badge, time, clockTime, relative, instant, field, disclose, pretty } from './dom.js';
import { statusBadge } from './overview.js';

const KIND_WORDS = { request: 'API request', event: 'Simulation', script: 'Script', user: 'User' };
const STATE_TONES = { delivered: 'ok', queued: 'info', retrying: 'warn', dropped: 'bad', 'switched-off': 'muted', 'recorded-only': 'muted' };

export function mount(root, ctx, id) {
  const state = h('section', { class: 'panel', 'aria-labelledby': 'state-h' }, h('h2', { id: 'state-h' }, 'Now'));
  const stateBody = h('div');
  state.append(stateBody);
  const speak = speakPanel(ctx, id);
  const spoken = h('section', { class: 'panel', 'aria-labelledby': 'spoken-h' }, h('h2', { id: 'spoken-h' }, 'Spoken texts'));
  const spokenBody = h('div');
  spoken.append(spokenBody);
  const line = h('section', { class: 'panel', 'aria-labelledby': 'timeline-h' },
    h('h2', { id: 'timeline-h' }, 'Timeline'),
    h('p', { class: 'hint' }, 'On the mock clock, oldest first. Each simulation event says what became of its callback.'));
  const lineBody = h('div');
  line.append(lineBody);
  root.append(h('h1', null, 'Instance ', h('span', { class: 'mono' }, id)),
    h('div', { class: 'grid' }, state, speak.el), spoken, line);

  const memo = {};
  return {
    async refresh() {
      let t;
      try {
        t = await ctx.api.timeline(id);
      } catch (e) {
        if (e.status === 404) {
          fill(stateBody, h('p', { class: 'empty' }, 'The mock knows nothing of this instance: no request named it since the last reset. ',
            'Check the id (it is shown exactly as in the address), or go back to the ', h('a', { href: '#/' }, 'overview'), '.'));
          speak.setRunning(null);
          fill(spokenBody);
          fill(lineBody);
          return;
        }
        throw e;
      }
      if (!changed(memo, 'timeline', t)) return;
      renderState(stateBody, t, ctx);
      speak.setRunning(t.running ? t.instance : null);
      renderSpoken(spokenBody, t.instance);
      renderEntries(lineBody, t);
    },
    failed(e) {
      memo.timeline = null;
      fill(stateBody, h('p', { class: 'error' }, 'Cannot read the timeline: ' + e.message));
    },
  };
}

function renderState(el, t, ctx) {
  const i = t.instance;
  if (!i) {
    const deleted = [...t.entries].reverse().find(e => e.event === 'AgentInstanceDeleted');
    fill(el, h('p', null, badge('ended', 'muted'), ' ',
      deleted ? deleted.title + ' at ' + instant(deleted.atMillis) : 'This instance does not run (never created, or deleted).'));
    return;
  }
  fill(el, h('dl', { class: 'facts' },
    h('dt', null, 'Status'), h('dd', null, statusBadge(i.status), i.shuttingDown ? ' (shutting down)' : ''),
    h('dt', null, 'App'), h('dd', null, String(i.appId)),
    h('dt', null, 'Agent'), h('dd', null, i.agentId ?? '—'),
    h('dt', null, 'Room'), h('dd', null, i.roomId ?? '—'),
    h('dt', null, 'User'), h('dd', null, (i.userId ?? '—') + (i.userPresent === false ? ' (left the room)' : ' (in the room)')),
    h('dt', null, 'Agent user'), h('dd', null, i.agentUserId ?? '—'),
    h('dt', null, 'Round'), h('dd', null, String(i.lastRound ?? 0)),
    h('dt', null, 'Queued'), h('dd', null, String(i.queued ?? 0)),
    h('dt', null, 'Mode'), h('dd', null, i.walkieTalkie ? 'walkie-talkie (StartListening / StopListening)' : 'full duplex')));
}

function renderSpoken(el, i) {
  const texts = i && i.spokenTexts ? i.spokenTexts : [];
  if (!texts.length) {
    fill(el, h('p', { class: 'hint' }, i ? 'Nothing spoken yet (a text appears when its speech ends or is cut).' : 'Shown while the instance runs.'));
    return;
  }
  fill(el, table('What the agent spoke, oldest first', ['Round', 'Source', 'Started', 'Text', 'Played'],
    texts.map(s => [s.round, s.source, clockTime(s.startedAtMillis), s.text,
      s.interrupted ? h('span', null, badge('cut', 'warn'), ' ', s.playedText || '(nothing)') : 'all'])));
}

function delivery(cb, start) {
  if (!cb) return null;
  const attempts = cb.attempts || [];
  const words = cb.state === 'switched-off' ? 'no callback' : cb.state === 'recorded-only' ? 'not sent' : cb.state;
  const single = attempts.length === 1 && attempts[0].ok;
  return h('div', { class: 'delivery' },
    'Callback', cb.sequence !== undefined && cb.sequence !== null ? ' #' + cb.sequence : '', ' ',
    badge(words, STATE_TONES[cb.state], 'callback ' + cb.state), ' ', cb.note,
    attempts.length && !single ? h('div', null, 'Attempts: ', h('ol', { class: 'attempts', 'aria-label': 'Delivery attempts' }, attempts.map(a =>
      h('li', null, String(a.number), ' at ', time(a.atMillis, relative(a.atMillis, start)), ' ', badge(a.outcome, a.ok ? 'ok' : 'bad'))))) : null,
    cb.nextAttemptAtMillis ? h('div', null, 'Next attempt at ', time(cb.nextAttemptAtMillis, relative(cb.nextAttemptAtMillis, start)),
      ' on the mock clock (advance the clock to it).') : null);
}

function renderEntries(el, t) {
  if (!t.entries.length) {
    fill(el, h('p', { class: 'empty' }, 'Nothing recorded yet for this instance.'));
    return;
  }
  const start = t.entries[0].atMillis;
  let n = 0;
  refill(el,
    t.forgotten ? h('p', { class: 'hint' }, String(t.forgotten) + ' older entries were forgotten (the timeline keeps the latest 20,000 of all instances).') : null,
    h('ol', { class: 'timeline', 'aria-label': 'Timeline of the instance' }, t.entries.map(e => {
      const when = h('div', { class: 'when' }, time(e.atMillis, relative(e.atMillis, start)));
      const kind = h('div', null, badge(KIND_WORDS[e.kind] || e.kind, 'kind-' + e.kind));
      const what = h('div', { class: 'what' },
        h('span', { class: 'title' }, e.title),
        e.kind === 'event' && e.event === 'Exception' && e.text ? h('div', { class: 'hint' }, 'Message: ', e.text) : null,
        e.kind === 'request' && e.code !== 0 && e.text ? h('div', { class: 'hint' }, 'Message: ', e.text) : null,
        delivery(e.callback, start),
        e.detail ? disclose(e.kind === 'request' ? 'Request body' : 'Event Data', pretty(e.detail),
          'entry:' + (e.callback && e.callback.sequence ? 'seq' + e.callback.sequence : e.atMillis + ':' + e.kind + ':' + (n++))) : null);
      return h('li', { class: 'entry kind-' + e.kind, 'data-kind': e.kind }, when, kind, what);
    })));
}

function speakPanel(ctx, id) {
  const text = h('input', { type: 'text', name: 'text', required: true, autocomplete: 'off', value: 'Hello' });
  const duration = h('input', { type: 'number', name: 'duration', min: 1, step: 1, value: 800 });
  const utterance = h('input', { type: 'text', name: 'utterance', autocomplete: 'off' });
  const note = h('p', { class: 'hint' });
  const say = async (what, fn) => {
    try {
      await fn();
      ctx.announce(what);
      note.textContent = what;
      ctx.refreshNow();
    } catch (e) {
      note.textContent = 'Refused: ' + e.message;
      ctx.announce('Refused: ' + e.message);
    }
  };
  const duplex = h('form', { class: 'inline', 'aria-label': 'Speak as the user',
    onsubmit: (ev) => {
      ev.preventDefault();
      const ms = Number(duration.value);
      say('Scripted: the user says \u201c' + text.value + '\u201d for ' + ms + ' ms from now; advance the clock to hear the answer.',
        () => ctx.api.loadScript(id, { events: [{ at: 0, type: 'speak', text: text.value, durationMillis: ms }] }));
    } },
  field('What the user says', text), field('For (ms)', duration), h('button', { type: 'submit' }, 'Speak'));
  const walkie = h('form', { class: 'inline', 'aria-label': 'Next walkie-talkie utterance', hidden: true,
    onsubmit: (ev) => {
      ev.preventDefault();
      say('The next StopListening turn will say \u201c' + utterance.value + '\u201d.',
        () => ctx.api.simulateUser(id, { utterance: utterance.value }));
    } },
  field('Next turn says', utterance), h('button', { type: 'submit' }, 'Set'));
  const presence = h('div', { class: 'row' },
    h('button', { type: 'button', class: 'secondary', onclick: () => say('The user left the room; MaxIdleTime counts from now.',
      () => ctx.api.simulateUser(id, { present: false })) }, 'User leaves the room'),
    h('button', { type: 'button', class: 'secondary', onclick: () => say('The user is back in the room.',
      () => ctx.api.simulateUser(id, { present: true })) }, 'User joins'),
    ...[1000, 5000, 60000].map(ms => h('button', { type: 'button', class: 'secondary',
      onclick: () => say('Mock clock advanced by ' + ms / 1000 + ' s.', () => ctx.api.advanceClock(ms)) }, 'Clock +' + ms / 1000 + ' s')));
  const el = h('section', { class: 'panel', 'aria-labelledby': 'speak-h' }, h('h2', { id: 'speak-h' }, 'Act as the user'),
    duplex, walkie, presence, note);
  let mode = null;
  return {
    el,
    setRunning(instance) {
      const now = instance ? (instance.walkieTalkie ? 'walkie' : 'duplex') : 'none';
      if (now === mode) return;
      mode = now;
      duplex.hidden = now !== 'duplex';
      walkie.hidden = now !== 'walkie';
      presence.hidden = now === 'none';
      if (now === 'none') note.textContent = 'The instance does not run: nothing to act on.';
    },
  };
}
