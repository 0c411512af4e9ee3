import { newPasswordProblem } from './password-rules';

describe('new password rules', () => {
  it.each([
    ['an empty one', '', '请填写新密码'],
    ['seven characters', 'ab12cd3', '新密码至少8位'],
    ['65 characters', 'a1'.repeat(32) + 'b', '新密码不能超过64位'],
    ['a space', 'ab12 cd34', '新密码不能含空格或不可见的字符'],
    ['a NUL', 'ab12\u0000cd34', '新密码不能含空格或不可见的字符'],
    ['one character eight times', '88888888', '新密码不能全是同一个字符'],
    ['digits counting up', '12345678', '新密码不能是连续的数字'],
    ['digits counting down', '98765432', '新密码不能是连续的数字'],
    ['a password everyone tries first', 'Password', '新密码太常见，容易被别人猜到'],
  ])('should refuse %s', (_case, password, problem) => {
    expect(newPasswordProblem(password)).toBe(problem);
  });

  it('should refuse the person’s own phone number, alone or inside', () => {
    expect(newPasswordProblem('13800001111', { phone: '13800001111' })).toBe('新密码不能含本人手机号码');
    expect(newPasswordProblem('x13800001111', { phone: '13800001111' })).toBe('新密码不能含本人手机号码');
  });

  it('should refuse the old password again', () => {
    expect(newPasswordProblem('chunfeng2026', { oldPassword: 'chunfeng2026' })).toBe('新密码不能与原密码相同');
  });

  it.each([
    ['eight digits that are not a run', '20260315'],
    ['letters and digits', 'chunfeng2026'],
    ['Chinese characters', '我家住在幸福里小区'],
    ['64 characters', 'ab'.repeat(32)],
  ])('should accept %s', (_case, password) => {
    expect(newPasswordProblem(password, { phone: '13800001111', oldPassword: 'old-pass-1' })).toBeNull();
  });
});
