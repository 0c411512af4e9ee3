import { useState } from 'react'
import { Dialog, Input } from '@nutui/nutui-react-taro'
import { RELATIONS, RELATION_KEYS } from '@core/incentives/bank/relations'
import { ChoiceChips } from '@/components/choice-chips'
import { DialogField } from '@/components/dialog-field'
import type { ApiResult } from '@/services/api-client'
import { newRequestKey, timeBankApi, type FamilyLink, type Relation, type Transfer } from '@/services/api/time-bank'
import { minutesOfTyped } from './time-bank-display'

export interface AmountDialogProps {
  title: string
  hint: string
  unit: { unitName: '小时' | '时间币' }
  /** Whom to give to, when there is a choice. */
  choices?: { value: string; text: string }[]
  chosen?: string
  onSubmit: (minutes: number, requestKey: string, chosen: string | undefined) => Promise<ApiResult<Transfer>>
  onDone: () => void
  onClose: () => void
}

/** How many hours (or 时间币) to move; the tap's key stays the same while the dialog is open, so a retry posts once. */
export function AmountDialog({ title, hint, unit, choices, chosen, onSubmit, onDone, onClose }: AmountDialogProps) {
  const [text, setText] = useState('')
  const [who, setWho] = useState(chosen)
  const [error, setError] = useState<string | null>(null)
  const [requestKey] = useState(newRequestKey)
  const unitText = unit.unitName === '小时' ? '小时' : '个时间币'

  const confirm = async () => {
    const minutes = minutesOfTyped(text)
    if (minutes === null) {
      setError(`请填写${unitText}数，整数或半个（如 1.5）`)
      throw new Error('amount required')
    }
    const result = await onSubmit(minutes, requestKey, who)
    if (!result.ok) {
      setError(result.error.fields?.minutes ?? result.error.message)
      throw new Error(result.error.code)
    }
    onDone()
  }

  return (
    <Dialog visible title={title} confirmText="确定" cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      {choices && choices.length > 1 && <ChoiceChips options={choices} value={who ?? null} onChange={setWho} />}
      <DialogField hint={hint} error={error}>
        <Input className="dialog-field__input" name="minutes" type="digit" value={text} placeholder={`${unitText}数`} onChange={(value) => (setText(value), setError(null))} />
      </DialogField>
    </Dialog>
  )
}

const RELATION_OPTIONS = RELATION_KEYS.map((value) => ({ value, text: RELATIONS[value] }))

/** 添加亲属: the relative's phone (a resident of the district) and how they are related. */
export function AddRelativeDialog({ onDone, onClose }: { onDone: (links: FamilyLink[]) => void; onClose: () => void }) {
  const [phone, setPhone] = useState('')
  const [relation, setRelation] = useState<Relation | null>(null)
  const [error, setError] = useState<string | null>(null)

  const confirm = async () => {
    if (!/^1[3-9]\d{9}$/.test(phone.trim())) {
      setError('请填写亲属的11位手机号码')
      throw new Error('phone required')
    }
    if (!relation) {
      setError('请选择亲属关系')
      throw new Error('relation required')
    }
    const result = await timeBankApi.addFamilyLink(phone.trim(), relation)
    if (!result.ok) {
      setError(result.error.fields?.phone ?? result.error.message)
      throw new Error(result.error.code)
    }
    onDone(result.data.links)
  }

  return (
    <Dialog visible title="添加直系亲属" confirmText="登记" cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <DialogField hint="须是在本区（街道）登记的居民。对方在手机上确认，或由其社区代为确认后生效。" error={error}>
        <Input className="dialog-field__input" name="phone" type="number" value={phone} placeholder="亲属的手机号码" maxLength={11} onChange={(value) => (setPhone(value), setError(null))} />
      </DialogField>
      <ChoiceChips options={RELATION_OPTIONS} value={relation} onChange={(value) => (setRelation(value), setError(null))} />
    </Dialog>
  )
}
