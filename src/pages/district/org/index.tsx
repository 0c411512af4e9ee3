import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Switch } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { EmptyState } from '@/components/empty-state'
import { PageShell } from '@/components/page-shell'
import { SearchBox, useSearchQuery } from '@/components/search-box'
import { orgApi, type DistrictSettings, type OrgCommunity, type OrgGrid, type OrgStreet } from '@/services/api/org'
import type { ApiError } from '@/services/api/types'
import { ROUTES } from '@/services/navigation'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { NameDialog } from '../shared/name-dialog'
import { PickDialog } from '../shared/pick-dialog'
import { useDistrictTree } from '../shared/use-district-tree'
import { filterStreets } from './filter-tree'
import { KIND_TEXT, mergeMessage, mergeTargets, type MergeKind, type MergeSource } from './merge-text'
import '../shared/district.scss'

type Naming = { title: string; hint: string; initial?: string; submit: (name: string) => Promise<ApiError | null> }

const counts = (node: { members: number; residents: number }) => `党员 ${node.members} 名 · 居民 ${node.residents} 名`

/** 组织架构: streets → communities → grids with their people; add, rename, merge; the district's ID-number switch. */
export default function DistrictOrgPage() {
  const { tree, status, error, reload } = useDistrictTree()
  const [expanded, setExpanded] = useState<Record<string, boolean>>({})
  const [naming, setNaming] = useState<Naming | null>(null)
  const [mergeSource, setMergeSource] = useState<MergeSource | null>(null)
  const [picking, setPicking] = useState(false)
  const [mergeInto, setMergeInto] = useState<{ id: string; name: string } | null>(null)

  const search = useSearchQuery()

  const toggle = (id: string) => setExpanded((open) => ({ ...open, [id]: !(open[id] ?? true) }))
  // What a search finds is shown open.
  const isOpen = (id: string) => search.query !== '' || (expanded[id] ?? true)

  const done = async (title: string) => {
    setNaming(null)
    await reload(true)
    void Taro.showToast({ title, icon: 'none' })
  }

  const add = (kind: MergeKind, parentId: string, parentName: string) =>
    setNaming({
      title: `新增${KIND_TEXT[kind]}`,
      hint: `在「${parentName}」下新增${KIND_TEXT[kind]}，同一上级下名称不能重复。`,
      submit: async (name) => {
        const result = await orgApi.createOrganisation({ kind, parentId, name })
        if (!result.ok) return result.error
        await done(`已新增${KIND_TEXT[kind]}「${name}」`)
        return null
      },
    })

  const rename = (kind: MergeKind, id: string, current: string) =>
    setNaming({
      title: `${KIND_TEXT[kind]}改名`,
      hint: `把「${current}」改为：`,
      initial: current,
      submit: async (name) => {
        const result = await orgApi.rename(id, name)
        if (!result.ok) return result.error
        await done('已改名')
        return null
      },
    })

  const startMerge = (source: MergeSource) => {
    setMergeSource(source)
    setPicking(true)
  }

  const merge = async (): Promise<ApiError | null> => {
    if (!mergeSource || !mergeInto) return null
    const result = await orgApi.merge(mergeSource.node.id, mergeInto.id)
    if (!result.ok) return result.error
    setMergeInto(null)
    setMergeSource(null)
    await reload(true)
    const { members, residents } = result.data.moved
    void Taro.showToast({ title: `已合并：转入党员${members}名、居民${residents}名`, icon: 'none', duration: 3000 })
    return null
  }

  const targets = tree && mergeSource ? mergeTargets(tree, mergeSource) : []
  const streets = tree ? filterStreets(tree.streets, search.query) : []

  return (
    <PageShell title="组织架构" tab="district-org" status={status} error={error} onRetry={() => void reload()} elderToggle>
      {tree && (
        <View className="district">
          <Text className="district__summary">
            {tree.district.name} · {tree.streets.length} 个街道 · {counts(tree.district)}
          </Text>
          <IdNumberSwitch />
          <Card className="org-switch" onClick={() => void Taro.navigateTo({ url: ROUTES.districtNotifySettings })}>
            <View className="org-switch__head">
              <Text>消息提醒设置</Text>
              <Text className="org-switch__more">修改 ›</Text>
            </View>
            <Text className="org-switch__text">活动提前几个工作日发布（预约预告）、简讯几天内提交、服务前几点提醒</Text>
          </Card>
          <View className="district__toolbar">
            <Button type="primary" size="small" onClick={() => add('street', tree.district.id, tree.district.name)}>
              新增街道
            </Button>
          </View>
          <SearchBox value={search.typed} onChange={search.setTyped} onSearch={search.searchNow} placeholder="街道、社区、网格或书记的名字" label="搜索组织架构" />
          {search.query !== '' && streets.length > 0 && (
            <Text className="district__summary">{`找到 ${streets.length} 个街道中的 ${streets.reduce((n, street) => n + street.communities.length, 0)} 个社区`}</Text>
          )}
          {search.query !== '' && streets.length === 0 && (
            <EmptyState icon="search" title={`没有找到含「${search.query}」的组织`} hint="换个名字试试，或清除搜索看全部">
              <Button type="primary" onClick={search.clear}>
                清除搜索
              </Button>
            </EmptyState>
          )}
          {streets.map((street) => (
            <StreetCard
              key={street.id}
              street={street}
              open={isOpen(street.id)}
              onToggle={() => toggle(street.id)}
              onAdd={() => add('community', street.id, street.name)}
              onRename={() => rename('street', street.id, street.name)}
              onMerge={() => startMerge({ kind: 'street', node: street })}
              renderCommunity={(community) => (
                <CommunityCard
                  key={community.id}
                  community={community}
                  onAdd={() => add('grid', community.id, community.name)}
                  onRename={() => rename('community', community.id, community.name)}
                  onMerge={() => startMerge({ kind: 'community', node: community })}
                  onRenameGrid={(grid) => rename('grid', grid.id, grid.name)}
                  onMergeGrid={(grid) => startMerge({ kind: 'grid', node: grid, communityId: community.id })}
                />
              )}
            />
          ))}
          {tree.streets.length === 0 && <Text className="district__summary">还没有街道，点“新增街道”开始建立组织架构。</Text>}
        </View>
      )}
      <NameDialog
        visible={naming !== null}
        title={naming?.title ?? ''}
        hint={naming?.hint ?? ''}
        initial={naming?.initial ?? ''}
        placeholder="填写名称，同一上级下不能重复"
        onSubmit={(name) => naming!.submit(name)}
        onClose={() => setNaming(null)}
      />
      <PickDialog
        visible={picking}
        title={mergeSource ? `合并${KIND_TEXT[mergeSource.kind]}「${mergeSource.node.name}」` : ''}
        hint={mergeSource?.kind === 'grid' ? '选择同一社区中要并入的网格：' : '选择要并入的组织：'}
        options={targets}
        emptyText={mergeSource?.kind === 'grid' ? '这个社区没有别的网格可以并入' : '本区没有同级的组织可以并入'}
        onPick={(id) => {
          setPicking(false)
          setMergeInto({ id, name: targets.find((target) => target.value === id)?.text ?? '' })
        }}
        // the dialog closes itself after a pick too: the chosen source must outlive it
        onClose={() => setPicking(false)}
      />
      <ConfirmDialog
        visible={mergeInto !== null}
        title="确认合并"
        message={mergeSource && mergeInto ? mergeMessage(mergeSource, mergeInto.name) : ''}
        confirmText="确定合并"
        onConfirm={merge}
        onClose={() => {
          setMergeInto(null)
          setMergeSource(null)
        }}
      />
    </PageShell>
  )
}

function StreetCard(props: {
  street: OrgStreet
  open: boolean
  onToggle: () => void
  onAdd: () => void
  onRename: () => void
  onMerge: () => void
  renderCommunity: (community: OrgCommunity) => JSX.Element
}) {
  const { street, open } = props
  return (
    <Card
      className="org-card"
      title={
        <Text className="org-card__name" onClick={props.onToggle}>
          {street.name}
        </Text>
      }
      extra={
        <Text className="org-card__toggle" onClick={props.onToggle}>
          {open ? '收起 ▲' : `展开 ${street.communities.length} 个社区 ▼`}
        </Text>
      }
    >
      <Text className="org-card__counts">
        {street.communities.length} 个社区 · {counts(street)}
      </Text>
      <View className="org-card__buttons">
        <Button size="small" fill="outline" type="primary" onClick={props.onAdd}>新增社区</Button>
        <Button size="small" fill="outline" onClick={props.onRename}>改名</Button>
        <Button size="small" fill="outline" onClick={props.onMerge}>合并</Button>
      </View>
      {open && <View className="org-card__children">{street.communities.map(props.renderCommunity)}</View>}
    </Card>
  )
}

function CommunityCard(props: {
  community: OrgCommunity
  onAdd: () => void
  onRename: () => void
  onMerge: () => void
  onRenameGrid: (grid: OrgGrid) => void
  onMergeGrid: (grid: OrgGrid) => void
}) {
  const { community } = props
  const secretaries = community.secretaries.map((person) => `${person.name}（${person.phone}）`).join('、')
  return (
    <Card className="org-card org-card--community" title={<Text className="org-card__name">{community.name}</Text>}>
      <Text className="org-card__counts">{counts(community)}</Text>
      <Text className="org-card__line">书记：{secretaries || '尚未任命（到“人员”页任命）'}</Text>
      <View className="org-card__buttons">
        <Button size="small" fill="outline" type="primary" onClick={props.onAdd}>新增网格</Button>
        <Button size="small" fill="outline" onClick={props.onRename}>改名</Button>
        <Button size="small" fill="outline" onClick={props.onMerge}>合并</Button>
      </View>
      {community.grids.map((grid) => (
        <View key={grid.id} className="org-row">
          <View className="org-row__text">
            <Text>{grid.name}</Text>
            <Text className="org-row__sub">{counts(grid)}</Text>
          </View>
          <View className="org-row__buttons">
            <Button size="small" fill="none" onClick={() => props.onRenameGrid(grid)}>改名</Button>
            <Button size="small" fill="none" onClick={() => props.onMergeGrid(grid)}>合并</Button>
          </View>
        </View>
      ))}
      {community.grids.length === 0 && <Text className="org-card__line">还没有网格</Text>}
    </Card>
  )
}

/** 采集身份证号: off by default; turning it on is asked first, with what it means. */
function IdNumberSwitch() {
  const [settings, setSettings] = useState<DistrictSettings | null>(null)
  const [asking, setAsking] = useState(false)

  useEffect(() => {
    void orgApi.settings().then((result) => result.ok && setSettings(result.data))
  }, [])

  const save = async (on: boolean): Promise<ApiError | null> => {
    const result = await orgApi.updateSettings(on)
    if (!result.ok) return result.error
    setSettings(result.data)
    setAsking(false)
    void Taro.showToast({ title: on ? '已开启采集身份证号' : '已关闭采集身份证号', icon: 'none' })
    return null
  }

  if (!settings) return null
  return (
    <Card className="org-switch">
      <View className="org-switch__head">
        <Text>报到时采集身份证号</Text>
        <Switch
          checked={settings.collectIdNumbers}
          onChange={(on) => {
            if (on) setAsking(true)
            else void save(false)
          }}
        />
      </View>
      <Text className="org-switch__text">{settings.explanation}</Text>
      <ConfirmDialog
        visible={asking}
        title="开启采集身份证号？"
        message="开启后，党员报到时须填写18位身份证号。身份证号只有党员所在社区的书记能看到完整号码，每次查看都记入访问日志。请仅在上级明确要求时开启。"
        confirmText="确定开启"
        onConfirm={() => save(true)}
        onClose={() => setAsking(false)}
      />
    </Card>
  )
}
