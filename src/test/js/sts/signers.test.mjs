// Four STS signers we did not write against the STS emulator of a running stsvend (local mode): the service's own
// RAM-user key may assume the role with session policies full of characters the signers percent-encode
// differently; the credentials the service vends to an app may not (real STS: the caller needs sts:AssumeRole);
// a wrong secret and an unknown key are refused as real STS refuses them.
//
// Environment: SERVICE_URL, JWT (an app user's token), STS_ENDPOINT (host:port), ROLE_ARN, RAM_ACCESS_KEY_ID,
// RAM_ACCESS_KEY_SECRET.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { signers, StsFailure } from './signers.mjs';

const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} must be set`);
  return value;
};
const ROLE_ARN = env('ROLE_ARN');
const RAM_KEY = { accessKeyId: env('RAM_ACCESS_KEY_ID'), accessKeySecret: env('RAM_ACCESS_KEY_SECRET') };

// Compact JSON (ali-oss re-serialises a policy with JSON.stringify) whose resources hold * / " ' ( ) !, spaces and
// non-ASCII: each signer encodes a different subset of them, and the emulator must verify every one.
const POLICIES = {
  'sub-delims and quotes': policy(`acs:oss:*:*:app-bucket/users/o'brien (draft)!/"quoted"/*`),
  'spaces': policy('acs:oss:*:*:app-bucket/users/with some spaces/  two  /*'),
  'non-ASCII': policy('acs:oss:*:*:app-bucket/users/Zoë/日本語/emoji-😀/*'),
  'reserved URL characters': policy('acs:oss:*:*:app-bucket/users/a+b=c&d;e,f:g@h~i%20j#k?l[m]/*'),
};

function policy(resource) {
  return JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject', 'oss:PutObject'],
    Resource: [resource] }] });
}

/** The session policy the emulator bound into a token (one base64 blob: the JSON payload, then a 32-byte MAC). */
function boundPolicy(securityToken) {
  const sealed = Buffer.from(securityToken, 'base64');
  const payload = JSON.parse(sealed.subarray(0, sealed.length - 32).toString('utf8'));
  return payload.policy;
}

async function refusal(promise) {
  const error = await promise.then(() => assert.fail('expected the call to be refused'), (e) => e);
  assert.ok(error instanceof StsFailure, `unexpected ${error?.stack}`);
  return error;
}

let vended;
before(async () => {
  const response = await fetch(`${env('SERVICE_URL')}/credentials`,
    { headers: { Authorization: `Bearer ${env('JWT')}` } });
  assert.equal(response.status, 200);
  const body = await response.json();
  vended = { accessKeyId: body.accessKeyId, accessKeySecret: body.accessKeySecret,
    securityToken: body.securityToken };
  assert.match(vended.accessKeyId, /^STS\./);
});

for (const [name, assumeRole] of Object.entries(signers(env('STS_ENDPOINT')))) {
  describe(name, () => {
    for (const [kind, text] of Object.entries(POLICIES)) {
      it(`the RAM user assumes the role with a session policy of ${kind}`, async () => {
        const credentials = await assumeRole(RAM_KEY,
          { roleArn: ROLE_ARN, sessionName: 'conformance', policy: text, durationSeconds: 900 });

        assert.match(credentials.AccessKeyId, /^STS\./);
        assert.ok(credentials.AccessKeySecret);
        assert.match(credentials.Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        assert.equal(boundPolicy(credentials.SecurityToken), text);
      });
    }

    it('vended credentials cannot assume the role, not even without a session policy', async () => {
      const error = await refusal(assumeRole(vended, { roleArn: ROLE_ARN, sessionName: 'escalate' }));

      if (name.startsWith('ali-oss')) {
        // It never sends the SecurityToken, so real STS stops it earlier, at the temporary key.
        assert.equal(error.code, 'MissingSecurityToken');
        assert.equal(error.status, 400);
      } else {
        assert.equal(error.code, 'NoPermission');
        assert.equal(error.status, 403);
      }
    });

    if (!name.startsWith('ali-oss')) {
      it('vended credentials with a tampered security token are refused', async () => {
        const tampered = { ...vended, securityToken: `x${vended.securityToken.slice(1)}` };

        const error = await refusal(assumeRole(tampered, { roleArn: ROLE_ARN, sessionName: 'escalate' }));

        assert.equal(error.code, 'InvalidSecurityToken.Malformed');
      });
    }

    it('a wrong secret does not match the signature', async () => {
      const error = await refusal(assumeRole({ ...RAM_KEY, accessKeySecret: `${RAM_KEY.accessKeySecret}x` },
        { roleArn: ROLE_ARN, sessionName: 'conformance' }));

      assert.equal(error.code, 'SignatureDoesNotMatch');
      assert.equal(error.status, 400);
    });

    it('an unknown AccessKeyId is not found', async () => {
      const error = await refusal(assumeRole({ accessKeyId: 'NOSUCHKEY0000000001', accessKeySecret: 'whatever' },
        { roleArn: ROLE_ARN, sessionName: 'conformance' }));

      assert.equal(error.code, 'InvalidAccessKeyId.NotFound');
      assert.equal(error.status, 404);
    });
  });
}
