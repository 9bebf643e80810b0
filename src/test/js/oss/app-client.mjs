import OSS from 'ali-oss';

// What an app (browser, React Native) runs: temporary credentials from stsvend, refreshed before they expire.
// getIdToken() returns the user's JWT from your sign-in SDK.
export function createOssClient(stsvendUrl, bucket, getIdToken) {
  async function fetchCredentials() {
    const response = await fetch(`${stsvendUrl}/credentials`, {
      headers: { Authorization: `Bearer ${await getIdToken()}` },
    });
    if (!response.ok) {
      throw new Error(`GET /credentials answered ${response.status}`);
    }
    return response.json();
  }

  return fetchCredentials().then((credentials) => new OSS({
    endpoint: credentials.endpoint,
    region: `oss-${credentials.region}`, // ali-oss wants the oss- prefix
    bucket,
    authorizationV4: true,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    stsToken: credentials.securityToken,
    refreshSTSToken: async () => {
      const fresh = await fetchCredentials();
      return {
        accessKeyId: fresh.accessKeyId,
        accessKeySecret: fresh.accessKeySecret,
        stsToken: fresh.securityToken,
      };
    },
    refreshSTSTokenInterval: 5 * 60 * 1000,
  }));
}
