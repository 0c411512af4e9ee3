import { useCallback, useEffect, useMemo, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { BRIEF_MAX_CHARS, BRIEF_MAX_PHOTOS } from '@core/orders/briefs/brief-limits'
import { Card } from '@/components/card'
import { DraftNotice } from '@/components/draft-notice'
import { FieldError } from '@/components/field-error'
import { FormBanner } from '@/components/form-banner'
import { InfoRow } from '@/components/info-row'
import { PageShell, type PageStatus } from '@/components/page-shell'
import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useSession } from '@/hooks/use-session'
import { briefsApi, type BriefPhoto, type BriefView } from '@/services/api/briefs'
import type { ApiError } from '@/services/api/types'
import { formatMoment, formatSpan } from '@/services/beijing-time'
import { preparePhoto } from '@/services/brief-photo'
import { formDraft } from '@/services/form-draft'
import { fetchAndSaveFile } from '@/services/save-file'
import { dueWords } from './due-words'
import './index.scss'

/** The text typed and not yet saved, kept on the phone per activity and account. */
type BriefDraft = { text: string }

/** 活动简讯 (part C): the report, photos and participants of one activity; the secretary or its leader writes it. */
export default function ActivityBriefPage() {
  const { params } = useRouter()
  const orderId = params.orderId ? decodeURIComponent(params.orderId) : ''
  const [elder] = useElderMode()
  const userId = useSession()?.profile.userId ?? null
  const draft = useMemo(() => formDraft<BriefDraft>(`draft.brief.${orderId}`, { text: '' }, userId), [orderId, userId])
  const [brief, setBrief] = useState<BriefView | null>(null)
  const [status, setStatus] = useState<PageStatus>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<BriefPhoto[]>([])
  const [restored, setRestored] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [banner, setBanner] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'photo' | 'export' | string | null>(null)

  const show = (view: BriefView) => {
    setBrief(view)
    setPhotos(view.photos)
  }

  const load = useCallback(async () => {
    setStatus('loading')
    const result = await briefsApi.brief(orderId)
    if (!result.ok) {
      setError(result.error)
      setStatus('error')
      return
    }
    show(result.data)
    const saved = result.data.canEdit ? draft.load() : undefined
    const kept = saved && saved.text !== result.data.text ? saved.text : null
    setText(kept ?? result.data.text)
    setRestored(kept !== null)
    setStatus('ready')
  }, [orderId, draft])
  useEffect(() => void load(), [load])

  const type = (next: string) => {
    setText(next)
    setErrors(({ text: _, ...rest }) => rest)
    setBanner(null)
    draft.save({ text: next })
  }

  const discardDraft = () => {
    draft.clear()
    setRestored(false)
    setText(brief?.text ?? '')
  }

  const refused = (refusal: ApiError) => {
    setErrors(refusal.fields ?? {})
    if (!refusal.fields) setBanner(refusal.message)
  }

  const addPhotos = async () => {
    if (!brief) return
    const room = BRIEF_MAX_PHOTOS - photos.length
    let chosen: Taro.chooseImage.SuccessCallbackResult
    try {
      chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    } catch {
      return // the user closed the picker
    }
    setErrors(({ photos: _, dataBase64: __, fileId: ___, ...rest }) => rest)
    // What the phone could not open as a picture is left out of the answer (H5 drops it, WeChat offers only pictures).
    if (chosen.tempFiles.length === 0) {
      setErrors((previous) => ({ ...previous, photos: '没能打开这个文件，请选择 JPG 或 PNG 格式的照片' }))
      return
    }
    setBusy('photo')
    const added: BriefPhoto[] = []
    let problem: string | null = null
    for (const file of chosen.tempFiles.slice(0, room)) {
      const prepared = await preparePhoto(brief.orderId, file as typeof file & { originalFileObj?: Blob }).catch(() => ({ ok: false as const, message: '照片没有上传成功，请重新选择' }))
      if (!prepared.ok) {
        problem = prepared.message
        continue
      }
      const result = await briefsApi.uploadPhoto(brief.orderId, prepared.payload)
      if (result.ok) added.push(result.data)
      else problem = Object.values(result.error.fields ?? {})[0] ?? result.error.message
    }
    setPhotos((previous) => [...previous, ...added])
    if (problem) setErrors((previous) => ({ ...previous, photos: problem! }))
    setBusy(null)
  }

  const removePhoto = async (photo: BriefPhoto, index: number) => {
    const { confirm } = await Taro.showModal({ title: '删除照片', content: `删除第 ${index + 1} 张照片？`, confirmText: '删除', cancelText: '不删' })
    if (!confirm) return
    setBusy(photo.id)
    const result = await briefsApi.removePhoto(photo.id)
    setBusy(null)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none', duration: 2500 })
      return
    }
    setPhotos((previous) => previous.filter((kept) => kept.id !== photo.id))
  }

  const save = async () => {
    if (!brief) return
    if (!text.trim()) {
      setErrors({ text: '请填写简讯内容' })
      return
    }
    setBusy('save')
    const result = await briefsApi.save(brief.orderId, text.trim(), photos.map((photo) => photo.id))
    setBusy(null)
    if (!result.ok) {
      refused(result.error)
      return
    }
    draft.clear()
    setRestored(false)
    show(result.data)
    setText(result.data.text)
    void Taro.showToast({ title: brief.submitted ? '简讯已更新' : '简讯已提交', icon: 'success' })
  }

  const exportPdf = async () => {
    if (!brief) return
    setBusy('export')
    const refusal = await fetchAndSaveFile(() => briefsApi.exportPdf(brief.orderId), '已导出 PDF')
    setBusy(null)
    if (refusal) void Taro.showToast({ title: refusal.message, icon: 'none', duration: 2500 })
  }

  const preview = (index: number) => void Taro.previewImage({ urls: photos.map((photo) => photo.url), current: photos[index]?.url })

  const due = brief ? dueWords(brief) : null
  const editing = Boolean(brief?.canEdit)
  return (
    <PageShell title="活动简讯" status={status} error={error} onRetry={() => void load()} elderToggle>
      {brief && due && (
        <View className="activity-brief">
          <Card title={brief.title} extra={<StatusTag tone={due.tone}>{due.tag}</StatusTag>}>
            <InfoRow label="时间" value={formatSpan(brief.startsAt, brief.endsAt, new Date(), { weekday: !elder })} />
            <InfoRow label="地点" value={brief.place} />
            <InfoRow label="社区" value={brief.communityName} />
            {brief.submitted ? (
              <InfoRow label="提交" value={`${brief.authorName ?? ''} ${formatMoment(brief.submittedAt!)}`} hint={brief.updatedAt !== brief.submittedAt ? `最后修改 ${formatMoment(brief.updatedAt!)}` : due.line} />
            ) : (
              <InfoRow label="期限" value={due.line} />
            )}
          </Card>
          {due.warning && editing && <Text className="activity-brief__warning">{due.warning}</Text>}
          {brief.editBlocked && <Text className="activity-brief__note">{brief.editBlocked}</Text>}

          <Card title="简讯">
            {editing ? (
              <View>
                {restored && <DraftNotice text={elder ? '上次没保存的内容已经帮您留着了' : '已恢复您上次没保存的简讯'} clearText="不要了" onClear={discardDraft} />}
                {!elder && <Text className="activity-brief__hint">写清做了什么、服务了多少居民、效果怎样，几句话就好</Text>}
                <TextArea
                  className="activity-brief__text"
                  value={text}
                  maxLength={BRIEF_MAX_CHARS}
                  showCount
                  autoSize
                  placeholder="例如：组织党员为小区长者理发、量血压，共服务二十位居民"
                  onChange={type}
                />
                <FieldError message={errors.text} />
              </View>
            ) : (
              <Text className="activity-brief__body">{brief.text || '还没有提交简讯'}</Text>
            )}
          </Card>

          <Card title={`照片（${photos.length}${editing ? `/${BRIEF_MAX_PHOTOS}` : ''} 张）`}>
            {photos.length === 0 && !editing && <Text className="activity-brief__note">没有照片</Text>}
            <View className="activity-brief__photos">
              {photos.map((photo, index) => (
                <View key={photo.id} className="activity-brief__photo">
                  <Image className="activity-brief__image" src={photo.url} mode="aspectFill" onClick={() => preview(index)} />
                  {editing && (
                    <Text className="activity-brief__remove" onClick={() => void removePhoto(photo, index)}>
                      {busy === photo.id ? '删除中' : '删除'}
                    </Text>
                  )}
                </View>
              ))}
            </View>
            {editing && photos.length < BRIEF_MAX_PHOTOS && (
              <Button className="activity-brief__add" size="large" block fill="outline" type="primary" loading={busy === 'photo'} disabled={busy !== null} onClick={() => void addPhotos()}>
                添加照片
              </Button>
            )}
            <FieldError message={errors.photos ?? errors.dataBase64 ?? errors.fileId ?? errors.photoIds} />
          </Card>

          <Card title={`参加人员名单（${brief.participants.length} 人）`}>
            {brief.participants.length === 0 && <Text className="activity-brief__note">还没有服务记录</Text>}
            {brief.participants.map((person, index) => (
              <View key={`${person.name}-${index}`} className="activity-brief__person">
                <View className="activity-brief__person-main">
                  <Text className="activity-brief__person-name">{`${index + 1}. ${person.name}`}</Text>
                  {person.volunteerNo && <Text className="activity-brief__person-no">{`志愿者编号 ${person.volunteerNo}`}</Text>}
                </View>
                <Text className="activity-brief__person-hours">{`${person.hours} 小时`}</Text>
              </View>
            ))}
            <Text className="activity-brief__note">{brief.participantsFrozen ? '名单为提交简讯时的服务记录' : '名单按服务记录自动生成，提交简讯时定格'}</Text>
          </Card>

          <FormBanner message={banner} />
          <View className="activity-brief__actions">
            {editing && (
              <Button type="primary" size="large" block loading={busy === 'save'} disabled={busy !== null} onClick={() => void save()}>
                {brief.submitted ? '保存修改' : '提交简讯'}
              </Button>
            )}
            <Button size="large" block fill="outline" type="primary" loading={busy === 'export'} disabled={busy !== null} onClick={() => void exportPdf()}>
              导出 PDF
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  )
}
