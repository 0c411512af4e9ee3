import { useCallback, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { useShownDetail } from '@/hooks/use-shown-detail'
import { checkinApi } from '@/services/api/checkin'
import { ordersApi } from '@/services/api/orders'
import type { ApiResult, Order } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { focusedActivityText } from '@/services/focused-activity'
import { getSession } from '@/services/session'
import { askForSubscriptions, prepareSubscriptions } from '@/services/subscribe'
import { Card, type CardTone } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { OrderChanges } from '@/components/order-changes'
import { ShortNoticeTags } from '@/components/short-notice-tag'
import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import { formatMoment, formatSpan } from '@/services/beijing-time'
import {
  acceptNotice,
  arrivalNotice,
  clashWarnings,
  isInvitation,
  memberActionsOf,
  memberStateOf,
  placesLeft,
  stateText,
} from '../shared/order-display'
import './index.scss'

type Action = 'accept' | 'decline' | 'cancel'

const ACTION_WORDS: Record<Action, { title: string; confirm: string; done: string }> = {
  accept: { title: '确认接单', confirm: '确认接单', done: '接单成功' },
  decline: { title: '谢绝邀请', confirm: '谢绝', done: '已谢绝' },
  cancel: { title: '取消接单', confirm: '取消接单', done: '已取消接单，名额已释放' },
}

export default function MemberOrderDetailPage() {
  const { params } = useRouter()
  const orderId = params.id ? decodeURIComponent(params.id) : ''
  const [action, setAction] = useState<Action | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [now, setNow] = useState(() => new Date())
  const [canVerify, setCanVerify] = useState(false)
  const [elder] = useElderMode()
  // In 长辈模式 each value gets the full width under its label, so a time is never broken across lines.
  const layout = elder ? 'stacked' : 'inline'

  const fetchIt = useCallback(() => ordersApi.get(orderId), [orderId])
  const onLoaded = async (loaded: Order) => {
    setNow(new Date())
    // The order's 现场负责人 may scan on it: the server says whether now.
    if (loaded.leaderMemberId && loaded.leaderMemberId === getSession()?.profile.userId) {
      const verifiable = await checkinApi.verifiableOrders()
      setCanVerify(verifiable.ok && verifiable.data.items.some((item) => item.id === orderId))
    } else setCanVerify(false)
  }
  const { data: order, setData: setOrder, status, error, reload } = useShownDetail(orderId ? fetchIt : null, '找不到该服务订单', onLoaded)

  const open = (next: Action) => {
    // The page may have stood open for a while: the dialog's deadlines are read against the clock now.
    setNow(new Date())
    setActionError(null)
    setReason('')
    setAction(next)
    if (next === 'accept') prepareSubscriptions('accept_order')
  }

  const run = async () => {
    if (!order || !action) return
    setActionError(null)
    let result: ApiResult<Order>
    // WeChat lets a tap ask for subscribe messages: this one, 确认接单, before the order is taken.
    if (action === 'accept') await askForSubscriptions('accept_order')
    if (action === 'accept') result = await ordersApi.accept(order.id)
    else if (action === 'decline') result = await ordersApi.decline({ orderId: order.id, reason: reason.trim() })
    else result = await ordersApi.cancelAcceptance(order.id, reason.trim())
    if (!result.ok) {
      setActionError(result.error.message)
      // A full or closed order changed under us: show its current state behind the dialog.
      if (result.error.code !== 'NETWORK') void reload(true)
      throw new Error(result.error.code)
    }
    setOrder(result.data)
    setNow(new Date())
    void Taro.showToast({ title: ACTION_WORDS[action].done, icon: 'success' })
  }

  const state = order ? memberStateOf(order, now) : null
  const actions = order ? memberActionsOf(order, now) : null
  const accepted = order?.myAssignment?.status === 'accepted'
  const phase = order?.myAssignment?.phase ?? null
  // The cut-off matters before taking the order and while it has not started.
  const showCutoff = !!order && order.status !== 'cancelled' && (accepted ? phase === 'upcoming' : !!actions?.canAccept)

  return (
    <PageShell title="订单详情" backTo={ROUTES.memberHome} status={status} error={error} onRetry={() => void reload()}>
      {order && state && actions && (
        <View className="member-order">
          {isInvitation(order) && <Notice tone="notice">社区定向邀请您参加这次服务，请接单或谢绝，让社区及时安排。</Notice>}
          <Card title={order.title} extra={<ShortNoticeTags notice={order.notice}><StatusTag tone={state.tone}>{stateText(state, elder)}</StatusTag></ShortNoticeTags>}>
            {order.description && <Text className="member-order__description">{order.description}</Text>}
            <InfoRow layout={layout} label="服务类别" value={order.category} />
            {order.focusedTeam && <InfoRow layout={layout} label="活动" value={focusedActivityText(order)} />}
            <InfoRow layout={layout} label="服务时间" value={formatSpan(order.startsAt, order.endsAt, now)} />
            <InfoRow layout={layout} label="服务地点" value={order.place} hint={!accepted && order.kind === 'demand' ? '接单后可看到完整地址' : undefined} />
            {order.requester && <InfoRow layout={layout} label="服务对象" value={`${order.requester.name}  ${order.requester.phone}`} />}
            <InfoRow layout={layout} label="名额" value={`共 ${order.capacity} 人，已接 ${order.acceptedCount} 人，还剩 ${placesLeft(order)} 个`} />
            <InfoRow layout={layout} label="派单方式" value={order.dispatch === 'open' ? '公开招募，先到先得' : '社区定向邀请'} />
            {order.leaderName && <InfoRow layout={layout} label="现场负责人" value={order.leaderName} />}
            {order.requiredPosts.length > 0 && <InfoRow layout={layout} label="所需岗位" value={order.requiredPosts.join('、')} />}
            {order.requiredSkills.length > 0 && <InfoRow layout={layout} label="所需技能" value={order.requiredSkills.join('、')} />}
            {showCutoff && (
              <InfoRow
                layout={layout}
                label="取消截止"
                value={
                  now < new Date(order.cancelDeadline)
                    ? `${formatMoment(order.cancelDeadline, now)} 前可自行取消接单`
                    : `${formatMoment(order.cancelDeadline, now)}（已过，如需取消请联系社区）`
                }
              />
            )}
          </Card>

          {order.status !== 'cancelled' && <OrderChanges changes={order.changes.slice(0, 1)} />}
          {order.status === 'cancelled' && (
            <Notice tone="alert">社区已取消这次服务{order.cancelReason ? `：${order.cancelReason}` : '。'}</Notice>
          )}
          {accepted && order.myAssignment?.phase === 'upcoming' && <Notice>{arrivalNotice(order, now)}</Notice>}
          {order.myAssignment?.status === 'declined' && <Notice>您已谢绝这次邀请，社区会另行安排。</Notice>}
          {order.myAssignment?.status === 'cancelled' && order.status !== 'cancelled' && (
            <Notice>您已取消过这一单。{actions.canAccept ? '如时间允许，可以再次接单。' : ''}</Notice>
          )}
          {accepted && phase === 'in_service' && (
            <Notice>您已签到，服务进行中。离开前请再出示签到码，由书记或现场负责人扫码签退。</Notice>
          )}
          {accepted && phase === 'done' && <Notice tone="done">本次服务已结束，时长计入“我的时长”。</Notice>}
          {actions.cancelTooLate && (
            <Notice tone="alert">已过取消时限（{formatMoment(order.cancelDeadline, now)}），不能自行取消。如需取消请联系社区。</Notice>
          )}

          {canVerify && <Notice>您是这次服务的现场负责人，可以为到场的党员扫码签到、签退。</Notice>}

          <View className="member-order__actions">
            {canVerify && (
              <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryScanner(order.id) })}>
                扫码核验
              </Button>
            )}
            {actions.canAccept && (
              <Button type="primary" size="large" block onClick={() => open('accept')}>
                接单
              </Button>
            )}
            {actions.canDecline && (
              <Button size="large" block fill="outline" onClick={() => open('decline')}>
                谢绝邀请
              </Button>
            )}
            {accepted && order.myAssignment?.phase !== 'done' && order.status !== 'cancelled' && (
              <Button type="primary" size="large" block onClick={() => void Taro.redirectTo({ url: ROUTES.memberCheckinCode })}>
                出示签到码
              </Button>
            )}
            {actions.canCancel && (
              <Button size="large" block fill="outline" onClick={() => open('cancel')}>
                取消接单
              </Button>
            )}
            {/* 活动简讯: the leader writes it once the activity has ended; the others read it once the order is done. */}
            {order.kind === 'activity' && order.status !== 'cancelled' && Date.parse(order.endsAt) <= now.getTime() &&
              (order.leaderMemberId === getSession()?.profile.userId || order.status === 'completed') && (
              <Button size="large" block fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.activityBrief(order.id) })}>
                {order.leaderMemberId === getSession()?.profile.userId ? '写活动简讯' : '活动简讯'}
              </Button>
            )}
          </View>

          <Dialog
            visible={action !== null}
            title={action ? ACTION_WORDS[action].title : ''}
            confirmText={action ? ACTION_WORDS[action].confirm : '确定'}
            cancelText={actionError ? '知道了' : '再想想'}
            hideConfirmButton={actionError !== null}
            closeOnOverlayClick={false}
            onConfirm={run}
            onCancel={() => setAction(null)}
            onClose={() => setAction(null)}
          >
            <View className="member-order__dialog">
              {action === 'accept' &&
                clashWarnings(order, now).map((warning) => (
                  <Text key={warning} className="member-order__dialog-clash">
                    {warning}
                  </Text>
                ))}
              <Text className="member-order__dialog-text">{action ? dialogText(action, order, now) : ''}</Text>
              {(action === 'decline' || action === 'cancel') && !actionError && (
                <TextArea
                  className="member-order__reason"
                  value={reason}
                  maxLength={200}
                  placeholder="原因（选填），例如：那天要上班"
                  onChange={setReason}
                />
              )}
              {actionError && <Text className="member-order__dialog-error">{actionError}</Text>}
            </View>
          </Dialog>
        </View>
      )}
    </PageShell>
  )
}

function dialogText(action: Action, order: Order, now: Date): string {
  const when = formatSpan(order.startsAt, order.endsAt, now)
  if (action === 'accept') {
    return `「${order.title}」\n${when}\n${acceptNotice(order, now)}`
  }
  if (action === 'decline') return `谢绝「${order.title}」的邀请后，社区会另行安排其他党员。`
  return `取消「${order.title}」的接单后名额会释放给其他党员。确定取消吗？`
}

/** A sentence about this order for the member, in a card of its own. */
function Notice({ tone = 'plain', children }: { tone?: CardTone; children: ReactNode }) {
  return (
    <Card tone={tone} className="member-order__notice">
      <Text>{children}</Text>
    </Card>
  )
}
