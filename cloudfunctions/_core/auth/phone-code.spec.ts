import { hashPhoneCode, newPhoneCode, phoneCodeMatches } from './phone-code';

const SECRET = 'spec-secret-0123456789abcdef0123456789';

describe('phone codes', () => {
  it('should be six digits', () => {
    for (let i = 0; i < 200; i++) expect(newPhoneCode()).toMatch(/^\d{6}$/);
  });

  it('should match only the same code for the same phone and purpose', () => {
    const stored = hashPhoneCode(SECRET, '13800138000', 'sign_up', '012345');
    expect(phoneCodeMatches(SECRET, '13800138000', 'sign_up', '012345', stored)).toBe(true);
    expect(phoneCodeMatches(SECRET, '13800138000', 'sign_up', '012346', stored)).toBe(false);
    expect(phoneCodeMatches(SECRET, '13800138001', 'sign_up', '012345', stored)).toBe(false);
    expect(phoneCodeMatches(SECRET, '13800138000', 'reset_password', '012345', stored)).toBe(false);
    expect(phoneCodeMatches('another-secret-0123456789abcdef0123', '13800138000', 'sign_up', '012345', stored)).toBe(false);
  });

  it('should keep no plain code in the stored hash', () => {
    expect(hashPhoneCode(SECRET, '13800138000', 'sign_up', '012345')).not.toContain('012345');
  });

  it('should refuse a stored value of another length', () => {
    expect(phoneCodeMatches(SECRET, '13800138000', 'sign_up', '012345', 'c2hvcnQ=')).toBe(false);
  });
});
