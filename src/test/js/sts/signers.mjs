// The four STS clients a mobile or Node team may use, each wired to the emulator as its documentation says, behind
// one call: assumeRole(credentials, { roleArn, sessionName, policy, durationSeconds }) → Credentials or a thrown
// error normalised to { code, status } (each client reports the error body's Code and the HTTP status its own way).
import OSS from 'ali-oss';
import PopCore from '@alicloud/pop-core';
import * as OpenApiCore from '@alicloud/openapi-core';
import * as OpenApiClient from '@alicloud/openapi-client';
import StsV3 from '@alicloud/sts20150401';
import StsV1 from 'sts20150401-openapi-client';

const StsV3Client = StsV3.default;
const StsV1Client = StsV1.default;

/** A thrown client error as { code, status, message }. */
export class StsFailure extends Error {
  constructor(code, status, message) {
    super(`${code} (${status}): ${message}`);
    this.code = code;
    this.status = status;
  }
}

export function signers(endpoint) {
  const url = `http://${endpoint}`;
  return {
    // ali-oss's STS class signs V1 itself; it has no SecurityToken option (stsToken is ignored), so it can only
    // ever call with a long-term key.
    'ali-oss STS (V1)': async (credentials, request) => {
      const sts = new OSS.STS({ accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret,
        stsToken: credentials.securityToken, endpoint: url });
      try {
        const result = await sts.assumeRole(request.roleArn, request.policy, request.durationSeconds,
          request.sessionName);
        return result.credentials;
      } catch (e) {
        throw new StsFailure(e.code, e.status, e.message);
      }
    },
    '@alicloud/pop-core (V1)': async (credentials, request) => {
      const client = new PopCore({ accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret,
        securityToken: credentials.securityToken, endpoint: url, apiVersion: '2015-04-01' });
      const params = { RoleArn: request.roleArn, RoleSessionName: request.sessionName };
      if (request.policy !== undefined) params.Policy = request.policy;
      if (request.durationSeconds !== undefined) params.DurationSeconds = request.durationSeconds;
      try {
        return (await client.request('AssumeRole', params, { method: 'POST', timeout: 30000 })).Credentials;
      } catch (e) {
        throw new StsFailure(e.code, e.entry?.response?.statusCode, e.message);
      }
    },
    '@alicloud/sts20150401 on openapi-client (V1)': async (credentials, request) => {
      const client = new StsV1Client(new OpenApiClient.Config({ ...credentials, endpoint, protocol: 'http' }));
      return tea(() => client.assumeRole(new StsV1.AssumeRoleRequest(teaRequest(request))));
    },
    '@alicloud/sts20150401 on openapi-core (V3)': async (credentials, request) => {
      const client = new StsV3Client(new OpenApiCore.$OpenApiUtil.Config({ ...credentials, endpoint, protocol: 'http' }));
      return tea(() => client.assumeRole(new StsV3.AssumeRoleRequest(teaRequest(request))));
    },
  };
}

function teaRequest({ roleArn, sessionName, policy, durationSeconds }) {
  return { roleArn, roleSessionName: sessionName, policy, durationSeconds };
}

async function tea(call) {
  try {
    const credentials = (await call()).body.credentials;
    return { AccessKeyId: credentials.accessKeyId, AccessKeySecret: credentials.accessKeySecret,
      SecurityToken: credentials.securityToken, Expiration: credentials.expiration };
  } catch (e) {
    throw new StsFailure(e.code, e.statusCode, e.message);
  }
}
