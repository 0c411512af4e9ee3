import { createHash, createHmac } from 'node:crypto';

/** What one TencentCloud API 3.0 request signs: a POST to `/` with an empty query string. */
export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product, as in its host name: `sms` for sms.tencentcloudapi.com. */
  service: string;
  /** X-TC-Timestamp, in whole seconds; the credential's date is its UTC day. */
  timestamp: number;
  /** The headers that take part in the signature, as they are sent: at least content-type and host. */
  signedHeaders: Record<string, string>;
  payload: string;
}

export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** TC3-HMAC-SHA256, as TencentCloud's 签名方法 v3 lays it out step by step. */
export function signTc3(request: Tc3Request): Tc3Signature {
  const headers = Object.entries(request.signedHeaders)
    .map(([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256Hex(request.payload)].join('\n');

  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${request.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(request.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n');

  const secretSigning = hmac(hmac(hmac(`TC3${request.secretKey}`, date), request.service), 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
  const authorization = `TC3-HMAC-SHA256 Credential=${request.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}
