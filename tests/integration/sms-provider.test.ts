import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authActions } from '../../cloudfunctions/_core/auth';
import { SendPhoneCodeInput, SendPhoneCodeView } from '../../cloudfunctions/_core/auth/phone-code.schemas';
import { sendPhoneCode } from '../../cloudfunctions/_core/auth/send-phone-code';
import { tencentSmsSender } from '../../cloudfunctions/_core/auth/tencent-sms-sender';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { createHandler, defineAction } from '../../cloudfunctions/_core/runtime';
import { call, failed, ok } from '../support/call';
import { newPhone } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

const SETTINGS = {
  secretId: 'AKIDtest', secretKey: 'test-secret-key', sdkAppId: '1400000000', signName: '党员义工', templateId: '123456',
  region: 'ap-guangzhou', templateParams: 'code,minutes' as const,
};

/** auth's real action table, with sendPhoneCode texting through 腾讯云短信 at a local stand-in for its endpoint. */
function authTextingVia(endpoint: string) {
  const sender = tencentSmsSender(SETTINGS, { endpoint, timeoutMs: 300 });
  const texting = defineAction({ ...authActions.sendPhoneCode, input: SendPhoneCodeInput, output: SendPhoneCodeView, run: (ctx, input) => sendPhoneCode(ctx, input, sender) });
  return createHandler({ ...authActions, sendPhoneCode: texting });
}

/** Answers every SendSms with `answer`, or never for null; remembers the template parameters it was sent. */
async function standIn(answer: unknown | null) {
  const params: string[][] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      params.push(JSON.parse(body).TemplateParamSet);
      if (answer === null) return;
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    params,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('phone codes texted through 腾讯云短信 (SMS_PROVIDER=tencent)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  afterAll(async () => {
    await db.close();
  });
  const codesOf = async (phone: string) => Number((await db.query<{ n: string }>('select count(*) as n from phone_codes where phone = $1', [phone]))[0].n);

  it('should text the code and its minutes, answering without a devCode', async () => {
    const server = await standIn({ Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success', PhoneNumber: '+86' }], RequestId: 'r' } });
    try {
      const phone = newPhone();
      const answer = await ok(call(authTextingVia(server.endpoint), 'sendPhoneCode', { phone, purpose: 'reset_password' }));
      expect(answer).toEqual({ expiresInMinutes: 10, resendInSeconds: 60 });
      expect(server.params).toEqual([[expect.stringMatching(/^\d{6}$/), '10']]);
      expect(await codesOf(phone)).toBe(1);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['a Response.Error', { Response: { Error: { Code: 'AuthFailure.SecretIdNotFound', Message: 'The SecretId is not found' }, RequestId: 'req-err' } }, 'AuthFailure.SecretIdNotFound'],
    ['a status other than Ok', { Response: { SendStatusSet: [{ Code: 'FailedOperation.InsufficientBalanceInSmsPackage', Message: 'insufficient balance' }], RequestId: 'req-bal' } }, 'InsufficientBalanceInSmsPackage'],
    ['no answer in time', null, '300 ms 内没有答复'],
  ])('should answer PHONE_CODE_NOT_SENT on %s, logging the provider’s words but telling the person none, and keep no code', async (_case, answer, logged) => {
    const server = await standIn(answer);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const phone = newPhone();
      const refused = await failed(call(authTextingVia(server.endpoint), 'sendPhoneCode', { phone, purpose: 'sign_up' }));
      expect(refused).toEqual({ code: 'PHONE_CODE_NOT_SENT', message: '验证码短信发送失败，请稍后再试' });
      expect(JSON.stringify(refused)).not.toMatch(/AuthFailure|Balance|RequestId|ms/);
      expect(errors.mock.calls.map((args) => args.map(String).join(' ')).join('\n')).toContain(logged);
      // Nothing kept: no code to guess at, and the failed send does not count against the phone's limits.
      expect(await codesOf(phone)).toBe(0);
    } finally {
      errors.mockRestore();
      await server.close();
    }
  });
  it('should wait for the provider holding no database session, so that others are served meanwhile', async () => {
    let release!: () => void;
    let sending!: () => void;
    const sendStarted = new Promise<void>((resolve) => (sending = resolve));
    const slowSender = {
      kind: 'tencent' as const,
      send: () => {
        sending();
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const texting = defineAction({ ...authActions.sendPhoneCode, input: SendPhoneCodeInput, output: SendPhoneCodeView, run: (ctx, input) => sendPhoneCode(ctx, input, slowSender) });
    const main = createHandler({ ...authActions, sendPhoneCode: texting });
    const phone = newPhone();
    const answer = call(main, 'sendPhoneCode', { phone, purpose: 'sign_up' });
    await sendStarted;
    // PGlite has one session: had the text been sent inside the transaction, this read would wait for the provider.
    const other = db.transaction((tx) => tx.query('select count(*) from phone_codes where phone = $1', [phone]));
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([other.then(() => 'served'), new Promise((resolve) => (timer = setTimeout(() => resolve('waiting'), 5_000)))]);
    clearTimeout(timer);
    release();
    await other;
    expect(outcome).toBe('served');
    expect(await ok(answer)).toEqual({ expiresInMinutes: 10, resendInSeconds: 60 });
    expect(await codesOf(phone)).toBe(1);
  });
});
