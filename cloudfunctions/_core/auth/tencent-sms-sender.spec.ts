import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signTc3 } from './tc3-signature';
import { SmsNotSentError, tencentSmsSender, type TencentSmsSettings } from './tencent-sms-sender';

const SETTINGS: TencentSmsSettings = {
  secretId: 'AKIDtest', secretKey: 'test-secret-key', sdkAppId: '1400000000', signName: '党员义工', templateId: '123456',
  region: 'ap-guangzhou', templateParams: 'code,minutes',
};
const MESSAGE = { code: '042917', lifetimeMinutes: 10, text: '【党员义工】验证码 042917' };
const NOW = new Date('2026-11-23T16:30:00Z');

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  method?: string;
}

/** A local stand-in for sms.tencentcloudapi.com answering each request with `answer` (or never, for null). */
async function standIn(answer: unknown | null) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body, method: request.method });
      if (answer === null) return;
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { endpoint, received, close };
}

const sent = { Response: { SendStatusSet: [{ SerialNo: '2028:1', PhoneNumber: '+8613800138000', Fee: 1, Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'req-ok' } };

describe('tencentSmsSender (SendSms 2021-01-11)', () => {
  it('should POST one signed SendSms for the +86 phone with the template’s parameters, and resolve on Ok', async () => {
    const server = await standIn(sent);
    try {
      await tencentSmsSender(SETTINGS, { endpoint: server.endpoint, now: () => NOW }).send('13800138000', MESSAGE);
      expect(server.received).toHaveLength(1);
      const [{ headers, body, method }] = server.received;
      expect(method).toBe('POST');
      expect(JSON.parse(body)).toEqual({
        PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400000000', SignName: '党员义工', TemplateId: '123456', TemplateParamSet: ['042917', '10'],
      });
      expect(headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8', 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-region': 'ap-guangzhou',
        'x-tc-timestamp': String(NOW.getTime() / 1000),
      });
      // The signature the endpoint would compute from what actually arrived, Host included.
      const expected = signTc3({
        secretId: 'AKIDtest', secretKey: 'test-secret-key', service: 'sms', timestamp: NOW.getTime() / 1000, payload: body,
        signedHeaders: { 'content-type': headers['content-type']!, host: headers.host!, 'x-tc-action': headers['x-tc-action'] as string },
      });
      expect(headers.authorization).toBe(expected.authorization);
      expect(headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/2026-11-23\/sms\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/);
    } finally {
      await server.close();
    }
  });

  it('should send the code alone to a one-parameter template', async () => {
    const server = await standIn(sent);
    try {
      await tencentSmsSender({ ...SETTINGS, templateParams: 'code' }, { endpoint: server.endpoint }).send('13800138000', MESSAGE);
      expect(JSON.parse(server.received[0].body).TemplateParamSet).toEqual(['042917']);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['a Response.Error', { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'req-1' } }, /AuthFailure\.SignatureFailure.*req-1/],
    ['a status other than Ok', { Response: { SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'the number of sms messages sent from a single mobile number every day exceeds the upper limit' }], RequestId: 'req-2' } }, /LimitExceeded\.PhoneNumberDailyLimit.*req-2/],
    ['no status at all', { Response: { SendStatusSet: [], RequestId: 'req-3' } }, /没有发送状态.*req-3/],
    ['an answer that is not SendSms JSON', '<html>bad gateway</html>', /无法识别/],
  ])('should refuse with the provider’s words for the log on %s', async (_case, answer, words) => {
    const server = await standIn(answer);
    try {
      const sending = tencentSmsSender(SETTINGS, { endpoint: server.endpoint }).send('13800138000', MESSAGE);
      await expect(sending).rejects.toThrow(SmsNotSentError);
      await expect(sending).rejects.toThrow(words);
    } finally {
      await server.close();
    }
  });

  it('should give up on an endpoint that does not answer within its timeout', async () => {
    const server = await standIn(null);
    try {
      await expect(tencentSmsSender(SETTINGS, { endpoint: server.endpoint, timeoutMs: 300 }).send('13800138000', MESSAGE)).rejects.toThrow(/300 ms 内没有答复/);
    } finally {
      await server.close();
    }
  });

  it('should refuse when nothing listens at the endpoint', async () => {
    const server = await standIn(sent);
    await server.close();
    await expect(tencentSmsSender(SETTINGS, { endpoint: server.endpoint }).send('13800138000', MESSAGE)).rejects.toThrow(/连接失败/);
  });
});
