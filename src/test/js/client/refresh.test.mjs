// One shared refresh, expiry-driven refresh and long uploads, against the running service and OSS emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ossClient, ownPrefix, session } from './harness.mjs';

const MIN_VALIDITY = 300;

test('concurrent first callers share one GET /credentials', async () => {
  const { state, credentials } = session();
  const all = await Promise.all(Array.from({ length: 8 }, () => credentials.credentials()));
  assert.equal(state.fetches, 1);
  assert.equal(new Set(all.map((c) => c.accessKeyId)).size, 1);
  assert.ok(all[0].expiration instanceof Date && all[0].accessKeySecret && all[0].securityToken);
  // ali-oss copies what refreshSTSToken returns into its options: nothing but the three keys may be there.
  assert.deepEqual(Object.keys(await credentials.refreshSTSToken()).sort(),
    ['accessKeyId', 'accessKeySecret', 'stsToken']);
  assert.equal(state.fetches, 1);
});

test('a held credential is reused until minValiditySeconds before expiry, then refreshed once', async () => {
  const { state, credentials } = session({ minValiditySeconds: MIN_VALIDITY });
  const first = await credentials.credentials();
  state.nowMs = first.expiration.getTime() - MIN_VALIDITY * 1000 - 1;
  await credentials.credentials();
  await credentials.refreshSTSToken();
  assert.equal(state.fetches, 1, 'still fresh: no request');
  state.nowMs += 2;
  await Promise.all([credentials.credentials(), credentials.refreshSTSToken(), credentials.credentials()]);
  assert.equal(state.fetches, 2, 'due: exactly one request for three callers');
  credentials.invalidate();
  await credentials.credentials();
  assert.equal(state.fetches, 3, 'after invalidate() (sign-out) the next call asks again');
});

test('concurrent ali-oss uploads after expiry share one refresh', async () => {
  const { state, credentials } = session({ minValiditySeconds: MIN_VALIDITY });
  const client = await ossClient(credentials);
  await client.put(`${ownPrefix()}warm.txt`, Buffer.from('warm'));
  assert.equal(state.fetches, 1, 'ali-oss asks before each request; the held credential answers');
  const first = await credentials.credentials();
  state.nowMs = first.expiration.getTime() - 60_000;
  const puts = Array.from({ length: 8 }, (_, i) => client.put(`${ownPrefix()}parallel-${i}.txt`,
    Buffer.from(`part ${i}`)));
  const results = await Promise.all(puts);
  assert.ok(results.every((r) => r.res.status === 200));
  assert.equal(state.fetches, 2, 'eight uploads, one GET /credentials');
});

test('a multipart upload of 10.5 MB succeeds across a refresh', async () => {
  const { state, credentials } = session({ minValiditySeconds: MIN_VALIDITY });
  const client = await ossClient(credentials);
  const first = await credentials.credentials();
  const body = randomBytes(10 * 1024 * 1024 + 512 * 1024);
  const key = `${ownPrefix()}big.bin`;
  let refreshedAt = null;
  const result = await client.multipartUpload(key, body, {
    partSize: 1024 * 1024,
    parallel: 2,
    progress: (p) => {
      if (refreshedAt === null && p > 0.2 && p < 0.8) {
        // The credential becomes due in the middle of the upload: the next part's request triggers the refresh.
        refreshedAt = p;
        state.nowMs = first.expiration.getTime() - 1000;
      }
    },
  });
  assert.equal(result.res.status, 200);
  assert.ok(refreshedAt !== null, 'the clock moved during the upload');
  // The service may answer the refresh from its own cache (its clock says the token is young): what matters is
  // that the module asked once, between parts, and the parts that followed were signed and accepted.
  assert.equal(state.fetches, 2, 'one refresh between parts, shared by the parallel parts');
  const head = await client.head(key);
  assert.equal(Number(head.res.headers['content-length']), body.length);
  const got = await client.get(key);
  assert.ok(Buffer.compare(got.content, body) === 0, 'the stored object is the uploaded bytes');
});

test('asking for more validity than a fresh credential has is refused plainly', async () => {
  const { state, credentials } = session({ minValiditySeconds: MIN_VALIDITY });
  const first = await credentials.credentials();
  state.nowMs += 600_000;
  const left = Math.floor((first.expiration.getTime() - state.nowMs) / 1000);
  const enough = await credentials.credentials({ minValiditySeconds: left - 60 });
  assert.equal(enough.accessKeyId, first.accessKeyId);
  assert.equal(state.fetches, 1, 'enough left: no request');
  await assert.rejects(credentials.credentials({ minValiditySeconds: left + 60 }), (e) => {
    assert.equal(e.name, 'StsvendError');
    assert.equal(e.code, 'validity-unavailable');
    assert.ok(!e.message.includes(first.accessKeySecret) && !e.message.includes(first.securityToken));
    return true;
  });
  assert.equal(state.fetches, 2, 'one fresh request before refusing');
});
