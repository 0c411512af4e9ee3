import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Step, Steps, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { StatusTag } from '@/components/status-tag'
import { FieldError } from '@/components/field-error'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { checkinApi } from '@/services/api/checkin'
import { demandsApi } from '@/services/api/demands'
import type { ApiError, Demand, ResidentRating } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { getSession } from '@/services/session'
import { formatTime } from '@/services/beijing-time'
import { needStatusWord } from '@/services/status-words'
import { RATING_NAMES, awaitsMyConfirmation, canRate, formatWindow, isUnderway, mayVerifyAtHome, needTitle, stepTitle } from '../shared/need-display'
import { WhoComes } from '../shared/who-comes'
import './index.scss'

const RATINGS: ResidentRating[] = ['satisfied', 'basic', 'unsatisfied']

export default function NeedDetailPage() {
  const { params } = useRouter()
  const demandId = params.id ? decodeURIComponent(params.id) : ''
  const [elder] = useElderMode()
  const [need, setNeed] = useState<Demand | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [canScan, setCanScan] = useState(false)

  const load = useCallback(async () => {
    if (!getSession()) return
    if (!demandId) {
      setError({ code: 'NOT_FOUND', message: '找不到该需求' })
      setStatus('error')
      return
    }
    setStatus('loading')
    const result = await demandsApi.get(demandId)
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    setNeed(result.data)
    setStatus('ready')
    // A home service may be verified by the resident's own phone: the server says for which orders.
    const order = result.data.order
    if (order && mayVerifyAtHome(result.data)) {
      const verifiable = await checkinApi.verifiableOrders()
      setCanScan(verifiable.ok && verifiable.data.items.some((item) => item.id === order.id && item.as === 'resident'))
    } else setCanScan(false)
  }, [demandId])

  useDidShow(() => void load())

  const withdraw = async () => {
    if (!need) return
    const answer = await Taro.showModal({
      title: elder ? '不需要帮忙了？' : '撤回需求',
      content: elder ? '撤回后社区就不会安排人来了。' : '撤回后社区将不再处理这项需求，确定撤回吗？',
      confirmText: '撤回',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    })
    if (!answer.confirm) return
    const result = await demandsApi.withdraw(need.id)
    if (result.ok) setNeed(result.data)
    else void Taro.showToast({ title: result.error.message, icon: 'none' })
  }

  const state = need ? needStatusWord(need, new Date()) : null

  return (
    <PageShell title={elder ? '求助详情' : '需求详情'} backTo={ROUTES.myNeeds} elderToggle status={status} error={error} onRetry={() => void load()}>
      {need && state && (
        <View className="need-detail">
          <Card className="need-detail__summary" title={needTitle(need)} extra={<StatusTag tone={state.tone}>{elder ? (state.elderText ?? state.text) : state.text}</StatusTag>}>
            {need.description && <Text className="need-detail__description">{need.description}</Text>}
            <InfoRow label="服务地址" value={need.address} />
            <InfoRow label="联系电话" value={need.contactPhone} />
            <InfoRow label={elder ? '哪天来' : '期望时间'} value={formatWindow(need.wantedFrom, need.wantedUntil)} />
            <InfoRow label="提交时间" value={formatTime(need.createdAt)} />
            {need.order && <InfoRow label="服务安排" value={`${formatTime(need.order.startsAt)} 开始`} />}
          </Card>

          {isUnderway(need) && (
            <Card className="need-detail__who" title={need.order ? (elder ? '谁来帮您' : '服务的党员') : elder ? '找社区' : '联系社区'}>
              <WhoComes need={need} elder={elder} />
            </Card>
          )}

          {need.status === 'rejected' && need.rejectReason && (
            <Card tone="alert" title={elder ? '社区没有接收，原因是：' : '社区未受理的原因'}>
              <Text>{need.rejectReason}</Text>
            </Card>
          )}

          {canScan && need.order && (
            <Card className="need-detail__scan" tone="notice" title={elder ? '党员到了，请扫一下他的码' : '为上门的党员扫码签到'}>
              <Text className="need-detail__text">
                {elder
                  ? '党员到家后，请他打开签到码，您用手机扫一下；做完了再扫一下。'
                  : '党员到达后请扫他的签到码签到，服务结束时再扫一次签退。扫码需要联网。'}
              </Text>
              <View className="need-detail__card-action">
                <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryScanner(need.order!.id) })}>
                  扫码核验
                </Button>
              </View>
            </Card>
          )}

          {awaitsMyConfirmation(need) && (
            <Card className="need-detail__awaiting" tone="notice" title="待您确认服务">
              <Text className="need-detail__text">
                {elder ? '党员已经做完了，请您确认一下，再评个价。' : '党员已签退。请确认服务已完成并评价，党员的服务时长以您的确认为准。'}
              </Text>
            </Card>
          )}
          {canRate(need) && <RateService need={need} elder={elder} onRated={setNeed} />}

          <Card title={elder ? '办理进度' : '进度'} className="need-detail__steps">
            <Steps direction="vertical" value={need.timeline.length} type="dot">
              {need.timeline.map((entry, index) => (
                <Step key={`${entry.at}-${index}`} value={index + 1} title={stepTitle(entry.label)} description={formatTime(entry.at)} />
              ))}
            </Steps>
          </Card>

          {need.rating && (
            <Card className="need-detail__rated" tone="done" title={`我的评价：${RATING_NAMES[need.rating.rating]}`}>
              {need.rating.comment && <Text className="need-detail__text">{need.rating.comment}</Text>}
            </Card>
          )}

          {need.status === 'submitted' && (
            <View className="need-detail__actions">
              <Button block size="large" fill="outline" type="primary" onClick={() => void withdraw()}>
                {elder ? '不需要了，撤回' : '撤回需求'}
              </Button>
            </View>
          )}
          {need.status !== 'submitted' && !canRate(need) && (
            <View className="need-detail__actions">
              <Button block size="large" fill="outline" type="primary" onClick={() => void Taro.redirectTo({ url: ROUTES.postNeed })}>
                {elder ? '还有别的事要帮忙' : '再提一项需求'}
              </Button>
            </View>
          )}
        </View>
      )}
    </PageShell>
  )
}

/** 一事一评: the resident confirms the service happened and rates it. */
function RateService({ need, elder, onRated }: { need: Demand; elder: boolean; onRated: (need: Demand) => void }) {
  const [rating, setRating] = useState<ResidentRating | null>(null)
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)

  const submit = async () => {
    if (!rating) {
      setErrors({ rating: elder ? '请先点一下满意还是不满意' : '请选择满意度' })
      return
    }
    setSubmitting(true)
    const result = await demandsApi.confirmService({ demandId: need.id, rating, comment: comment.trim() })
    setSubmitting(false)
    if (result.ok) {
      setErrors({})
      onRated(result.data)
      void Taro.showToast({ title: '感谢您的评价', icon: 'none' })
      return
    }
    setErrors(result.error.fields ?? { _: result.error.message })
  }

  return (
    <Card tone="notice" title={elder ? '党员帮您办好了吗？' : '确认服务并评价'}>
      <Text className="need-detail__rate-hint">
        {elder ? '办好了就选一个，您的评价很重要。' : '服务完成后请确认，您的评价会计入社区的回访满意率。'}
      </Text>
      <View className="need-detail__ratings">
        {RATINGS.map((value) => (
          <View
            key={value}
            className={`need-detail__rating need-detail__rating--${value}${rating === value ? ' need-detail__rating--chosen' : ''}`}
            onClick={() => {
              setRating(value)
              setErrors({})
            }}
          >
            {RATING_NAMES[value]}
          </View>
        ))}
      </View>
      <FieldError message={errors.rating} />
      <TextArea
        className="need-detail__comment"
        value={comment}
        maxLength={300}
        showCount
        placeholder={elder ? '想说点什么可以写在这里（可不写）' : '说说服务怎么样（选填）'}
        onChange={setComment}
      />
      <FieldError message={errors.comment ?? errors._} />
      <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
        {elder ? '办好了，提交评价' : '确认服务已完成并提交评价'}
      </Button>
    </Card>
  )
}
