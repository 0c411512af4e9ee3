import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import { Card } from '@/components/card'
import { FormBanner } from '@/components/form-banner'
import { FormRow } from '@/components/form-row'
import { FormSection } from '@/components/form-section'
import { InfoRow } from '@/components/info-row'
import { PageShell, PrimaryAction } from '@/components/page-shell'
import { certificatesApi, type CertificateVerification } from '@/services/api/certificates'
import type { ApiError } from '@/services/api/types'
import { formatBusinessDate } from '@/services/beijing-time'
import { LOGIN_PAGE } from '@/services/navigation'
import { verdictOf } from './verdict'
import './index.scss'

const STALE_SESSION = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED'])

/** 证明核验: anyone holding a 志愿服务证明 checks it from its QR code (or types its number and code), without an account. */
export default function VerifyCertificatePage() {
  const { params } = useRouter()
  const [number, setNumber] = useState(params.no ? decodeURIComponent(params.no) : '')
  const [code, setCode] = useState(params.code ? decodeURIComponent(params.code) : '')
  const [result, setResult] = useState<CertificateVerification | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [checking, setChecking] = useState(false)

  const check = async (no = number, verification = code) => {
    if (!no.trim() || !verification.trim()) return setError({ code: 'VALIDATION_FAILED', message: '请填写证明编号和核验码' })
    setChecking(true)
    let answer = await certificatesApi.verify(no.trim(), verification.trim())
    // A phone with an old login left behind: the client has just cleared it, and the check needs none.
    if (!answer.ok && STALE_SESSION.has(answer.error.code)) answer = await certificatesApi.verify(no.trim(), verification.trim())
    setChecking(false)
    if (!answer.ok) return setError(answer.error)
    setError(null)
    setResult(answer.data)
  }

  useEffect(() => {
    if (params.no && params.code) void check(decodeURIComponent(params.no), decodeURIComponent(params.code))
  }, [params.no, params.code])

  const verdict = result ? verdictOf(result) : null
  const certificate = result?.certificate
  return (
    <PageShell title="证明核验" requireLogin={false} elderToggle backTo={LOGIN_PAGE}>
      <View className="verify-certificate">
        {verdict && (
          <Card tone={verdict.tone === 'done' ? 'done' : 'alert'}>
            <Text className={`verify-certificate__word verify-certificate__word--${verdict.tone}`}>{verdict.word}</Text>
            <Text className="verify-certificate__explanation">{verdict.explanation}</Text>
            {certificate && (
              <View className="verify-certificate__fields">
                <InfoRow label="证明编号" value={certificate.number} />
                <InfoRow label="志愿者" value={certificate.holderName} />
                <InfoRow label="核验时长" value={`${certificate.hours} 小时（${certificate.serviceCount} 次）`} />
                <InfoRow label="服务期间" value={`${formatBusinessDate(certificate.periodFrom)} 至 ${formatBusinessDate(certificate.periodTo)}`} />
                <InfoRow label="出具单位" value={certificate.issuerName} />
                <InfoRow label="出具日期" value={formatBusinessDate(certificate.issuedOn)} />
                {certificate.revokedOn && <InfoRow label="作废日期" value={formatBusinessDate(certificate.revokedOn)} />}
              </View>
            )}
          </Card>
        )}
        <FormSection title={result ? '核验另一份证明' : '核验志愿服务证明'} hint="扫描证明上的二维码即可核验；也可输入证明上的编号和核验码">
          <FormRow label="证明编号" required>
            <Input name="number" value={number} maxLength={30} placeholder="例如 ZM2026-000001" onChange={setNumber} />
          </FormRow>
          <FormRow label="核验码" required>
            <Input name="code" value={code} maxLength={30} placeholder="二维码旁的8位核验码" onChange={setCode} />
          </FormRow>
          <FormBanner message={error?.message} />
          <PrimaryAction loading={checking} onClick={() => void check()}>
            核验
          </PrimaryAction>
        </FormSection>
      </View>
    </PageShell>
  )
}
