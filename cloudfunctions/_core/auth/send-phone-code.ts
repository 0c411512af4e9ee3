import type { ActionContext } from '../runtime/action';
import { PHONE_CODE_LIMITS, hashPhoneCode, newPhoneCode, type PhoneCodePurpose } from './phone-code';
import { phoneCodeErrors } from './phone-code.errors';
import { phoneCodesRepository } from './phone-codes.repository';
import { smsSenderFor, type SmsSender } from './sms-sender';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const USES: Record<PhoneCodePurpose, string> = { sign_up: '注册居民账号', register: '党员报到登记', reset_password: '重设登录密码' };

/**
 * Texts a new code for `purpose`, within the resend limits. The answer is the same whether or not the phone
 * has an account, so that it tells nobody which phones are registered.
 */
export async function sendPhoneCode(ctx: ActionContext, input: { phone: string; purpose: PhoneCodePurpose }, sender: SmsSender = smsSenderFor()) {
  const now = ctx.clock.now();
  const { phone } = input;
  await phoneCodesRepository.lockPhone(ctx.tx, phone);
  const { lastSentAt, sent } = await phoneCodesRepository.sendsOfPhone(ctx.tx, phone, new Date(now.getTime() - DAY_MS));
  // Capped, so that a clock set back does not lock the phone out for longer than the limit.
  const waitSeconds = lastSentAt
    ? Math.min(PHONE_CODE_LIMITS.resendSeconds, Math.ceil((lastSentAt.getTime() + PHONE_CODE_LIMITS.resendSeconds * 1000 - now.getTime()) / 1000))
    : 0;
  if (waitSeconds > 0) {
    throw phoneCodeErrors.error('PHONE_CODE_TOO_SOON', `请${waitSeconds}秒后再试`, { phone: `请${waitSeconds}秒后再获取验证码` });
  }
  if (sent >= PHONE_CODE_LIMITS.perPhonePerDay) throw phoneCodeErrors.error('PHONE_CODE_DAILY_LIMIT', undefined, { phone: '今天获取验证码的次数已用完，请明天再试' });
  const clientAddress = ctx.clientAddress ?? null;
  if (clientAddress) {
    const fromAddress = await phoneCodesRepository.countSendsFromAddress(ctx.tx, clientAddress, new Date(now.getTime() - HOUR_MS));
    if (fromAddress >= PHONE_CODE_LIMITS.perAddressPerHour) throw phoneCodeErrors.error('PHONE_CODE_ADDRESS_LIMIT');
  }

  const code = newPhoneCode();
  const codeId = ctx.newId();
  await phoneCodesRepository.forgetBefore(ctx.tx, phone, new Date(now.getTime() - 2 * DAY_MS));
  await phoneCodesRepository.insert(ctx.tx, {
    id: codeId, phone, purpose: input.purpose, channel: 'sms', codeHash: hashPhoneCode(ctx.config.SESSION_SECRET, phone, input.purpose, code),
    clientAddress: clientAddress?.slice(0, 64) ?? null, sentAt: now, expiresAt: new Date(now.getTime() + PHONE_CODE_LIMITS.lifetimeMinutes * 60_000),
  });
  // After the commit, holding no database session while the provider answers; a message that could not be
  // sent takes its code away again, so that it does not count against the limits.
  ctx.onCommit(async (db) => {
    try {
      const lifetimeMinutes = PHONE_CODE_LIMITS.lifetimeMinutes;
      await sender.send(phone, { code, lifetimeMinutes, text: `【党员义工】验证码 ${code}，用于${USES[input.purpose]}，${lifetimeMinutes}分钟内有效。如非本人操作，请忽略本短信。` });
    } catch (error) {
      console.error('[sms] sending a phone code failed', error);
      await phoneCodesRepository.remove(db, codeId);
      throw phoneCodeErrors.error('PHONE_CODE_NOT_SENT');
    }
  });
  return {
    expiresInMinutes: PHONE_CODE_LIMITS.lifetimeMinutes,
    resendInSeconds: PHONE_CODE_LIMITS.resendSeconds,
    ...(sender.kind === 'console' ? { devCode: code } : {}),
  };
}

/** Stores a code for a phone WeChat vouched for and hands it to the caller, who then goes on as with a texted one. */
export async function issueWechatProvenCode(ctx: ActionContext, phone: string, purpose: PhoneCodePurpose) {
  const now = ctx.clock.now();
  const code = newPhoneCode();
  await phoneCodesRepository.insert(ctx.tx, {
    id: ctx.newId(), phone, purpose, channel: 'wechat', codeHash: hashPhoneCode(ctx.config.SESSION_SECRET, phone, purpose, code),
    clientAddress: null, sentAt: now, expiresAt: new Date(now.getTime() + PHONE_CODE_LIMITS.lifetimeMinutes * 60_000),
  });
  return { phone, phoneCode: code, expiresInMinutes: PHONE_CODE_LIMITS.lifetimeMinutes };
}
