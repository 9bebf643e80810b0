// Refusals from the service surface as StsvendError with status and code, through ali-oss too, and never quote the
// JWT or a credential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, ossClient, ownPrefix, session } from './harness.mjs';
import { StsvendError } from '../../../main/js/stsvend-ali-oss/index.js';

function refusedWith(status, code, secrets) {
  return (e) => {
    assert.ok(e instanceof StsvendError, `not a StsvendError: ${e}`);
    assert.equal(e.status, status);
    assert.equal(e.code, code);
    for (const secret of secrets) {
      assert.ok(!e.message.includes(secret), 'the message quotes a secret');
    }
    return true;
  };
}

test('a bad JWT is 401 unauthenticated', async () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  const { credentials } = session({ jwt });
  await assert.rejects(credentials.credentials(), refusedWith(401, 'unauthenticated', [jwt]));
});

test('a claim no rule may use is 403 invalid-claim', async () => {
  const jwt = env('STSVEND_JWT_INVALID_CLAIM');
  const { credentials } = session({ jwt });
  await assert.rejects(credentials.credentials(), refusedWith(403, 'invalid-claim', [jwt]));
});

test('a refusal during an ali-oss upload reaches the app as the StsvendError', async () => {
  const { state, credentials } = session();
  const client = await ossClient(credentials);
  const held = await credentials.credentials();
  state.jwt = env('STSVEND_JWT_INVALID_CLAIM');
  state.nowMs = held.expiration.getTime();
  await assert.rejects(client.put(`${ownPrefix()}after-logout.txt`, Buffer.from('x')),
    refusedWith(403, 'invalid-claim', [state.jwt, held.accessKeySecret, held.securityToken]));
  assert.equal(state.fetches, 2);
});

test('a failing getToken and an unreachable service have their own codes', async () => {
  const failing = session({ jwt: '' });
  await assert.rejects(failing.credentials.credentials(), (e) => e.code === 'no-token');
  const down = session({ endpoint: 'http://127.0.0.1:1' });
  await assert.rejects(down.credentials.credentials(), (e) => e.code === 'unreachable' && e.status === undefined);
});

test('a failed refresh is not cached: the next call asks again', async () => {
  const { state, credentials } = session({ jwt: 'not-a-jwt' });
  await assert.rejects(credentials.credentials(), (e) => e.status === 401);
  state.jwt = env('STSVEND_JWT');
  const ok = await credentials.credentials();
  assert.ok(ok.accessKeyId);
  assert.equal(state.fetches, 2);
});

// The module's own failure paths, with a fetch the test controls (no service needed).
import { createStsvendCredentials } from '../../../main/js/stsvend-ali-oss/index.js';

const answer = (status, body, headers = {}) => async () => ({
  ok: status >= 200 && status < 300, status,
  headers: { get: (name) => headers[name.toLowerCase()] ?? null },
  text: async () => body,
});

// A 200 body carrying credential `id` that expires at `expiresAtMs`, as the service writes it (whole seconds).
const START_MS = Date.parse('2026-01-01T00:00:00Z');
const credential = (id, expiresAtMs) => JSON.stringify({ accessKeyId: id, accessKeySecret: 's', securityToken: 't',
  expiration: new Date(expiresAtMs).toISOString().replace(/\.\d+Z$/, 'Z') });

test('problem+json 429 carries Retry-After; a 200 without the credential is bad-response', async () => {
  const limited = createStsvendCredentials({ endpoint: 'http://127.0.0.1:9', getToken: () => 'jwt',
    fetch: answer(429, JSON.stringify({ status: 429, code: 'rate-limited', detail: 'Too many misses.' }),
      { 'retry-after': '7' }) });
  await assert.rejects(limited.credentials(), (e) => e.status === 429 && e.code === 'rate-limited'
    && e.retryAfterSeconds === 7);
  const secret = 'half-a-secret-value';
  const half = createStsvendCredentials({ endpoint: 'http://127.0.0.1:9', getToken: () => 'jwt',
    fetch: answer(200, JSON.stringify({ accessKeyId: 'STS.x', accessKeySecret: secret })) });
  await assert.rejects(half.credentials(), (e) => e.code === 'bad-response' && !e.message.includes(secret));
});

test('a service that does not answer within timeoutMs is a timeout, not a hang', async () => {
  const hanging = (url, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(new Error('aborted')));
  });
  const slow = createStsvendCredentials({ endpoint: 'http://127.0.0.1:9', getToken: () => 'jwt', fetch: hanging,
    timeoutMs: 50 });
  await assert.rejects(slow.credentials(), (e) => e.code === 'timeout' && e.status === undefined);
});

test('options are checked when the source is created', () => {
  assert.throws(() => createStsvendCredentials({ endpoint: 'sts.example.com', getToken: () => 'x' }), TypeError);
  assert.throws(() => createStsvendCredentials({ endpoint: 'https://sts.example.com' }), TypeError);
  assert.throws(() => createStsvendCredentials({ endpoint: 'https://sts.example.com', getToken: () => 'x',
    minValiditySeconds: -1 }), TypeError);
});

test('an outage inside the refresh margin is ridden out on the held credential, with a backoff; a refusal is not', async () => {
  let nowMs = START_MS;
  const answers = [
    answer(200, credential('STS.first', nowMs + 3_600_000)),
    answer(503, JSON.stringify({ status: 503, code: 'sts-unavailable' }), { 'retry-after': '2' }),
    answer(200, credential('STS.second', nowMs + 7_200_000)),
    answer(403, JSON.stringify({ status: 403, code: 'forbidden' })),
  ];
  let fetches = 0;
  const source = createStsvendCredentials({ endpoint: 'http://127.0.0.1:9', getToken: () => 'jwt',
    now: () => nowMs, fetch: (url, init) => answers[fetches++](url, init) });
  assert.equal((await source.credentials()).accessKeyId, 'STS.first');
  nowMs += 3_600_000 - 100_000;
  assert.equal((await source.credentials()).accessKeyId, 'STS.first', '100 s left: served through the 503');
  assert.equal((await source.refreshSTSToken()).accessKeyId, 'STS.first');
  assert.equal(fetches, 2, 'no new request before Retry-After');
  nowMs += 2_001;
  assert.equal((await source.credentials()).accessKeyId, 'STS.second');
  assert.equal(fetches, 3);
  nowMs += 3_600_000 - 100_000;
  await assert.rejects(source.credentials(), (e) => e.status === 403 && e.code === 'forbidden');
});

test('invalidate() during a request: the previous user\'s answer is never held', async () => {
  const pending = [];
  const fetches = [];
  const source = createStsvendCredentials({ endpoint: 'http://127.0.0.1:9', getToken: () => 'jwt',
    fetch: () => new Promise((resolve) => { fetches.push(resolve); pending.push(resolve); }) });
  const body = (id) => ({ ok: true, status: 200, headers: { get: () => null },
    text: async () => JSON.stringify({ accessKeyId: id, accessKeySecret: 's', securityToken: 't',
      expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z') }) });
  const before = source.credentials();
  await new Promise((r) => setImmediate(r));
  source.invalidate();
  const after = source.credentials();
  await new Promise((r) => setImmediate(r));
  assert.equal(fetches.length, 2, 'the new session does not join the old request');
  pending[0](body('STS.previous-user'));
  pending[1](body('STS.new-user'));
  assert.equal((await before).accessKeyId, 'STS.previous-user');
  assert.equal((await after).accessKeyId, 'STS.new-user');
  assert.equal((await source.credentials()).accessKeyId, 'STS.new-user');
  assert.equal(fetches.length, 2);
});

test('subject-blocked is not retryable: the held credential is dropped and the service is not asked for 60 s', async () => {
  let nowMs = START_MS;
  const answers = [
    answer(200, credential('STS.before-block', nowMs + 3_600_000)),
    answer(403, JSON.stringify({ status: 403, code: 'subject-blocked', detail: 'Suspended.' })),
    answer(200, credential('STS.after-block', nowMs + 7_200_000)),
    answer(200, credential('STS.new-session', nowMs + 7_200_000)),
  ];
  let fetches = 0;
  const source = createStsvendCredentials({ endpoint: 'http://127.0.0.1:9', getToken: () => 'jwt',
    now: () => nowMs, fetch: (url, init) => answers[fetches++](url, init) });
  assert.equal((await source.credentials()).accessKeyId, 'STS.before-block');
  nowMs += 3_600_000 - 100_000;
  const blocked = (e) => e instanceof StsvendError && e.status === 403 && e.code === 'subject-blocked'
    && e.retryable === false;
  // Unlike a 503, not ridden out on the held credential (it still had 100 s).
  await assert.rejects(source.credentials(), blocked);
  await assert.rejects(source.refreshSTSToken(), blocked);
  await assert.rejects(source.credentials({ minValiditySeconds: 10 }), blocked);
  assert.equal(fetches, 2, 'no refresh loop: the refusal is answered without asking');
  nowMs += 60_001;
  assert.equal((await source.credentials()).accessKeyId, 'STS.after-block', 'asked again after the pause');
  assert.equal(fetches, 3);

  const again = createStsvendCredentials({ endpoint: 'http://127.0.0.1:9', getToken: () => 'jwt',
    now: () => nowMs, fetch: answer(403, JSON.stringify({ status: 403, code: 'subject-blocked' })) });
  await assert.rejects(again.credentials(), blocked);
  again.invalidate();
  await assert.rejects(again.credentials(), blocked, 'invalidate() (a new sign-in) asks at once');
  assert.ok(new StsvendError('x', { status: 503, code: 'sts-unavailable' }).retryable);
  assert.ok(!new StsvendError('x', { status: 403, code: 'forbidden' }).retryable);
});
