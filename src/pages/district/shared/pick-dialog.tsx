import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { FieldError } from '@/components/field-error'
import './district.scss'

export interface PickOption {
  value: string
  text: string
  /** A second, smaller line (the street of a community, counts). */
  sub?: string
}

export interface PickDialogProps {
  visible: boolean
  title: string
  hint: string
  options: PickOption[]
  /** Said instead of the list when there is nothing to choose. */
  emptyText: string
  confirmText?: string
  onPick: (value: string) => void
  onClose: () => void
}

/** Chooses one organisation or unit from a short list of big rows (easier to tap than a wheel). */
export function PickDialog({ visible, title, hint, options, emptyText, confirmText = '下一步', onPick, onClose }: PickDialogProps) {
  const [picked, setPicked] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (visible) {
      setPicked(null)
      setError(null)
    }
  }, [visible])

  const confirm = () => {
    if (!picked) {
      setError(options.length ? '请先选择一项' : emptyText)
      throw new Error('nothing picked')
    }
    onPick(picked)
  }

  return (
    <Dialog className="pick-dialog" visible={visible} title={title} confirmText={confirmText} cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className="dialog-field">
        <Text className="dialog-field__hint">{hint}</Text>
        {options.length === 0 && <Text className="dialog-field__hint">{emptyText}</Text>}
        {options.map((option) => (
          <View
            key={option.value}
            className={`pick-dialog__option${option.value === picked ? ' pick-dialog__option--picked' : ''}`}
            onClick={() => {
              setPicked(option.value)
              setError(null)
            }}
          >
            <Text className="pick-dialog__text">{option.text}</Text>
            {option.sub && <Text className="pick-dialog__sub">{option.sub}</Text>}
          </View>
        ))}
        <FieldError message={error} />
      </View>
    </Dialog>
  )
}
