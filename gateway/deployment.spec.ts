import { CorsOrigins, isServerDeployment, missingSecretsProblem, shouldSeedDemo, smsDeploymentProblem } from './deployment';

describe('the deployment rules of the gateway', () => {
  it('should treat a server database or NODE_ENV=production as a deployment, and nothing else', () => {
    expect(isServerDeployment({})).toBe(false);
    expect(isServerDeployment({ NODE_ENV: 'development' })).toBe(false);
    expect(isServerDeployment({ NODE_ENV: 'production' })).toBe(true);
    expect(isServerDeployment({ DATABASE_URL: 'postgres://db/app' })).toBe(true);
  });

  it.each([
    [undefined, false, true],
    [undefined, true, false],
    ['true', true, true],
    ['false', false, false],
  ] as const)('should seed demo data for SEED_DEMO=%s on a server deployment=%s: %s', (seedDemo, server, expected) => {
    expect(shouldSeedDemo(seedDemo, server)).toBe(expected);
  });

  it('should name every missing secret and how to generate it', () => {
    expect(missingSecretsProblem({ SESSION_SECRET: 'a'.repeat(32), CHECKIN_KEY: 'b'.repeat(32), CERTIFICATE_KEY: 'c'.repeat(32) })).toBeNull();
    const problem = missingSecretsProblem({ SESSION_SECRET: '', CHECKIN_KEY: undefined });
    expect(problem).toContain('SESSION_SECRET、CHECKIN_KEY、CERTIFICATE_KEY');
    expect(missingSecretsProblem({ SESSION_SECRET: 'a'.repeat(32), CHECKIN_KEY: 'b'.repeat(32) })).toContain('CERTIFICATE_KEY');
    expect(problem).toContain('openssl rand -hex 32');
    expect(missingSecretsProblem({ SESSION_SECRET: 'a'.repeat(32) })).not.toContain('SESSION_SECRET、');
  });

  describe('the SMS sender of a deployment', () => {
    const TENCENT = {
      SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'AKIDx', TENCENT_SMS_SECRET_KEY: 'key', TENCENT_SMS_SDK_APP_ID: '1400000000',
      TENCENT_SMS_SIGN_NAME: '党员义工', TENCENT_SMS_TEMPLATE_ID: '123456',
    };

    it('should need 腾讯云短信 with every credential in production, naming what is missing', () => {
      expect(smsDeploymentProblem({ NODE_ENV: 'production', ...TENCENT })).toBeNull();
      expect(smsDeploymentProblem({ NODE_ENV: 'production' })).toContain('SMS_PROVIDER=tencent 及 TENCENT_SMS_SECRET_ID、TENCENT_SMS_SECRET_KEY、TENCENT_SMS_SDK_APP_ID、TENCENT_SMS_SIGN_NAME、TENCENT_SMS_TEMPLATE_ID');
      expect(smsDeploymentProblem({ NODE_ENV: 'production', SMS_PROVIDER: 'console', DATABASE_URL: 'postgres://db/app' })).toContain('生产环境须设置 SMS_PROVIDER=tencent');
      expect(smsDeploymentProblem({ NODE_ENV: 'production', ...TENCENT, TENCENT_SMS_SECRET_KEY: '' })).toBe('配置错误：SMS_PROVIDER=tencent 时须设置 TENCENT_SMS_SECRET_KEY');
    });

    it('should have a server database without NODE_ENV=production name its sender, the console only on purpose', () => {
      expect(smsDeploymentProblem({ DATABASE_URL: 'postgres://db/app' })).toMatch(/须设置 SMS_PROVIDER.*SMS_PROVIDER=tencent.*SMS_PROVIDER=console/);
      expect(smsDeploymentProblem({ DATABASE_URL: 'postgres://db/app', SMS_PROVIDER: '' })).not.toBeNull();
      expect(smsDeploymentProblem({ DATABASE_URL: 'postgres://db/app', SMS_PROVIDER: 'console' })).toBeNull();
      expect(smsDeploymentProblem({ DATABASE_URL: 'postgres://db/app', ...TENCENT })).toBeNull();
    });

    it('should let the laptop default print codes, but not a half-configured provider', () => {
      expect(smsDeploymentProblem({})).toBeNull();
      expect(smsDeploymentProblem({ SMS_PROVIDER: 'tencent' })).toMatch(/SMS_PROVIDER=tencent 时须设置 TENCENT_SMS_SECRET_ID/);
    });
  });

  it('should read CORS_ORIGINS as a list of bare origins, empty by default', () => {
    expect(CorsOrigins.parse(undefined)).toEqual([]);
    expect(CorsOrigins.parse(' https://a.example.org, http://127.0.0.1:8080 ,')).toEqual(['https://a.example.org', 'http://127.0.0.1:8080']);
    for (const bad of ['*', 'https://a.example.org/path', 'a.example.org']) {
      expect(CorsOrigins.safeParse(bad).success).toBe(false);
    }
  });
});
