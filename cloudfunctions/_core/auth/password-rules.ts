// Rules a person of any age can follow: a length, no spaces, and nothing a neighbour would guess first.
// Shared with the 修改密码 page, so that it says the same words before sending.

export const NEW_PASSWORD_MIN = 8;
export const NEW_PASSWORD_MAX = 64;

const GUESSED_FIRST = new Set(['password', 'password1', 'qwertyui', 'qwerty123', 'abcdefgh', 'abc12345', 'a1234567', '12341234', '11223344', 'iloveyou']);
const DIGITS_UP = '01234567890123456789';
const DIGITS_DOWN = '98765432109876543210';

/** Why a new password will not do, in words for the person typing it (the field's label first); null when it is fine. */
export function newPasswordProblem(
  password: string,
  context: { phone?: string | null; oldPassword?: string; label?: string } = {},
): string | null {
  const label = context.label ?? '新密码';
  if (password.length === 0) return `请填写${label}`;
  if (/[\s\p{C}]/u.test(password)) return `${label}不能含空格或不可见的字符`;
  const length = [...password].length;
  if (length < NEW_PASSWORD_MIN) return `${label}至少${NEW_PASSWORD_MIN}位`;
  if (length > NEW_PASSWORD_MAX) return `${label}不能超过${NEW_PASSWORD_MAX}位`;
  if (new Set(password).size === 1) return `${label}不能全是同一个字符`;
  if (/^\d+$/.test(password) && (DIGITS_UP.includes(password) || DIGITS_DOWN.includes(password))) return `${label}不能是连续的数字`;
  if (GUESSED_FIRST.has(password.toLowerCase())) return `${label}太常见，容易被别人猜到`;
  if (context.phone && password.includes(context.phone)) return `${label}不能含本人手机号码`;
  if (context.oldPassword !== undefined && password === context.oldPassword) return `${label}不能与原密码相同`;
  return null;
}
