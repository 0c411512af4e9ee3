import { main as auth } from '../../cloudfunctions/auth/index';
import type { PhoneCodePurpose } from '../../cloudfunctions/_core/auth/phone-code';
import { call, ok } from './call';

/** Asks for a code as the person would and reads it as the local gateway's 开发环境 banner shows it. */
export async function codeFor(phone: string, purpose: PhoneCodePurpose): Promise<string> {
  const sent = await ok<{ devCode?: string }>(call(auth, 'sendPhoneCode', { phone, purpose }));
  if (!sent.devCode) throw new Error('expected the console SMS sender (devCode) in tests');
  return sent.devCode;
}
