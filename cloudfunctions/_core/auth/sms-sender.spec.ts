import { consoleSmsSender, smsConfigProblem, smsSenderFor } from './sms-sender';

const TENCENT = {
  SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'id', TENCENT_SMS_SECRET_KEY: 'key', TENCENT_SMS_SDK_APP_ID: '1400000000',
  TENCENT_SMS_SIGN_NAME: '党员义工', TENCENT_SMS_TEMPLATE_ID: '123456',
};

describe('smsSenderFor', () => {
  it('should print codes to the console when nothing is configured outside production', () => {
    expect(smsSenderFor({ NODE_ENV: 'development' }).kind).toBe('console');
    expect(smsSenderFor({ SMS_PROVIDER: 'console' }).kind).toBe('console');
  });

  it('should refuse production without a provider, or with the console one, naming the variables', () => {
    expect(() => smsSenderFor({ NODE_ENV: 'production' })).toThrow(/SMS_PROVIDER=tencent.*TENCENT_SMS_SECRET_ID/);
    expect(() => smsSenderFor({ NODE_ENV: 'production', SMS_PROVIDER: 'console' })).toThrow(/生产环境须设置 SMS_PROVIDER=tencent/);
    expect(() => smsSenderFor({ TCB_ENV: 'cloud1' })).toThrow(/生产环境/);
  });

  it('should refuse the Tencent provider without each of its credentials', () => {
    expect(() => smsSenderFor({ ...TENCENT, TENCENT_SMS_SECRET_KEY: '' })).toThrow('配置错误：SMS_PROVIDER=tencent 时须设置 TENCENT_SMS_SECRET_KEY');
    expect(smsSenderFor({ ...TENCENT, NODE_ENV: 'production' }).kind).toBe('tencent');
  });

  it('should say why a configuration cannot send, or nothing when it can', () => {
    expect(smsConfigProblem({ NODE_ENV: 'production', ...TENCENT })).toBeNull();
    expect(smsConfigProblem({})).toBeNull();
    expect(smsConfigProblem({ NODE_ENV: 'production' })).toMatch(/^配置错误：生产环境须设置 SMS_PROVIDER=tencent 及 TENCENT_SMS_SECRET_ID、TENCENT_SMS_SECRET_KEY、TENCENT_SMS_SDK_APP_ID、TENCENT_SMS_SIGN_NAME、TENCENT_SMS_TEMPLATE_ID/);
    expect(smsConfigProblem({ ...TENCENT, TENCENT_SMS_SIGN_NAME: '', TENCENT_SMS_TEMPLATE_ID: '' })).toBe('配置错误：SMS_PROVIDER=tencent 时须设置 TENCENT_SMS_SIGN_NAME、TENCENT_SMS_TEMPLATE_ID');
  });

  it('should take a region and the template’s parameters, refusing what Tencent would not know', () => {
    expect(smsConfigProblem({ ...TENCENT, TENCENT_SMS_REGION: 'ap-beijing', TENCENT_SMS_TEMPLATE_PARAMS: 'code' })).toBeNull();
    expect(smsConfigProblem({ ...TENCENT, TENCENT_SMS_REGION: 'Guangzhou' })).toMatch(/TENCENT_SMS_REGION 须为腾讯云地域/);
    expect(smsConfigProblem({ ...TENCENT, TENCENT_SMS_TEMPLATE_PARAMS: 'minutes' })).toMatch(/TENCENT_SMS_TEMPLATE_PARAMS 须为 code 或 code,minutes/);
  });

  it('should refuse an unknown provider', () => {
    expect(() => smsSenderFor({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER 须为/);
  });

  it('should write the phone and the text on one console line', async () => {
    const lines: string[] = [];
    await consoleSmsSender((line) => lines.push(line)).send('13800138000', { code: '123456', lifetimeMinutes: 10, text: '验证码 123456' });
    expect(lines).toEqual(['[短信·开发环境] 发往 13800138000：验证码 123456']);
  });
});
