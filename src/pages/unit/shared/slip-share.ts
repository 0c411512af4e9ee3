import type { ReportSlip } from '@/services/api/registration'
import { formatDate } from '@/services/beijing-time'

type SharedSlip = Pick<ReportSlip, 'code' | 'linkPath' | 'link' | 'memberName' | 'unitName' | 'communityName' | 'reportBy'>

/**
 * Where a member opens the slip: in H5 the address of the registration page with the code
 * (`http://host/#/pages/join/register/index?slip=CODE`); in the mini-program, which has no address of its own, the
 * same page on the H5 app's public address the server knows (`slip.link`), else the page's path, which the
 * registration page's code box and 扫码 read as well.
 */
export function slipTarget(slip: Pick<ReportSlip, 'linkPath' | 'link'>, h5Page: string | null): string {
  if (h5Page === null) return slip.link ?? slip.linkPath.replace(/^\//, '')
  const page = h5Page.replace(/#.*$/, '')
  return `${/^[a-z]+:\/\/[^/]+$/i.test(page) ? `${page}/` : page}#${slip.linkPath}`
}

/** The text the unit copies and sends to its member: who, where, by when, and how to open the form with the code. */
export function slipShareText(slip: SharedSlip, h5Page: string | null, now = new Date()): string {
  const ask = `${slip.memberName}同志：${slip.unitName}请您于${formatDate(slip.reportBy, now)}前到${slip.communityName}报到。`
  const inMiniProgram = `在微信中打开「党员义工」小程序，在登录页点「党员报到登记」，在“报到码”一栏填写 ${slip.code}`
  if (h5Page !== null) return `${ask}打开链接填写报到登记表：${slipTarget(slip, h5Page)} （报到码 ${slip.code}）`
  if (slip.link) return `${ask}打开链接填写报到登记表：${slip.link} （报到码 ${slip.code}），或${inMiniProgram}。`
  return `${ask}请${inMiniProgram}（小程序页面 ${slipTarget(slip, null)}）。`
}

/** The page the share link starts from: this H5 app's own address, or null in the mini-program. */
export const currentH5Page = (): string | null =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? `${window.location.origin}${window.location.pathname}` : null
