import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { PageShell } from '@/components/page-shell'
import { StatusWordTag } from '@/components/status-word-tag'
import { certificateHours } from '@core/certificates/service-block'
import { useSession } from '@/hooks/use-session'
import { certificatesApi, type Certificate, type PendingCertificateItem } from '@/services/api/certificates'
import type { ApiError } from '@/services/api/types'
import { formatBusinessDate } from '@/services/beijing-time'
import { PROFILE_PAGE } from '@/services/navigation'
import { fetchAndSaveFile } from '@/services/save-file'
import { CERTIFICATE_STATUS_WORDS } from '@/services/status-words'
import { ReasonDialog } from '../shared/reason-dialog'
import { StatusTabs } from '../shared/status-tabs'
import { SignOffDialog, type SignOff } from './sign-off-dialog'
import './index.scss'

type Tab = 'pending' | 'decided'
const TABS: { key: Tab; text: string }[] = [
  { key: 'pending', text: '待出具' },
  { key: 'decided', text: '已处理' },
]

const periodText = (item: Certificate) => `${formatBusinessDate(item.periodFrom)} 至 ${formatBusinessDate(item.periodTo)}`

type Acting = { kind: 'issue' | 'refuse' | 'revoke' | 'reissue'; item: Certificate } | null

/** 证明审核: the secretary checks each waiting request against the verified records, issues or returns it, and revokes or reissues. */
export default function SecretaryCertificatesPage() {
  const session = useSession()
  const secretary = session?.profile.roles.find((grant) => grant.role === 'secretary')
  const [tab, setTab] = useState<Tab>('pending')
  const [pending, setPending] = useState<PendingCertificateItem[] | null>(null)
  const [decided, setDecided] = useState<Certificate[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [acting, setActing] = useState<Acting>(null)

  const load = async (which: Tab = tab) => {
    const result = which === 'pending' ? await certificatesApi.pending() : await certificatesApi.decided()
    if (!result.ok) return setError(result.error)
    setError(null)
    if (which === 'pending') setPending((result.data as { certificates: PendingCertificateItem[] }).certificates)
    else setDecided(result.data.certificates)
  }
  useDidShow(() => void load())

  const changeTab = (next: Tab) => {
    setTab(next)
    void load(next)
  }

  const done = (message: string) => {
    setActing(null)
    void Taro.showToast({ title: message, icon: 'none' })
    void load()
  }

  const signOff = async ({ responsiblePerson, contactPhone, reason }: SignOff): Promise<ApiError | null> => {
    if (!acting) return null
    const result =
      acting.kind === 'issue'
        ? await certificatesApi.issue({ certificateId: acting.item.id, responsiblePerson, contactPhone })
        : await certificatesApi.reissue({ certificateId: acting.item.id, responsiblePerson, contactPhone, reason })
    if (!result.ok) return result.error
    done(`已出具 ${result.data.number}`)
    return null
  }

  const close = async (reason: string): Promise<ApiError | null> => {
    if (!acting) return null
    const result = acting.kind === 'refuse' ? await certificatesApi.refuse(acting.item.id, reason) : await certificatesApi.revoke(acting.item.id, reason)
    if (!result.ok) return result.error
    done(acting.kind === 'refuse' ? '已退回' : '已作废')
    return null
  }

  const download = async (item: Certificate) => {
    const failure = await fetchAndSaveFile(() => certificatesApi.download(item.id), '证明已下载')
    if (failure) void Taro.showToast({ title: failure.message, icon: 'none' })
  }

  const list = tab === 'pending' ? pending : decided
  return (
    <PageShell
      title="证明审核"
      status={error ? 'error' : list === null ? 'loading' : 'ready'}
      error={error}
      onRetry={() => void load()}
      backTo={PROFILE_PAGE}
      elderToggle
    >
      <StatusTabs tabs={TABS} current={tab} onChange={changeTab} />
      <View className="secretary-certificates">
        {list?.length === 0 && <Text className="secretary-certificates__none">{tab === 'pending' ? '没有等待出具的证明申请' : '还没有处理过证明'}</Text>}
        {tab === 'pending' &&
          pending?.map((item) => (
            <Card key={item.id} title={`${item.member.name}（${item.member.volunteerNo}）`} extra={<StatusWordTag word={CERTIFICATE_STATUS_WORDS[item.status]} />}>
              <InfoRow label="证明期间" value={periodText(item)} />
              {item.purpose && <InfoRow label="用途" value={item.purpose} />}
              <InfoRow label="核验时长" value={`${certificateHours(item.preview.minutes)} 小时，${item.preview.serviceCount} 次`} />
              {item.preview.excluded.count > 0 && (
                <InfoRow label="不计入" value={`手工补录 ${item.preview.excluded.count} 次、${certificateHours(item.preview.excluded.minutes)} 小时`} />
              )}
              <View>
                {item.preview.lines.map((line, index) => (
                  <Text key={`${line.date}-${index}`} className="secretary-certificates__line">
                    {`${formatBusinessDate(line.date)}　${line.content}　${line.place}　${certificateHours(line.minutes)} 小时`}
                  </Text>
                ))}
              </View>
              <View className="secretary-certificates__buttons">
                <Button onClick={() => setActing({ kind: 'refuse', item })}>退回</Button>
                <Button type="primary" disabled={item.preview.minutes === 0} onClick={() => setActing({ kind: 'issue', item })}>
                  出具
                </Button>
              </View>
            </Card>
          ))}
        {tab === 'decided' &&
          decided?.map((item) => (
            <Card key={item.id} title={`${item.member.name}（${item.member.volunteerNo}）`} extra={<StatusWordTag word={CERTIFICATE_STATUS_WORDS[item.status]} />}>
              <InfoRow label="证明期间" value={periodText(item)} />
              {item.number && <InfoRow label="证明编号" value={item.number} />}
              {item.hours !== null && <InfoRow label="核验时长" value={`${item.hours} 小时`} />}
              {item.issuedOn && <InfoRow label="出具日期" value={formatBusinessDate(item.issuedOn)} />}
              {item.refuseReason && <InfoRow label="退回原因" value={item.refuseReason} />}
              {item.revokeReason && <InfoRow label="作废原因" value={item.revokeReason} />}
              {item.replacesNumber && <InfoRow label="替代" value={item.replacesNumber} />}
              {item.replacedByNumber && <InfoRow label="新证明" value={item.replacedByNumber} />}
              <View className="secretary-certificates__buttons">
                {item.status === 'issued' && <Button onClick={() => void download(item)}>下载</Button>}
                {item.status === 'issued' && <Button onClick={() => setActing({ kind: 'revoke', item })}>作废</Button>}
                {(item.status === 'issued' || item.status === 'revoked') && !item.replacedByNumber && (
                  <Button type="primary" onClick={() => setActing({ kind: 'reissue', item })}>
                    重新出具
                  </Button>
                )}
              </View>
            </Card>
          ))}
      </View>
      <SignOffDialog
        visible={acting?.kind === 'issue' || acting?.kind === 'reissue'}
        title={acting?.kind === 'reissue' ? '重新出具证明' : '出具志愿服务证明'}
        confirmText="出具"
        handler={session?.profile.name ?? ''}
        initialPhone={secretary?.servicePhone ?? ''}
        withReason={acting?.kind === 'reissue'}
        onSubmit={signOff}
        onClose={() => setActing(null)}
      />
      <ReasonDialog
        visible={acting?.kind === 'refuse' || acting?.kind === 'revoke'}
        title={acting?.kind === 'revoke' ? '作废证明' : '退回申请'}
        hint={acting?.kind === 'revoke' ? '作废后扫码核验即显示已作废，党员可看到原因' : '党员可看到退回原因'}
        placeholder={acting?.kind === 'revoke' ? '例如 服务记录已更正' : '例如 服务内容需核实'}
        confirmText={acting?.kind === 'revoke' ? '作废' : '退回'}
        onSubmit={close}
        onClose={() => setActing(null)}
      />
    </PageShell>
  )
}
