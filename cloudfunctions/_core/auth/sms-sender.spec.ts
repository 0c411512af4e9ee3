import { consoleSmsSender, smsSenderFor } from './sms-sender';

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

  it('should refuse an unknown provider', () => {
    expect(() => smsSenderFor({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER 须为/);
  });

  it('should write the phone and the text on one console line', async () => {
    const lines: string[] = [];
    await consoleSmsSender((line) => lines.push(line)).send('13800138000', '验证码 123456');
    expect(lines).toEqual(['[短信·开发环境] 发往 13800138000：验证码 123456']);
  });
});
