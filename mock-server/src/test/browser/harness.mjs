// What the dashboard's browser tests stand on: the standalone jar started as a user starts it,
// a signed API client, a callback receiver that fails on purpose, and Debian's Chromium driven
// by playwright-core with a fresh profile. Nothing here reaches beyond this machine.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const SERVER_SECRET = 'b7d1f0c2a9e84d6fb3c5a1e2d4f6a8c0';
export const CALLBACK_SECRET = 'cb-secret-5f2e9a7c13d84b06';
export const LLM_API_KEY = 'sk-test-LLMKEY-9d8c7b6a5f4e';
export const TTS_API_KEY = 'tts-test-TTSKEY-1a2b3c4d5e6f';
export const SECRETS = [SERVER_SECRET, CALLBACK_SECRET, LLM_API_KEY, TTS_API_KEY];

const JAR = process.env.MOCK_JAR || 'target/zego-aiagent-mock-server.jar';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SHOTS = process.env.SCREENSHOTS || 'target/dashboard-screenshots';

/** Waits until fn() returns a truthy value (or throws its last error after the deadline). */
export async function eventually(fn, what, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = new Error('not yet: ' + what);
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error('timed out waiting for ' + what + ': ' + last.message);
    await new Promise(r => setTimeout(r, 100));
  }
}

/** A callback receiver: answers 500 when fail(event, attempt) says so, 200 otherwise. */
export async function startReceiver(fail) {
  const received = [];
  const seen = new Map();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      let event = {};
      try { event = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch (e) { /* counted as received */ }
      const attempt = (seen.get(event.Sequence) || 0) + 1;
      seen.set(event.Sequence, attempt);
      const refuse = fail(event, attempt);
      received.push({ event: event.Event, sequence: event.Sequence, attempt, status: refuse ? 500 : 200 });
      res.writeHead(refuse ? 500 : 200, { 'Content-Type': 'text/plain' });
      res.end(refuse ? 'no' : 'ok');
    });
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  return { url: 'http://127.0.0.1:' + server.address().port + '/callbacks', received, close: () => new Promise(r => server.close(r)) };
}

/**
 * Starts the standalone jar (fixed clock) and reads its banner: the Base URL and the AppId, which
 * may arrive in separate chunks (the Base URL line comes first). A mock that fails to start, or
 * whose banner cannot be read, is stopped before the error is thrown: nothing is left running to
 * keep the test process alive.
 */
export async function startMock(extraArgs = []) {
  if (!existsSync(JAR)) throw new Error(JAR + ' is missing: package the mock first (./mvnw -pl mock-server -am package)');
  const args = ['-jar', JAR, '--port', '0', '--clock', '2026-01-01T00:00:00Z', '--server-secret', SERVER_SECRET,
    '--callback-secret', CALLBACK_SECRET, '--qps-limit', '0', '--log', 'none', ...extraArgs];
  const proc = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', d => { err += d; });
  let base;
  let appId;
  const banner = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error('the mock did not print its Base URL and AppId within 60 s: ' + out + err));
    }, 60000);
    proc.stdout.on('data', d => {
      out += d;
      const b = /^Base URL: (\S+)$/m.exec(out);
      const a = /AppId:\s+(\d+)\n/.exec(out);
      if (b && a) {
        clearTimeout(timer);
        base = b[1];
        appId = Number(a[1]);
        resolve(out);
      }
    });
    proc.on('exit', code => {
      clearTimeout(timer);
      reject(new Error('the mock exited with ' + code + ': ' + out + err));
    });
  });
  return {
    base, appId, banner, origin: new URL(base).origin,
    stop: () => new Promise(r => { proc.on('exit', r); proc.kill('SIGTERM'); }),
  };
}

/** The control API, as any non-browser client uses it. */
export function control(mock) {
  return async (method, path, body) => {
    const res = await fetch(mock.base + '_mock/' + path, {
      method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(method + ' ' + path + ': ' + res.status + ' ' + JSON.stringify(json));
    return json;
  };
}

/** A signed API call on the mock's clock (reference §2.1: md5(AppId + nonce + secret + Timestamp)). */
export function api(mock) {
  const ctl = control(mock);
  return async (action, body) => {
    const { millis } = await ctl('GET', 'clock');
    const ts = String(Math.floor(millis / 1000));
    const nonce = randomBytes(8).toString('hex');
    const sig = createHash('md5').update(mock.appId + nonce + SERVER_SECRET + ts).digest('hex');
    const q = new URLSearchParams({ Action: action, AppId: String(mock.appId), SignatureNonce: nonce, Timestamp: ts,
      Signature: sig, SignatureVersion: '2.0' });
    const res = await fetch(mock.base + '?' + q, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body) });
    return res.json();
  };
}

/** Chromium as the guide says: headless, sandbox off (root), no network of its own, fresh profile. */
export async function startBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(CHROMIUM + ' is missing: the browser tests need Debian\u2019s Chromium (apt-get install -y chromium), '
      + 'or set CHROMIUM_PATH; -Dbrowser.skip=true skips them');
  }
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'zego-dashboard-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
