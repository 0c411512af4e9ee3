import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { SLIP_CODE_PATTERN, slipCodeFromText } from '@core/registration/slip-code'
import { FormRow } from '@/components/form-row'

const CAN_SCAN = process.env.TARO_ENV !== 'h5'

export interface SlipCodeBoxProps {
  /** Looks the code up; resolves to the refusal to show under the box, or null when the form now follows the slip. */
  onUse: (code: string) => Promise<string | null>
}

/**
 * 报到码 typed by hand (or pasted: the whole text the unit sent, or its link), or scanned in the mini-program:
 * the unit and the community are then filled in as the link from the slip does.
 */
export function SlipCodeBox({ onUse }: SlipCodeBoxProps) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const use = async (text = typed) => {
    const code = slipCodeFromText(text)
    setTyped(code)
    if (!code) return setError('请填写报到码')
    if (!SLIP_CODE_PATTERN.test(code)) return setError('报到码须为8位字母或数字，例如 ABCD2345')
    setBusy(true)
    setError(await onUse(code))
    setBusy(false)
  }

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      await use(result)
    } catch {
      // The member closed the scanner.
    }
  }

  return (
    <View id="field-slipCode" className="register__code-box">
      <FormRow label="报到码" hint="单位发了报到码的，填在这里，所在单位和报到社区会自动填好；没有的可不填" error={error}>
        <View className="register__code-row">
          <Input
            className="register__code-input"
            name="slipCode"
            value={typed}
            maxLength={200}
            placeholder="例如 ABCD2345"
            confirmType="done"
            onChange={(value) => {
              setTyped(value)
              setError(null)
            }}
            onConfirm={() => void use()}
          />
          <Button type="primary" fill="outline" loading={busy} disabled={busy} onClick={() => void use()}>
            使用
          </Button>
          {CAN_SCAN && (
            <Button fill="outline" onClick={() => void scan()}>
              扫码
            </Button>
          )}
        </View>
      </FormRow>
    </View>
  )
}
