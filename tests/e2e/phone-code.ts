import type { Page } from 'playwright-core';
import { shown } from './browser';

/** Taps 获取验证码 and types the code the local gateway's 开发环境 banner shows, as a developer would read it off the screen. */
export async function fillCodeFromDevBanner(page: Page): Promise<string> {
  await shown(page, '.dy-phone-code__send').tap();
  const banner = shown(page, '.dy-phone-code__dev');
  await banner.waitFor({ timeout: 20_000 });
  const code = /开发环境：验证码 (\d{6})/.exec(await banner.innerText())?.[1];
  if (!code) throw new Error(`no code in the dev banner: ${await banner.innerText()}`);
  await shown(page, '#field-phoneCode input').fill(code);
  return code;
}
