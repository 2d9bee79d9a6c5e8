// Overview: the mock's settings, running instances with their live status, ended instances, and
// the registered agents per App as the mock stores them (credentials arrive masked as ***).
import { h, fill, refill, changed, table, badge, instanceLink, time, disclose } from './dom.js';

export function statusBadge(status) {
  return badge(status || '?', 'status-' + status, 'status ' + status);
}

export function mount(root, ctx) {
  const facts = h('section', { class: 'panel', 'aria-labelledby': 'mock-h' }, h('h2', { id: 'mock-h' }, 'The mock'));
  const running = h('section', { class: 'panel', 'aria-labelledby': 'running-h' }, h('h2', { id: 'running-h' }, 'Running instances'));
  const ended = h('section', { class: 'panel', 'aria-labelledby': 'ended-h' }, h('h2', { id: 'ended-h' }, 'Ended instances'));
  const agents = h('section', { class: 'panel', 'aria-labelledby': 'agents-h' }, h('h2', { id: 'agents-h' }, 'Apps and agents'));
  root.append(h('h1', null, 'Overview'), facts, running, ended, agents);
  const body = (section) => {
    let b = section.querySelector('.body');
    if (!b) { b = h('div', { class: 'body' }); section.append(b); }
    return b;
  };

  const memo = {};
  return {
    async refresh() {
      const [info, instances, timelines, agentList] = await Promise.all([
        ctx.api.info(), ctx.api.instances(), ctx.api.timelines(), ctx.api.agents()]);
      if (changed(memo, 'facts', info)) renderFacts(body(facts), info);
      if (changed(memo, 'running', [instances, info.baseUrl])) renderRunning(body(running), instances, info);
      if (changed(memo, 'ended', timelines)) renderEnded(body(ended), timelines, ctx);
      if (changed(memo, 'agents', agentList)) renderAgents(body(agents), agentList, info);
    },
    failed(e) {
      memo.running = null;
      fill(body(running), h('p', { class: 'error' }, 'Cannot read the mock: ' + e.message));
    },
  };
}

function renderFacts(el, info) {
  fill(el, h('dl', { class: 'facts' },
    h('dt', null, 'Base URL'), h('dd', null, h('code', null, info.baseUrl)),
    h('dt', null, 'AppIds'), h('dd', null, info.appIds.join(', ')),
    h('dt', null, 'Mock clock'), h('dd', null, time(info.clockMillis)),
    h('dt', null, 'Strict nonces'), h('dd', null, info.strict ? 'on' : 'off'),
    h('dt', null, 'Callback URL'), h('dd', null, info.callbackUrl
      ? h('code', null, info.callbackUrl)
      : 'none: callback events are recorded, not sent (start the mock with --callback-url to receive them)')));
}

function firstCall(info) {
  return h('p', { class: 'empty' },
    'No instance runs. Point your backend at ', h('code', null, info.baseUrl),
    ' with AppId ', h('code', null, String(info.appIds[0] ?? '')),
    ' and the ServerSecret from the mock\u2019s start-up banner (this page never shows it), then send a signed ',
    h('code', null, 'RegisterAgent'), ' and a ', h('code', null, 'CreateAgentInstance'),
    '. The instance appears here; open it to watch its timeline and to speak as its user.');
}

function renderRunning(el, instances, info) {
  if (!instances.length) {
    fill(el, firstCall(info));
    return;
  }
  refill(el, table('Running now, in creation order per App (updates live)',
    ['Instance', 'App', 'Agent', 'Status', 'Room', 'User', 'Agent user', 'Round', 'Queued', 'User in room'],
    instances.map(i => [
      instanceLink(i.agentInstanceId),
      String(i.appId), i.agentId ?? '—', statusBadge(i.status), i.roomId ?? '—', i.userId ?? '—',
      i.agentUserId ?? '—', i.lastRound ?? 0, i.queued ?? 0, i.userPresent === false ? 'no (left)' : 'yes'])));
}

function renderEnded(el, timelines, ctx) {
  const gone = timelines.filter(t => !t.running);
  if (!gone.length) {
    fill(el, h('p', { class: 'hint' }, 'None yet. Deleted instances stay here (with their timeline) until the mock is reset.'));
    return;
  }
  refill(el, table('Deleted or never running, latest activity first', ['Instance', 'App', 'Agent', 'How it ended', 'Last seen'],
    gone.map(t => [
      instanceLink(t.agentInstanceId),
      t.appId ?? '—', t.agentId ?? '—',
      t.deletedCode === undefined || t.deletedCode === null ? 'not running (no deletion seen)'
        : 'deleted, Code ' + t.deletedCode + (t.deletedCode === 0 ? ' (DeleteAgentInstance)'
          : ctx.exceptionMeaning(t.deletedCode) ? ': ' + ctx.exceptionMeaning(t.deletedCode) : ''),
      time(t.lastAtMillis)])));
}

function part(o, ...keys) {
  if (!o) return '—';
  const bits = keys.map(k => o[k]).filter(v => v !== undefined && v !== null && v !== '');
  return bits.length ? bits.join(' · ') : 'set';
}

function renderAgents(el, agents, info) {
  const byApp = new Map(info.appIds.map(a => [a, []]));
  for (const a of agents) {
    if (!byApp.has(a.appId)) byApp.set(a.appId, []);
    byApp.get(a.appId).push(a);
  }
  refill(el, [...byApp.entries()].map(([app, list]) => [
    h('h3', null, 'App ' + app),
    list.length === 0
      ? h('p', { class: 'empty' }, 'No agent registered in this App. Send a signed ', h('code', null, 'RegisterAgent'),
        ' (AgentId, Name, LLM, TTS) to ', h('code', null, info.baseUrl), '.')
      : table('Agents of App ' + app + ', as stored (credentials masked)',
        ['Agent', 'Name', 'LLM', 'TTS', 'ASR', 'Stored'],
        list.map(a => [a.agentId, a.name ?? '—', part(a.llm, 'Vendor', 'Model', 'Url'), part(a.tts, 'Vendor'),
          a.asr ? part(a.asr, 'Vendor') : '—', disclose('JSON', JSON.stringify(a, null, 2), 'agent:' + app + ':' + a.agentId)]))]));
}
