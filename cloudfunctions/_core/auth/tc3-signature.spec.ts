import { signTc3 } from './tc3-signature';

// The worked example of TencentCloud's 签名方法 v3 (Signature v3) document: DescribeInstances on CVM at
// 1551113065 with the document's example key, every intermediate value as the document prints it.
const DOCUMENT_EXAMPLE = {
  secretId: 'AKID**********************0123456789EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  service: 'cvm',
  timestamp: 1551113065,
  signedHeaders: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com' },
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
};

describe('signTc3 (TC3-HMAC-SHA256)', () => {
  it('should build the document’s canonical request, string to sign, signature and Authorization exactly', () => {
    const signed = signTc3(DOCUMENT_EXAMPLE);
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, ' +
        'Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('should date the credential by UTC, not by the server’s zone (00:44 in Beijing is the day before)', () => {
    expect(signTc3(DOCUMENT_EXAMPLE).stringToSign.split('\n')[2]).toBe('2019-02-25/cvm/tc3_request');
  });

  it('should sort extra signed headers and lower-case their names and values', () => {
    const signed = signTc3({ ...DOCUMENT_EXAMPLE, signedHeaders: { ...DOCUMENT_EXAMPLE.signedHeaders, 'X-TC-Action': 'DescribeInstances' } });
    expect(signed.canonicalRequest.split('\n').slice(3, 7)).toEqual([
      'content-type:application/json; charset=utf-8', 'host:cvm.tencentcloudapi.com', 'x-tc-action:describeinstances', '',
    ]);
    expect(signed.authorization).toContain('SignedHeaders=content-type;host;x-tc-action, ');
  });
});
