import { useCallback, useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { OptionCards } from '@/components/option-cards'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { QrScanner } from '@/components/qr-scanner'
import { checkinApi } from '@/services/api/checkin'
import { ordersApi } from '@/services/api/orders'
import type { ApiError, Order, VerifiableOrder } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import {
  ensureOfflineDevice,
  flushScans,
  newScan,
  pendingCount,
  submitScan,
  subscribePending,
  watchNetwork,
  type FlushReport,
} from '@/services/scan-queue'
import { getSession } from '@/services/session'
import { useOnline } from '@/hooks/use-online'
import { orderStatusWord } from '@/services/status-words'
import { isScanWindowOpen } from '../shared/display'
import { StatusWordTag } from '../shared/status-word-tag'
import { createRepeatGuard } from './recent-codes'
import { scanOnline } from './online-scan'
import { displayOf, flushSummary, type ScanDisplay } from './scan-result'
import { scannerRoleOf, type ScannerRole } from './scanner-role'
import { useStationInfo } from './station-info'
import { formatClock, formatSpan } from '@/services/beijing-time'
import './index.scss'

/** After a verdict the camera waits this long, so the secretary can read it and the member step aside. */
const RESUME_AFTER_MS = 2000
const isWeapp = process.env.TARO_ENV === 'weapp'

const INTENTS = [
  { value: 'auto', title: '签到 / 签退', hint: '首次扫码签到，再次扫码签退' },
  { value: 'out', title: '只签退', hint: '活动结束时逐一签退' },
] as const

export default function ScannerPage() {
  const { params } = useRouter()
  const [orderId, setOrderId] = useState(params.orderId ? decodeURIComponent(params.orderId) : '')
  const holder = scannerRoleOf(getSession()?.activeRole)
  if (orderId) return <ScanStation orderId={orderId} holder={holder} />
  return holder.asSecretary ? <OrderChooser onChoose={setOrderId} /> : <VerifiableChooser holder={holder} onChoose={setOrderId} />
}

/** A leader's or a resident's scanner without an order: the orders the server lets them verify. */
function VerifiableChooser({ holder, onChoose }: { holder: ScannerRole; onChoose: (orderId: string) => void }) {
  const [orders, setOrders] = useState<VerifiableOrder[]>([])
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)

  const load = useCallback(async () => {
    if (!getSession()) return
    setStatus('loading')
    const result = await checkinApi.verifiableOrders()
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setOrders(result.data.items)
    setStatus(result.data.items.length ? 'ready' : 'empty')
  }, [])

  useEffect(() => void load(), [load])

  return (
    <PageShell
      title="扫码核验"
      backTo={holder.home}
      status={status}
      error={error}
      onRetry={() => void load()}
      empty={{ title: '现在没有需要您扫码的服务', hint: '您负责的服务或上门为您服务的订单开始前后，可以在这里为党员扫码签到、签退。' }}
    >
      <View className="scanner-choose">
        <Text className="scanner-choose__hint">请选择为哪一单扫码：</Text>
        {orders.map((order) => (
          <View key={order.id} className="scanner-choose__item" onClick={() => onChoose(order.id)}>
            <Text className="scanner-choose__title">{order.title}</Text>
            <Text className="scanner-choose__meta">{formatSpan(order.startsAt, order.endsAt)}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}

/** The 扫码 tab without an order: the orders whose check-in window is open now. */
function OrderChooser({ onChoose }: { onChoose: (orderId: string) => void }) {
  const [orders, setOrders] = useState<Order[]>([])
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [now, setNow] = useState(() => new Date())

  const load = useCallback(async () => {
    if (!getSession()) return
    setStatus('loading')
    const found: Order[] = []
    for (const state of ['in_service', 'staffed', 'published'] as const) {
      const result = await ordersApi.listForCommunity({ limit: 100, offset: 0 }, state)
      if (!result.ok) {
        setError(result.error)
        setStatus('error')
        return
      }
      found.push(...result.data.items)
    }
    const at = new Date()
    setNow(at)
    const open = found.filter((order) => isScanWindowOpen(order, at)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    setOrders(open)
    setStatus(open.length ? 'ready' : 'empty')
  }, [])

  useEffect(() => void load(), [load])

  return (
    <PageShell
      title="扫码签到"
      tab="secretary-scan"
      status={status}
      error={error}
      onRetry={() => void load()}
      empty={{
        title: '现在没有可以签到的订单',
        hint: '订单开始前30分钟至结束后2小时内可以扫码。也可以在订单详情里点“扫码签到”。',
        actionText: '查看订单',
        onAction: () => void Taro.redirectTo({ url: ROUTES.secretaryOrders }),
      }}
    >
      <View className="scanner-choose">
        <Text className="scanner-choose__hint">请选择为哪一单扫码签到：</Text>
        {orders.map((order) => (
          <View key={order.id} className="scanner-choose__item" onClick={() => onChoose(order.id)}>
            <View className="scanner-choose__head">
              <Text className="scanner-choose__title">{order.title}</Text>
              <StatusWordTag word={orderStatusWord(order, now)} />
            </View>
            <Text className="scanner-choose__meta">
              {formatSpan(order.startsAt, order.endsAt, now)} · 已签到 {order.checkedInCount}/{order.acceptedCount} 人
            </Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}

function ScanStation({ orderId, holder }: { orderId: string; holder: ScannerRole }) {
  const { info, error: orderError, load: loadOrder } = useStationInfo(orderId, holder.asSecretary)
  const order = info?.order ?? null
  const online = useOnline()
  const onlineRef = useRef(online)
  onlineRef.current = online
  const [pending, setPending] = useState(pendingCount)
  const [result, setResult] = useState<ScanDisplay | null>(null)
  const [history, setHistory] = useState<ScanDisplay[]>([])
  const [uploadNote, setUploadNote] = useState<string | null>(null)
  const [refusedUploads, setRefusedUploads] = useState<FlushReport['refused']>([])
  const [paused, setPaused] = useState(false)
  const [typed, setTyped] = useState('')
  const [uploading, setUploading] = useState(false)
  const [intent, setIntent] = useState<'auto' | 'out'>('auto')
  const intentRef = useRef(intent)
  intentRef.current = intent
  const guard = useRef(createRepeatGuard())
  const resumeTimer = useRef<ReturnType<typeof setTimeout>>()
  const continuous = useRef(false)
  const busy = useRef(false)
  // The camera runs only while this page is in front (Taro keeps a page alive under the next one).
  const [inFront, setInFront] = useState(true)
  useDidShow(() => setInFront(true))
  useDidHide(() => {
    setInFront(false)
    continuous.current = false
  })

  const showFlush = useCallback(
    (report: FlushReport) => {
      setPending(report.pending)
      const summary = flushSummary(report)
      if (summary) setUploadNote(summary)
      if (report.refused.length) setRefusedUploads((previous) => [...report.refused, ...previous].slice(0, 20))
      if (report.uploaded.length || report.refused.length) {
        const judged = [
          ...report.uploaded.map(({ scan, verdict }) => displayOf({ kind: 'verdict', scan, verdict })),
          ...report.refused.map(({ scan, error }) => displayOf({ kind: 'refused', scan, error })),
        ]
        // The kept scans now have their verdicts: they replace the "已离线保存" lines and card.
        const byId = new Map(judged.map((item) => [item.scanId, item]))
        setHistory((previous) => {
          const known = new Set(previous.map((item) => item.scanId))
          const fresh = judged.filter((item) => !known.has(item.scanId))
          return [...previous.map((item) => byId.get(item.scanId) ?? item), ...fresh].slice(0, 20)
        })
        setResult((current) => (current && byId.get(current.scanId)) ?? current)
        void loadOrder()
      }
    },
    [loadOrder],
  )

  const upload = useCallback(async () => {
    setUploading(true)
    showFlush(await flushScans())
    setUploading(false)
  }, [showFlush])

  useEffect(() => {
    void loadOrder()
    // A resident's phone keeps no scans: nothing to watch or upload.
    if (holder.onlineOnly) return () => undefined
    const stopPending = subscribePending(setPending)
    const stopWatching = watchNetwork(showFlush)
    // Opening the scanner online gives the phone its own secret for signing scans it may later keep offline.
    void ensureOfflineDevice()
    // Opening the scanner is a good moment to send what an earlier visit kept.
    if (pendingCount() > 0) void upload()
    return () => {
      stopPending()
      stopWatching()
      continuous.current = false
      if (resumeTimer.current) clearTimeout(resumeTimer.current)
    }
  }, [loadOrder, showFlush, upload, holder.onlineOnly])

  const handleCode = useCallback(
    async (text: string, typed = false) => {
      // The camera reads one code many times a second; a code typed or pasted is sent each time 提交 is tapped.
      if (busy.current || (!typed && !guard.current.accept(text))) return false
      busy.current = true
      setPaused(true)
      const scan = newScan(orderId, text, new Date(), intentRef.current)
      const outcome = holder.onlineOnly ? await scanOnline(scan, onlineRef.current) : await submitScan(scan)
      if (outcome.kind !== 'refused') guard.current.markUsed(text)
      const shown = displayOf(outcome)
      setResult(shown)
      setHistory((previous) => [shown, ...previous].slice(0, 20))
      if (outcome.kind === 'verdict') void loadOrder()
      if (isWeapp) void Taro.vibrateShort({ type: outcome.kind === 'refused' ? 'heavy' : 'light' }).catch(() => undefined)
      resumeTimer.current = setTimeout(() => {
        busy.current = false
        setPaused(false)
        if (isWeapp && continuous.current) void scanWithWechat()
      }, RESUME_AFTER_MS)
      return true
    },
    // scanWithWechat only reads refs and calls back into this function: no dependency of its own.
    [orderId, loadOrder, holder.onlineOnly],
  )

  /** WeChat's own camera screen; after each verdict it opens again until the secretary cancels. */
  const scanWithWechat = async () => {
    continuous.current = true
    try {
      const answer = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (answer.result) await handleCode(answer.result)
    } catch {
      continuous.current = false
    }
  }

  const submitTyped = async () => {
    if (!typed.trim()) return
    if (await handleCode(typed, true)) setTyped('')
  }

  const earlier = history.filter((item) => item.scanId !== result?.scanId)
  const backTo = holder.asSecretary ? ROUTES.secretaryOrderDetail(orderId) : holder.home

  return (
    <PageShell title={holder.asSecretary ? '扫码签到' : '扫码核验'} tab={holder.tab} backTo={backTo}>
      <View className="scanner">
        <Card className="scanner__order" title={<Text className="scanner__order-title">{info?.title ?? (orderError ? '订单信息暂不可用' : '正在读取订单…')}</Text>}>
          {info && (
            <>
              {info.startsAt && info.endsAt && <Text className="scanner__order-meta">{formatSpan(info.startsAt, info.endsAt)}</Text>}
              <View className="scanner__counts">
                <Text className="scanner__count">
                  已签到 <Text className="scanner__count-number">{info.checkedIn}</Text>
                </Text>
                <Text className="scanner__count">
                  已签退 <Text className="scanner__count-number">{info.checkedOut}</Text>
                </Text>
                <Text className="scanner__count">
                  应到 <Text className="scanner__count-number">{info.expected}</Text>
                </Text>
              </View>
            </>
          )}
          {orderError && <Text className="scanner__order-error">{orderError}</Text>}
        </Card>
        {holder.onlineOnly && (
          <View className={`scanner__online-only scanner-notice${online ? ' scanner-notice--active' : ' scanner__online-only--offline scanner-notice--alert'}`}>
            {online ? '请让党员打开“签到码”，对准下方扫码框。扫码需要联网。' : '现在没有网络：居民扫码需要联网，请联网后再扫。'}
          </View>
        )}

        {!holder.onlineOnly && !online && (
          <View className="scanner__offline scanner-notice scanner-notice--waiting">现在没有网络：扫码照常进行，结果先保存在本机，联网后自动上传。</View>
        )}

        <View className="scanner__intent">
          <OptionCards
            label="扫码用途"
            itemClassName="scanner__intent-option"
            options={INTENTS.map((option) => (option.value === 'out' && !holder.asSecretary ? { ...option, hint: '服务结束时签退' } : option))}
            value={intent}
            onChange={setIntent}
          />
        </View>

        {!holder.onlineOnly && pending > 0 && (
          <View className="scanner__pending scanner-notice scanner-notice--waiting">
            <Text className="scanner__pending-text">待上传 {pending} 条</Text>
            <Button size="small" type="warning" loading={uploading} onClick={() => void upload()}>
              立即上传
            </Button>
          </View>
        )}
        {uploadNote && <View className="scanner__upload-note scanner-notice scanner-notice--done">{uploadNote}</View>}
        {refusedUploads.map(({ scan, error }) => (
          <View key={scan.scanId} className="scanner__upload-refused scanner-notice scanner-notice--alert">
            {formatClock(scan.scannedAt)} 的离线扫码未通过：{error.message}
          </View>
        ))}

        {isWeapp ? (
          <View className="scanner__wechat">
            <Button type="primary" size="large" block disabled={paused} onClick={() => void scanWithWechat()}>
              {paused ? '请稍候…' : '扫码'}
            </Button>
          </View>
        ) : (
          inFront && <QrScanner paused={paused} onCode={(text) => void handleCode(text)} />
        )}

        {result && <ResultCard result={result} onCheckout={intent === 'out' ? undefined : () => setIntent('out')} />}

        <View className="scanner__manual">
          <Text className="scanner__manual-label">扫不出来？粘贴或输入签到码：</Text>
          <View className="scanner__manual-row">
            <Input
              className="scanner__manual-input"
              value={typed}
              placeholder="粘贴签到码（DY1.开头）"
              onChange={setTyped}
              onConfirm={() => void submitTyped()}
            />
            <Button type="primary" size="small" disabled={!typed.trim() || paused} onClick={() => void submitTyped()}>
              提交
            </Button>
          </View>
        </View>

        {earlier.length > 0 && (
          <View className="scanner__history">
            <Text className="scanner__history-title">本次扫码记录</Text>
            {earlier.map((item) => (
              <View key={item.scanId} className={`scanner__history-item scanner__history-item--${item.tone}`}>
                <Text className="scanner__history-time">{formatClock(item.at)}</Text>
                <Text className="scanner__history-text">
                  {item.member ? `${item.member.name} · ` : ''}
                  {item.headline}
                </Text>
              </View>
            ))}
          </View>
        )}
        {order && <OrderDetailLink order={order} />}
      </View>
    </PageShell>
  )
}

function OrderDetailLink({ order }: { order: Order }) {
  return (
    <View className="scanner__footer" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryOrderDetail(order.id) })}>
      查看订单详情与签到名单 ›
    </View>
  )
}

function ResultCard({ result, onCheckout }: { result: ScanDisplay; onCheckout?: () => void }) {
  const member = result.member
  return (
    <View className={`scan-result scan-result--${result.tone}`} aria-live="assertive">
      {member && (
        <View className="scan-result__member">
          {member.photoUrl ? (
            <Image className="scan-result__photo" src={member.photoUrl} mode="aspectFill" />
          ) : (
            <View className="scan-result__initial">{member.name.slice(0, 1)}</View>
          )}
          <View className="scan-result__who">
            <Text className="scan-result__name">{member.name}</Text>
            <Text className="scan-result__number">志愿者编号 {member.volunteerNo}</Text>
          </View>
        </View>
      )}
      {result.tone === 'refused' && <Text className="scan-result__mark">未通过</Text>}
      <Text className="scan-result__headline">{result.headline}</Text>
      {result.detail && <Text className="scan-result__detail">{result.detail}</Text>}
      <Text className="scan-result__time">扫码时间 {formatClock(result.at)}</Text>
      {result.offerCheckout && onCheckout && (
        <View className="scan-result__action">
          <Button type="primary" size="large" block onClick={onCheckout}>
            改为签退，再扫一次
          </Button>
        </View>
      )}
    </View>
  )
}
