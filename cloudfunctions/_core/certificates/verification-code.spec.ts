import { codeMatches, CODE_LENGTH, verificationCode, verifyUrl } from './verification-code';

const KEY = 'k'.repeat(32);

describe('certificate verification code', () => {
  it('should give the same readable code for the same number and key', () => {
    const code = verificationCode(KEY, 'ZM2026-000001');
    expect(code).toHaveLength(CODE_LENGTH);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]+$/);
    expect(verificationCode(KEY, 'ZM2026-000001')).toBe(code);
  });

  it('should not accept the code of another number, another key, or an altered code', () => {
    const code = verificationCode(KEY, 'ZM2026-000001');
    expect(codeMatches(KEY, 'ZM2026-000001', code)).toBe(true);
    expect(codeMatches(KEY, 'ZM2026-000001', code.toLowerCase())).toBe(true);
    expect(codeMatches(KEY, 'ZM2026-000002', code)).toBe(false);
    expect(codeMatches('j'.repeat(32), 'ZM2026-000001', code)).toBe(false);
    const altered = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
    expect(codeMatches(KEY, 'ZM2026-000001', altered)).toBe(false);
    expect(codeMatches(KEY, 'ZM2026-000001', code.slice(1))).toBe(false);
  });

  it('should point the QR at the public verification page with the number and code', () => {
    expect(verifyUrl('https://yigong.example.cn/', 'ZM2026-000001', 'ABCD2345')).toBe(
      'https://yigong.example.cn/#/pages/verify/certificate/index?no=ZM2026-000001&code=ABCD2345',
    );
  });
});
