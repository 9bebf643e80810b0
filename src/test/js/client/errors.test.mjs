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
