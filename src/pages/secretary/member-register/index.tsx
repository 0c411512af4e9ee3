import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { InfoRow } from '@/components/info-row'
import { ListFooter } from '@/components/list-footer'
import { LoginLocks } from '@/components/login-locks'
import { PageShell } from '@/components/page-shell'
import { PrivateValue } from '@/components/private-value'
import { SearchBox, useSearchQuery } from '@/components/search-box'
import { StatusTag } from '@/components/status-tag'
import { shellStatusOf, usePagedList } from '@/hooks/use-paged-list'
import { registrationApi } from '@/services/api/registration'
import { reportsApi, type CommunityRegister, type RegisterEntry, type RegisterMemberType } from '@/services/api/reports'
import { ROUTES } from '@/services/navigation'
import { formatDate, formatMonth } from '@/services/beijing-time'
import { fetchAndSaveFile } from '@/services/save-file'
import { StatusTabs } from '../shared/status-tabs'
import { PartyDatesDialog } from './party-dates-dialog'
import './index.scss'

const PAGE_SIZE = 10

const TYPE_TEXT: Record<Exclude<RegisterMemberType, 'all'>, string> = {
  in_service: '在职党员',
  community: '社区党员',
  probationary: '预备党员',
  activist: '入党积极分子',
}
const TYPES = Object.keys(TYPE_TEXT) as Exclude<RegisterMemberType, 'all'>[]

type Entry = RegisterEntry & { id: string }

const tabsOf = (counts: Record<string, number>) => [
  ...TYPES.map((key) => ({ key: key as RegisterMemberType, text: `${TYPE_TEXT[key]} ${counts[key] ?? 0}` })),
  { key: 'all' as RegisterMemberType, text: `全部 ${TYPES.reduce((sum, key) => sum + (counts[key] ?? 0), 0)}` },
]

/** 党员 tab of the secretary: 在职党员社区报到登记表 (附件4) as cards, with its Excel export. */
export default function MemberRegisterPage() {
  const [memberType, setMemberType] = useState<RegisterMemberType>('in_service')
  const [sheet, setSheet] = useState<Pick<CommunityRegister, 'header' | 'countsByType'> | null>(null)
  const [includeContacts, setIncludeContacts] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [pendingCount, setPendingCount] = useState<number | null>(null)
  const [datesOf, setDatesOf] = useState<{ id: string; name: string } | null>(null)
  const list = usePagedList<Entry>(PAGE_SIZE)
  const typeRef = useRef(memberType)
  const search = useSearchQuery()
  const queryRef = useRef(search.query)

  const loadFirstPage = (which: RegisterMemberType, quiet = false) =>
    list.reload(async (page) => {
      const result = await reportsApi.communityRegister(which, page, queryRef.current)
      if (!result.ok) return result
      setSheet({ header: result.data.header, countsByType: result.data.countsByType })
      return { ok: true, data: { items: result.data.items.map((row) => ({ ...row, id: row.memberId })), total: result.data.total } }
    }, quiet)

  const switchType = (next: RegisterMemberType) => {
    typeRef.current = next
    setMemberType(next)
    void loadFirstPage(next)
  }

  // New search words list the tab again from its first page (the server searches).
  useEffect(() => {
    if (queryRef.current === search.query) return
    queryRef.current = search.query
    void loadFirstPage(typeRef.current)
  }, [search.query])

  const loadPendingCount = async () => {
    const result = await registrationApi.listPending({ limit: 1, offset: 0 })
    if (result.ok) setPendingCount(result.data.total)
  }

  useDidShow(() => {
    void loadFirstPage(typeRef.current, list.loaded)
    void loadPendingCount()
  })
  usePullDownRefresh(() => {
    void loadFirstPage(typeRef.current, true)
    void loadPendingCount()
  })
  useReachBottom(() => void list.loadMore())

  const runExport = async () => {
    setConfirming(false)
    setExporting(true)
    const refused = await fetchAndSaveFile(
      () => reportsApi.exportCommunityRegister({ memberType, includeContacts }),
      includeContacts ? '已导出，本次查看已留痕' : '已导出',
    )
    setExporting(false)
    if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
  }

  const header = sheet?.header
  return (
    <PageShell title="党员登记表" tab="secretary-members" elderToggle>
      <View className="member-register__pending" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryRegistrations })}>
        <Text>{pendingCount ? `待确认报到 ${pendingCount} 人` : '待确认报到'}</Text>
        <Text className="member-register__pending-arrow">查看并回执 ›</Text>
      </View>
      <LoginLocks className="member-register__locks" />
      <StatusTabs tabs={tabsOf(sheet?.countsByType ?? {})} current={memberType} onChange={switchType} />
      {header && (
        <Text className="member-register__header">
          {header.district} · {header.street} · {header.community}社区党组织
        </Text>
      )}
      <View className="member-register__export">
        <View
          className="member-register__check"
          role="checkbox"
          aria-checked={includeContacts}
          onClick={() => setIncludeContacts(!includeContacts)}
        >
          <Text className={`member-register__box${includeContacts ? ' member-register__box--on' : ''}`}>{includeContacts ? '✓' : ''}</Text>
          <Text>包含完整电话和住址（将留痕）</Text>
        </View>
        <Button type="primary" loading={exporting} disabled={exporting} onClick={() => (includeContacts ? setConfirming(true) : void runExport())}>
          导出 Excel
        </Button>
      </View>
      <View className="status-tabs-body">
        <View className="member-register__search">
          <SearchBox label="搜索党员登记表" value={search.typed} onChange={search.setTyped} onSearch={search.searchNow} placeholder="姓名、手机尾号或工作单位" />
        </View>
        <PageShell
          requireLogin={false}
          status={shellStatusOf(list.status, list.items.length)}
          error={list.error}
          onRetry={() => void loadFirstPage(memberType)}
          empty={
            search.query
              ? { title: `没有找到「${search.query}」`, hint: '换个词试试，或看看别的类别', actionText: '清除搜索', onAction: search.clear }
              : { title: `还没有${memberType === 'all' ? '' : TYPE_TEXT[memberType]}登记`, hint: '党员报到经社区确认后会列在这里' }
          }
        >
          <View className="member-register">
            <Text className="member-register__count">{search.query ? `找到 ${list.total} 人` : `共 ${list.total} 人`}（手机、住址已打码）</Text>
            {list.items.map((entry) => (
              <RegisterCard key={entry.id} entry={entry} onDates={() => setDatesOf({ id: entry.memberId, name: entry.name })} />
            ))}
            <ListFooter shown={list.items.length} total={list.total} loading={list.loadingMore} error={list.moreError} onMore={() => void list.loadMore()} unit="人" />
          </View>
        </PageShell>
      </View>
      <PartyDatesDialog member={datesOf} onClose={() => setDatesOf(null)} />
      <Dialog
        visible={confirming}
        title="导出完整电话和住址"
        confirmText="确认导出"
        cancelText="不包含"
        closeOnOverlayClick={false}
        onConfirm={() => void runExport()}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      >
        <Text className="member-register__dialog">
          导出的表格将包含每位党员的完整手机号和住址。按个人信息保密要求，每人每项都会记入访问记录，党员本人可以查看。请妥善保管文件，不要外传。
        </Text>
      </Dialog>
    </PageShell>
  )
}

/** A masked phone or address the community's secretary may reveal (the read is logged). */
function PrivateLine({ label, masked, memberId, field }: { label: string; masked: string; memberId: string; field: 'phone' | 'address' }) {
  if (!masked) return null
  return (
    <InfoRow label={label}>
      <PrivateValue masked={masked} subject={{ memberId }} field={field} purpose="查阅党员登记表" />
    </InfoRow>
  )
}

const Line = ({ label, value }: { label: string; value: string }) => (value ? <InfoRow label={label} value={value} /> : null)


/** Whose cultivation period the assessment counts: an 入党积极分子, or a 预备党员 who was one until joining. */
const HAS_PARTY_DATES: RegisterEntry['memberType'][] = ['activist', 'probationary']

function RegisterCard({ entry, onDates }: { entry: Entry; onDates: () => void }) {
  const personal = [entry.gender, entry.birthMonth && `${formatMonth(entry.birthMonth)}生`, entry.education].filter(Boolean).join(' · ')
  return (
    <Card
      className="register-card"
      title={`${entry.seq}. ${entry.name}`}
      extra={<StatusTag tone={entry.memberType === 'in_service' ? 'active' : 'muted'}>{TYPE_TEXT[entry.memberType]}</StatusTag>}
    >
      <Text className="register-card__sub">
        {entry.volunteerNo}
        {personal ? ` · ${personal}` : ''}
      </Text>
      <PrivateLine label="手机" masked={entry.phone} memberId={entry.memberId} field="phone" />
      <PrivateLine label="住址" masked={entry.address} memberId={entry.memberId} field="address" />
      <Line label="入党时间" value={formatMonth(entry.joinedPartyMonth)} />
      <Line label="工作单位" value={[entry.workUnitAndTitle, entry.unitKind && `（${entry.unitKind}）`].filter(Boolean).join('')} />
      <Line label="单位电话" value={entry.unitPhone} />
      <Line label="专业特长" value={entry.skills} />
      <Line label="兴趣爱好" value={entry.hobbies} />
      <Line label="服务项目" value={entry.serviceProjects} />
      <Line label="网格" value={entry.gridName} />
      <Line label="服务小组" value={entry.serviceGroup} />
      <Line label="报到日期" value={entry.reportedOn && formatDate(entry.reportedOn)} />
      <Line label="其他服务" value={entry.willingOtherServices && (entry.willingOtherServices === '是' ? '愿意参加社区其他服务' : '暂不参加其他服务')} />
      <View className="register-card__actions">
        <Button size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.recordCard(entry.memberId) })}>
          记录卡
        </Button>
        {HAS_PARTY_DATES.includes(entry.memberType) && (
          <Button size="small" fill="outline" type="primary" onClick={onDates}>
            培养期日期
          </Button>
        )}
      </View>
    </Card>
  )
}
