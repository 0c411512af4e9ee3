import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { privacyApi, type PersonalField, type RevealSubject } from '@/services/api/privacy'
import './index.scss'

export interface PrivateValueProps {
  /** What everyone sees: 138****5678, 幸福小区**** */
  masked: string
  subject: RevealSubject
  field: PersonalField
  /** Why it is read, written to the access log (the server has a default). */
  purpose?: string
}

/**
 * A masked phone, address or ID number with a small 「查看」: tapping asks the server for the full value,
 * which writes the read to the access log; a revealed phone can be called.
 */
export function PrivateValue({ masked, subject, field, purpose }: PrivateValueProps) {
  const [full, setFull] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reveal = async () => {
    if (busy) return
    setBusy(true)
    const result = await privacyApi.reveal({ subject, field, ...(purpose ? { purpose } : {}) })
    setBusy(false)
    if (result.ok) setFull(result.data.value)
    else void Taro.showModal({ title: '不能查看', content: result.error.message, showCancel: false })
  }

  return (
    <View className="private-value">
      <Text className="private-value__text">{full ?? masked}</Text>
      {full === null ? (
        <Text className="private-value__action" onClick={() => void reveal()}>
          {busy ? '…' : '查看'}
        </Text>
      ) : (
        <>
          {field === 'phone' && (
            <Text className="private-value__action" onClick={() => void Taro.makePhoneCall({ phoneNumber: full })}>
              拨打
            </Text>
          )}
          <Text className="private-value__note">已记录查看</Text>
        </>
      )}
    </View>
  )
}
