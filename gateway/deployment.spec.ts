import { CorsOrigins, isServerDeployment, missingSecretsProblem, shouldSeedDemo } from './deployment';

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
    expect(missingSecretsProblem({ SESSION_SECRET: 'a'.repeat(32), CHECKIN_KEY: 'b'.repeat(32) })).toBeNull();
    const problem = missingSecretsProblem({ SESSION_SECRET: '', CHECKIN_KEY: undefined });
    expect(problem).toContain('SESSION_SECRET、CHECKIN_KEY');
    expect(problem).toContain('openssl rand -hex 32');
    expect(missingSecretsProblem({ SESSION_SECRET: 'a'.repeat(32) })).not.toContain('SESSION_SECRET、');
  });

  it('should read CORS_ORIGINS as a list of bare origins, empty by default', () => {
    expect(CorsOrigins.parse(undefined)).toEqual([]);
    expect(CorsOrigins.parse(' https://a.example.org, http://127.0.0.1:8080 ,')).toEqual(['https://a.example.org', 'http://127.0.0.1:8080']);
    for (const bad of ['*', 'https://a.example.org/path', 'a.example.org']) {
      expect(CorsOrigins.safeParse(bad).success).toBe(false);
    }
  });
});
