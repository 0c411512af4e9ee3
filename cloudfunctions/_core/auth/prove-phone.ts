import type { ActionContext } from '../runtime/action';
import { PHONE_CODE_LIMITS, phoneCodeMatches, type PhoneCodePurpose } from './phone-code';
import { phoneCodeErrors } from './phone-code.errors';
import { phoneCodesRepository } from './phone-codes.repository';

/**
 * Checks the code the person typed against the newest one sent to the phone for `purpose`, and uses it up.
 * A wrong try is counted even though the call is refused; the fifth kills the code.
 */
export async function provePhone(ctx: ActionContext, proof: { phone: string; purpose: PhoneCodePurpose; code: string | undefined }, field = 'phoneCode') {
  if (!proof.code) throw phoneCodeErrors.error('PHONE_CODE_REQUIRED', undefined, { [field]: '请填写短信验证码' });
  const now = ctx.clock.now();
  const sent = await phoneCodesRepository.lockNewest(ctx.tx, proof.phone, proof.purpose);
  if (!sent || sent.used_at || sent.expires_at.getTime() <= now.getTime()) {
    throw phoneCodeErrors.error('PHONE_CODE_EXPIRED', undefined, { [field]: '验证码已失效，请重新获取' });
  }
  if (sent.wrong_tries >= PHONE_CODE_LIMITS.wrongTries) {
    throw phoneCodeErrors.error('PHONE_CODE_TOO_MANY_TRIES', undefined, { [field]: '输错次数过多，请重新获取验证码' });
  }
  if (!phoneCodeMatches(ctx.config.SESSION_SECRET, proof.phone, proof.purpose, proof.code, sent.code_hash)) {
    ctx.keepOnFailure((tx) => phoneCodesRepository.countWrongTry(tx, sent.id));
    const left = PHONE_CODE_LIMITS.wrongTries - sent.wrong_tries - 1;
    if (left <= 0) throw phoneCodeErrors.error('PHONE_CODE_TOO_MANY_TRIES', undefined, { [field]: '输错次数过多，请重新获取验证码' });
    throw phoneCodeErrors.error('PHONE_CODE_WRONG', `还可再试${left}次`, { [field]: `验证码不正确，还可再试${left}次` });
  }
  await phoneCodesRepository.markUsed(ctx.tx, sent.id, now);
}
