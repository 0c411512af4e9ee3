import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldError } from '@/components/field-error'
import { PageShell } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { IN_SERVICE_DEFINITION } from '@core/reports/in-service-definition'
import { orgApi, type OrgUnit, type UnitKind } from '@/services/api/org'
import type { ApiError } from '@/services/api/types'
import { formatDate } from '@/services/beijing-time'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { NameDialog } from '../shared/name-dialog'
import { PickDialog } from '../shared/pick-dialog'
import { communitiesOf, useDistrictTree } from '../shared/use-district-tree'
import '../shared/district.scss'

const UNIT_KINDS: { value: UnitKind; text: string }[] = [
  { value: '机关', text: '机关' },
  { value: '事业', text: '事业' },
  { value: '企业', text: '企业' },
  { value: '高校', text: '高校' },
  { value: '其他', text: '其他' },
]

/** 单位与结对共建: the district's units, each with the communities it is paired with. */
export default function DistrictUnitsPage() {
  const { tree, status, error, reload } = useDistrictTree()
  const [adding, setAdding] = useState(false)
  const [renaming, setRenaming] = useState<OrgUnit | null>(null)
  const [pairing, setPairing] = useState<OrgUnit | null>(null)
  const [unpairing, setUnpairing] = useState<{ unit: OrgUnit; communityId: string; communityName: string } | null>(null)

  const refreshed = async (title: string) => {
    await reload(true)
    void Taro.showToast({ title, icon: 'none' })
  }

  const pair = async (communityId: string) => {
    if (!pairing) return
    const unit = pairing
    setPairing(null)
    const result = await orgApi.pair(unit.id, communityId)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none' })
      return
    }
    await refreshed(`${unit.name}已与${result.data.communityName}结对`)
  }

  const unpair = async (): Promise<ApiError | null> => {
    if (!unpairing) return null
    const result = await orgApi.unpair(unpairing.unit.id, unpairing.communityId)
    if (!result.ok) return result.error
    setUnpairing(null)
    await refreshed('已解除结对')
    return null
  }

  const communities = tree ? communitiesOf(tree) : []
  const pairable = pairing
    ? communities
        .filter((community) => !pairing.pairings.some((p) => p.communityId === community.id))
        .map((community) => ({ value: community.id, text: community.name, sub: community.streetName }))
    : []

  return (
    <PageShell
      title="单位与结对"
      tab="district-units"
      status={status === 'ready' && tree?.units.length === 0 ? 'empty' : status}
      error={error}
      onRetry={() => void reload()}
      empty={{ title: '还没有单位', hint: '新增机关、事业、企业、高校等单位，再与社区结对共建', actionText: '新增单位', onAction: () => setAdding(true) }}
      elderToggle
    >
      {tree && (
        <View className="district">
          <View className="district__toolbar">
            <Button type="primary" size="small" onClick={() => setAdding(true)}>新增单位</Button>
          </View>
          <Text className="district__summary">共 {tree.units.length} 个单位</Text>
          <Text className="district__summary district__definition">{IN_SERVICE_DEFINITION}，与单位的报到情况统计同一口径。</Text>
          {tree.units.map((unit) => (
            <Card key={unit.id} className="org-card" title={<Text className="org-card__name">{unit.name}</Text>} extra={<StatusTag tone="active">{unit.kind}</StatusTag>}>
              <Text className="org-card__counts">
                在职党员 {unit.inService} 名（已报到 {unit.reported} 名） · 管理员 {unit.admins.map((admin) => admin.name).join('、') || '未任命'}
              </Text>
              <Text className="org-card__line">结对社区：</Text>
              {unit.pairings.map((p) => (
                <View key={p.communityId} className="org-row">
                  <View className="org-row__text">
                    <Text>{p.communityName}</Text>
                    <Text className="org-row__sub">自 {formatDate(p.pairedOn)} 起结对共建</Text>
                  </View>
                  <Button size="small" fill="none" onClick={() => setUnpairing({ unit, communityId: p.communityId, communityName: p.communityName })}>
                    解除
                  </Button>
                </View>
              ))}
              {unit.pairings.length === 0 && <Text className="org-card__line">尚未结对</Text>}
              <View className="org-card__buttons">
                <Button size="small" fill="outline" type="primary" onClick={() => setPairing(unit)}>结对社区</Button>
                <Button size="small" fill="outline" onClick={() => setRenaming(unit)}>改名</Button>
              </View>
            </Card>
          ))}
        </View>
      )}
      <AddUnitDialog visible={adding} onClose={() => setAdding(false)} onAdded={(name) => { setAdding(false); void refreshed(`已新增单位「${name}」`) }} />
      <NameDialog
        visible={renaming !== null}
        title="单位改名"
        hint={`把「${renaming?.name ?? ''}」改为：`}
        initial={renaming?.name ?? ''}
        placeholder="单位的新名称"
        maxLength={80}
        onSubmit={async (name) => {
          const result = await orgApi.renameUnit(renaming!.id, name)
          if (!result.ok) return result.error
          setRenaming(null)
          await refreshed('已改名')
          return null
        }}
        onClose={() => setRenaming(null)}
      />
      <PickDialog
        visible={pairing !== null}
        title={`「${pairing?.name ?? ''}」结对社区`}
        hint="选择与该单位结对共建的社区，结对日期记为今天："
        options={pairable}
        emptyText="本区所有社区都已与该单位结对"
        confirmText="结对"
        onPick={(communityId) => void pair(communityId)}
        onClose={() => setPairing(null)}
      />
      <ConfirmDialog
        visible={unpairing !== null}
        title="解除结对"
        message={unpairing ? `确定解除「${unpairing.unit.name}」与「${unpairing.communityName}」的结对共建吗？党员的报到和服务记录不受影响。` : ''}
        confirmText="解除结对"
        onConfirm={unpair}
        onClose={() => setUnpairing(null)}
      />
    </PageShell>
  )
}

function AddUnitDialog({ visible, onClose, onAdded }: { visible: boolean; onClose: () => void; onAdded: (name: string) => void }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<UnitKind | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const confirm = async () => {
    const local: Record<string, string> = {}
    if (!name.trim()) local.name = '请填写单位名称'
    if (!kind) local.kind = '请选择单位类别'
    if (Object.keys(local).length) {
      setErrors(local)
      throw new Error('incomplete')
    }
    const result = await orgApi.createUnit({ name: name.trim(), kind: kind! })
    if (!result.ok) {
      setErrors(result.error.fields ?? { name: result.error.message })
      throw new Error(result.error.code)
    }
    setName('')
    setKind(null)
    setErrors({})
    onAdded(result.data.name)
  }

  return (
    <Dialog className="name-dialog" visible={visible} title="新增单位" confirmText="保存" cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className="dialog-field">
        <Text className="dialog-field__hint">单位名称（本区内不能重复）</Text>
        <Input className="dialog-field__input" name="unitName" value={name} placeholder="例如：区人民医院" maxLength={80} onChange={(value) => { setName(value); setErrors({}) }} />
        <FieldError message={errors.name} />
        <Text className="dialog-field__hint">单位类别</Text>
        <ChoiceChips options={UNIT_KINDS} value={kind} onChange={(value) => { setKind(value); setErrors({}) }} />
        <FieldError message={errors.kind} />
      </View>
    </Dialog>
  )
}
