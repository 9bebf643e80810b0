// npm install @alicloud/credentials@2.4.7 @alicloud/sts20150401@1.2.0
import CredentialsPackage from '@alicloud/credentials';
import * as OpenApi from '@alicloud/openapi-core';
import Sts from '@alicloud/sts20150401';

const Credential = CredentialsPackage.default;

// A credentials provider that asks stsvend with the signed-in user's JWT and keeps the answer until five minutes
// before it expires. (Type 'credentials_uri' cannot do this by itself: it sends a bare GET, without the JWT.)
function stsvendCredentials(serviceUrl, getJwt) {
  let current;
  return {
    getProviderName: () => 'stsvend',
    async getCredentials() {
      if (!current || Date.parse(current.expiration) - Date.now() < 5 * 60 * 1000) {
        const response = await fetch(`${serviceUrl}/credentials`, {
          headers: { Authorization: `Bearer ${await getJwt()}` },
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) {
          throw new Error(`stsvend answered ${response.status}: ${await response.text()}`);
        }
        current = await response.json();
      }
      return { accessKeyId: current.accessKeyId, accessKeySecret: current.accessKeySecret,
        securityToken: current.securityToken, providerName: 'stsvend' };
    },
  };
}

const credential = new Credential(null,
  stsvendCredentials(process.env.STSVEND_URL, async () => process.env.APP_JWT));

// Any Tea SDK client takes the credential. Here STS itself says whom the vended credentials stand for; in local
// mode STS_ENDPOINT is the embedded emulator (plain HTTP), otherwise the regional endpoint over HTTPS.
const local = Boolean(process.env.STS_ENDPOINT);
const sts = new Sts.default(new OpenApi.$OpenApiUtil.Config({
  credential,
  endpoint: process.env.STS_ENDPOINT ?? 'sts.cn-hangzhou.aliyuncs.com',
  protocol: local ? 'http' : 'https',
}));
const { body } = await sts.getCallerIdentity();
console.log(body.arn); // acs:ram::<account>:assumed-role/<role>/<session>
