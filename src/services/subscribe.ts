import Taro from '@tarojs/taro'
import type { SubscribeMoment } from '@core/notify/wechat/templates'
import { notifyApi, type SubscribeAnswer } from './api/notify'
import { getSession } from './session'

export type { SubscribeMoment } from '@core/notify/wechat/templates'

const ANSWERS = new Set<SubscribeAnswer['result']>(['accept', 'reject', 'ban', 'filter'])

/** Template ids by moment, asked for ahead (`prepareSubscriptions`) so the tap reaches WeChat's prompt at once. */
const known = new Map<SubscribeMoment, string[]>()

const inWeChat = () => process.env.TARO_ENV === 'weapp'

async function templatesFor(moment: SubscribeMoment): Promise<string[]> {
  const cached = known.get(moment)
  if (cached) return cached
  const result = await notifyApi.subscribeTemplates(moment)
  if (!result.ok) return []
  known.set(moment, result.data.templateIds)
  return result.data.templateIds
}

/** Fetches the moment's template ids while the page shows: WeChat may refuse a prompt that a slow request held back from its tap. */
export function prepareSubscriptions(moment: SubscribeMoment): void {
  if (inWeChat() && getSession()) void templatesFor(moment).catch(() => undefined)
}

/** WeChat's answer, one entry per template it answered for. */
export function answersOf(tmplIds: string[], answer: Record<string, unknown>): SubscribeAnswer[] {
  return tmplIds.flatMap((templateId) => {
    const result = answer[templateId]
    return typeof result === 'string' && ANSWERS.has(result as SubscribeAnswer['result']) ? [{ templateId, result: result as SubscribeAnswer['result'] }] : []
  })
}

/**
 * Asks the user, inside WeChat, to let us send the one-time messages that will follow this tap (接单, 发布需求, 提交报到),
 * and tells the server what they said. Call it first thing in the tap's handler, before the action. In H5, without a
 * session or without configured templates it does nothing; a refusal or an error is swallowed: the action goes on and
 * the user still hears in 消息.
 */
export async function askForSubscriptions(moment: SubscribeMoment): Promise<void> {
  if (!inWeChat() || !getSession()) return
  try {
    const tmplIds = await templatesFor(moment)
    if (tmplIds.length === 0) return
    const answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
    const results = answersOf(tmplIds, answer)
    // The report may go on while the action runs: it does not change what the user asked for.
    if (results.length > 0) void notifyApi.grantSubscriptions(results).catch(() => undefined)
  } catch {
    // Declined with 总是保持以上选择, a WeChat too old, no network: the inbox still tells them.
  }
}

/** For tests: forget the template ids fetched so far. */
export function resetSubscriptionsForTests(): void {
  known.clear()
}
