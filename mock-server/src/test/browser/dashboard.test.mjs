// The dashboard (/_mock/ui/) in a real browser: Debian's Chromium driven by playwright-core,
// against the standalone jar started as a user starts it. Run by the Maven build (integration-test
// phase of mock-server) with `node --test`; screenshots of every view land in
// target/dashboard-screenshots/ on every run.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  SECRETS, LLM_API_KEY, TTS_API_KEY, SHOTS, api, control, eventually, startBrowser, startMock, startReceiver,
} from './harness.mjs';

const REPLY = 'Long answer one. Long answer two. Long answer three.';
const CALLBACKS = { ASRResult: 1, LLMResult: 1, Interrupted: 1, UserSpeakAction: 1 }; // AgentInstanceStatus off
const XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

let mock;
let receiver;
let browser;
let ctl;
let call;
/** Every request any page made, and every answer's text, over the whole run. */
const requests = [];
const answers = [];

async function newPage(width = 1280, height = 800) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  page.on('request', r => requests.push(r.url()));
  page.on('response', async r => {
    try { answers.push({ url: r.url(), text: await r.text() }); } catch (e) { /* redirects have no body */ }
  });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  return page;
}

async function open(page, hash) {
  await page.goto(mock.base + '_mock/ui/' + hash);
  await page.locator('main h1').waitFor();
}

async function registerAndCreate(extra = {}) {
  const reg = await call('RegisterAgent', {
    AgentId: 'greeter', Name: 'Greeter',
    LLM: { Url: 'https://api.openai.com/v1/chat/completions', ApiKey: LLM_API_KEY, Model: 'gpt-4o-mini' },
    TTS: { Vendor: 'ByteDanceV3', Params: { app: { appid: 'a', token: TTS_API_KEY } } },
  });
  assert.equal(reg.Code, 0, JSON.stringify(reg));
  const created = await call('CreateAgentInstance', {
    AgentId: 'greeter', UserId: 'user_1',
    RTC: { RoomId: 'room_1', AgentStreamId: 'as_1', AgentUserId: 'au_1', UserStreamId: 'us_1' },
    CallbackConfig: CALLBACKS, AdvancedConfig: { MaxIdleTime: 10 }, ...extra,
  });
  assert.equal(created.Code, 0, JSON.stringify(created));
  return created.Data.AgentInstanceId;
}

before(async () => {
  // The receiver refuses every Interrupted event and the first attempt of each ASRResult.
  receiver = await startReceiver((e, attempt) => e.Event === 'Interrupted' || (e.Event === 'ASRResult' && attempt === 1));
  mock = await startMock(['--callback-url', receiver.url, '--callback-retry-delays', '1s',
    '--speech-per-character', '10ms', '--llm-think-time', '500ms']);
  ctl = control(mock);
  call = api(mock);
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (mock) await mock.stop();
  if (receiver) await receiver.close();
});

beforeEach(async () => {
  await ctl('POST', 'reset');
  await ctl('POST', 'llm-reply', { reply: REPLY });
});

describe('the dashboard', () => {
  test('the banner names it and the jar serves it with a strict content policy', async () => {
    assert.match(mock.banner, /Dashboard: +http:\/\/127\.0\.0\.1:\d+\/_mock\/ui\//);
    const res = await fetch(mock.base + '_mock/ui/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(res.headers.get('content-security-policy'), /default-src 'none'.*connect-src 'self'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
  });

  test('a five-turn script with one interruption and an idle timeout, in order, with the cut text and every callback\u2019s outcome', async () => {
    const id = await registerAndCreate();
    await ctl('POST', 'instances/' + id + '/script', {
      events: [
        { at: 0, type: 'speak', text: 'Hello', durationMillis: 300 },
        { at: 2000, type: 'speak', text: 'Weather?', durationMillis: 400 },
        { at: 4000, type: 'speak', text: 'Tell me more', durationMillis: 500 },
        { at: 5250, type: 'speak', text: 'Stop please', durationMillis: 300 },
        { at: 8000, type: 'speak', text: 'Bye', durationMillis: 200 },
        { at: 9500, type: 'leave' }],
      endAt: 20000,
    });
    const page = await newPage();
    await open(page, '#/instance/' + id);
    await ctl('POST', 'clock/advance', { millis: 20000 });
    // Refused deliveries are retried 1 s later on the mock clock: once every first attempt has
    // ended (none queued), move the clock on, then every callback is delivered or dropped.
    const states = async () => (await ctl('GET', 'instances/' + id + '/timeline')).entries
      .filter(e => e.callback).map(e => e.callback.state);
    await eventually(async () => !(await states()).includes('queued'), 'every first attempt ended');
    await ctl('POST', 'clock/advance', { millis: 2000 });
    await eventually(async () => (await states()).every(s => !['queued', 'retrying'].includes(s)), 'every retry ended');
    assert.equal(receiver.received.filter(r => r.event === 'Interrupted').length, 2, 'Interrupted: two attempts');

    const titles = () => page.locator('ol.timeline > li .title').allTextContents();
    await eventually(async () => (await titles()).some(t => t.startsWith('Instance deleted (Code 1202')), 'the deletion on the page');
    await eventually(async () => (await page.locator('ol.timeline > li', { hasText: 'Interrupted by' }).textContent()).includes('dropped'),
      'the dropped Interrupted callback on the page');
    const all = await titles();

    // In order: five turns (begin, end, ASR), the interruption with its cut text, then the idle timeout.
    const order = [
      'User user_1 starts speaking', 'User user_1 stops speaking', 'ASR result: \u201cHello\u201d',
      'LLM sentence: \u201cLong answer one.\u201d',
      'ASR result: \u201cWeather?\u201d', 'ASR result: \u201cTell me more\u201d',
      'Interrupted by user speech: cut after \u201cLong answer one. Long ans\u201d',
      'ASR result: \u201cStop please\u201d', 'ASR result: \u201cBye\u201d',
      'Script: the user leaves the room (MaxIdleTime counts from here)',
      'Exception 1202', 'Instance deleted (Code 1202'];
    let at = -1;
    for (const want of order) {
      const i = all.findIndex((t, k) => k > at && t.startsWith(want));
      assert.ok(i > at, 'timeline has "' + want + '" after position ' + at + ':\n' + all.join('\n'));
      at = i;
    }
    assert.equal(all.filter(t => t.endsWith('starts speaking')).length, 5, 'five user turns');
    // Times never go back.
    const times = await page.locator('ol.timeline > li .when time').evaluateAll(ts => ts.map(t => Date.parse(t.getAttribute('datetime'))));
    for (let i = 1; i < times.length; i++) assert.ok(times[i] >= times[i - 1], 'entry ' + i + ' is not earlier than the one before');
    assert.equal(times[times.length - 1] - times[0], 19500, 'deleted 10 s (MaxIdleTime) after the user left at +9.5 s');

    // Callbacks' outcomes: dropped after two refusals, delivered on the second attempt, switched off, delivered at once.
    const entry = (text) => page.locator('ol.timeline > li', { hasText: text }).first();
    assert.match(await entry('Interrupted by').textContent(), /dropped after 2 attempts \(last: HTTP 500\)/);
    assert.equal(await entry('Interrupted by').locator('.when').textContent(), '+5.250 s', 'cut when the user spoke');
    assert.deepEqual(await entry('Interrupted by').locator('.attempts li .badge').allTextContents(), ['HTTP 500', 'HTTP 500']);
    assert.match(await entry('ASR result: \u201cHello\u201d').textContent(), /delivered on attempt 2 \(HTTP 200\)[\s\S]*HTTP 500[\s\S]*HTTP 200/);
    assert.match(await entry('Status THINKING').textContent(), /no callback[\s\S]*CallbackConfig\.AgentInstanceStatus is off/);
    assert.match(await entry('LLM sentence: \u201cLong answer two.\u201d').textContent(), /delivered on the first attempt \(HTTP 200\)/);
    assert.match(await entry('Instance deleted').textContent(), /delivered/);
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: join(SHOTS, 'timeline-full-1280.png'), fullPage: true });
    await entry('Interrupted by').evaluate(el => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'timeline-1280.png') });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'timeline-400.png'), fullPage: false });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 400), 'no sideways scrolling at 400 px');
    await page.close();
  });

  test('a fault injected from the page fires on the next call', async () => {
    const page = await newPage();
    await open(page, '#/controls');
    await page.getByLabel('Action', { exact: true }).selectOption('ListAgents');
    await page.getByLabel('Code (0 = answer normally)').fill('410000001');
    await page.getByLabel('Message (optional)').fill('planned from the dashboard');
    await page.getByRole('button', { name: 'Inject fault' }).click();
    await page.locator('table', { hasText: 'Planned faults' }).getByText('ListAgents').waitFor();
    await page.screenshot({ path: join(SHOTS, 'controls-1280.png'), fullPage: true });

    const answered = await call('ListAgents', {});
    assert.equal(answered.Code, 410000001);
    assert.equal(answered.Message, 'planned from the dashboard');
    assert.equal((await call('ListAgents', {})).Code, 0, 'one call only');
    // Consumed, and the page noticed by itself within its live updates (once a second), well before
    // its 15 s full refresh.
    await page.getByText('No fault planned').waitFor({ timeout: 8000 });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'controls-400.png'), fullPage: false });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 400), 'no sideways scrolling at 400 px');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a journal filter shows only that action, with code names and legacy and unknown marks', async () => {
    const id = await registerAndCreate();
    await call('SendAgentInstanceTTS', { AgentInstanceId: id, Text: 'Hello there' });
    await call('SendAgentInstanceTTS', { AgentInstanceId: id, Text: 'Again', Unknown_Field: 1 });
    await call('QueryAgentInstanceStatus', { AgentInstanceId: '1' });
    await call('RegisterAgent', { AgentId: 'legacy', Name: 'Old', LLM: { Url: 'https://x.example/v1', ApiKey: 'k', Model: 'm' },
      TTS: { Vendor: 'ByteDance', Params: { app: { appid: 'a', token: 't', cluster: 'volcano_tts' } } } });
    const page = await newPage();
    await open(page, '#/journal');
    await page.locator('tr.journal-row').first().waitFor();
    assert.ok(await page.locator('tr.journal-row').count() >= 6);
    await page.getByLabel('Action', { exact: true }).selectOption('SendAgentInstanceTTS');
    const actions = await page.locator('tr.journal-row td[data-label="Action"]').allTextContents();
    assert.deepEqual(actions, ['SendAgentInstanceTTS', 'SendAgentInstanceTTS']);
    assert.match(page.url(), /#\/journal\?action=SendAgentInstanceTTS$/);
    assert.match(await page.locator('tr.journal-row').first().textContent(), /unknown: Unknown_Field/);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Code', { exact: true }).selectOption('errors');
    const codes = await page.locator('tr.journal-row td[data-label="Code"]').allTextContents();
    assert.ok(codes.length >= 1 && codes.every(c => !c.startsWith('0')), codes.join());
    assert.ok(codes.some(c => /^410001002 \w+/.test(c)), 'a code with its name: ' + codes.join());
    await page.getByRole('button', { name: 'Clear filters' }).click();
    assert.match(await page.locator('tr.journal-row', { hasText: 'legacy' }).first().textContent(), /legacy: TTS\.Vendor=ByteDance/);
    await page.screenshot({ path: join(SHOTS, 'journal-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'journal-400.png'), fullPage: false });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 400), 'no sideways scrolling at 400 px');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('an instance id holding <script> is shown as text, nowhere run', async () => {
    const refused = await call('QueryAgentInstanceStatus', { AgentInstanceId: XSS });
    assert.notEqual(refused.Code, 0);
    const page = await newPage();
    await open(page, '#/journal');
    await page.locator('tr.journal-row td[data-label="Instance"]', { hasText: XSS }).waitFor();
    await page.locator('tr.journal-row td[data-label="Instance"] a').first().click();
    await page.locator('h1', { hasText: XSS }).waitFor();
    assert.equal(await page.locator('h1 .mono').textContent(), XSS);
    await page.locator('ol.timeline > li', { hasText: 'QueryAgentInstanceStatus answered Code' }).waitFor();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.evaluate(() => document.scripts.length), 1, 'only the dashboard\u2019s own module');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('views at 1280\u00d7800 and 400 px, keyboard and labels, empty states that say what to do', async () => {
    const page = await newPage();
    await open(page, '#/');
    await page.getByText('No instance runs').waitFor();
    assert.match(await page.locator('main').textContent(), /signed RegisterAgent and a CreateAgentInstance/);
    await page.screenshot({ path: join(SHOTS, 'overview-empty-1280.png'), fullPage: true });
    const id = await registerAndCreate();
    await page.locator('td[data-label="Instance"] a', { hasText: id }).waitFor(); // live: no reload
    await call('SendAgentInstanceTTS', { AgentInstanceId: id, Text: 'Hello there, how are you today?' });
    await page.locator('td[data-label="Status"]', { hasText: 'SPEAKING' }).waitFor();
    assert.match(await page.locator('main').textContent(), /ByteDanceV3/);
    await page.screenshot({ path: join(SHOTS, 'overview-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'overview-400.png'), fullPage: false });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 400), 'no sideways scrolling at 400 px');

    // Every control has an accessible name.
    for (const hash of ['#/', '#/journal', '#/controls', '#/instance/' + id]) {
      await open(page, hash);
      const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button, a')]
        .filter(el => !el.hidden && !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
        .map(el => el.outerHTML.slice(0, 80)));
      assert.deepEqual(unnamed, [], hash);
    }
    // The keyboard alone: skip link, the views, a control.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('about:blank');
    await open(page, '#/'); // a fresh arrival: focus starts at the top of the page
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Journal');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Journal' }).waitFor();
    await open(page, '#/controls');
    await page.getByRole('button', { name: '+1 s' }).focus();
    const before = (await ctl('GET', 'clock')).millis;
    await page.keyboard.press('Enter');
    await eventually(async () => (await ctl('GET', 'clock')).millis === before + 1000, 'the clock moved by the keyboard');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the page makes no request off the mock\u2019s origin and no secret reaches it', async () => {
    // Runs last: it reads what every page of this run sent and received.
    const page = await newPage();
    await open(page, '#/');
    await registerAndCreate();
    await open(page, '#/controls');
    await open(page, '#/journal');
    await page.locator('tr.journal-row').first().waitFor();
    await open(page, '#/');
    await page.locator('td[data-label="Instance"] a').first().click();
    await page.locator('ol.timeline > li').first().waitFor();
    assert.ok(requests.length > 20, 'requests were seen: ' + requests.length);
    const foreign = requests.filter(u => new URL(u).origin !== mock.origin);
    assert.deepEqual(foreign, []);
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of SECRETS) {
      assert.ok(!text.includes(s), 'the page text holds a secret');
      const leaked = answers.filter(a => a.text.includes(s)).map(a => a.url);
      assert.deepEqual(leaked, [], 'answers holding a secret');
    }
    assert.ok(answers.some(a => a.url.endsWith('/_mock/agents') && a.text.includes('***')), 'credentials arrive masked');
    await page.close();
  });
});
