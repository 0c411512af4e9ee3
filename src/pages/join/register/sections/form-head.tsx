import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RegistrationOptions } from '@/services/api/registration'
import { formatDate } from '@/services/beijing-time'
import { SlipCodeBox } from './slip-code-box'

export interface FormHeadProps {
  slip: RegistrationOptions['slip']
  restored: boolean
  onClearDraft: () => void
  /** Fills the form from the slip with this code; resolves to the refusal to show, or null. */
  onUseCode: (code: string) => Promise<string | null>
  /** Goes on without the slip (another code, or none). */
  onDropSlip: () => void
}

/** The top of the form: the 报到单 it was opened from, or a box for its code; a note when a draft was restored. */
export function FormHead({ slip, restored, onClearDraft, onUseCode, onDropSlip }: FormHeadProps) {
  return (
    <>
      {slip ? (
        <View className={`register__slip${slip.usable ? '' : ' register__slip--used'}`}>
          <Text className="register__slip-title">{`报到单 ${slip.code}`}</Text>
          <Text className="register__slip-line">{`${slip.unitName} 请 ${slip.memberName} 同志于 ${formatDate(slip.reportBy)} 前到 ${slip.communityName} 报到`}</Text>
          <Text className="register__slip-line">{`手机号码须与报到单一致（${slip.memberPhoneMasked}）`}</Text>
          {!slip.usable && <Text className="register__slip-line">该报到单已使用或已作废，请联系单位党组织</Text>}
          <Button size="small" fill="none" onClick={onDropSlip}>
            不是这张？改填其他报到码
          </Button>
        </View>
      ) : (
        <>
          <Text className="register__intro">填写后提交给报到社区，社区确认后即成为社区党员义工。</Text>
          <SlipCodeBox onUse={onUseCode} />
        </>
      )}
      {restored && (
        <View className="register__draft">
          <Text>已恢复上次未提交的内容</Text>
          <Button size="small" fill="outline" type="primary" onClick={onClearDraft}>
            清空草稿
          </Button>
        </View>
      )}
    </>
  )
}
