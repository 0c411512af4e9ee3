import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { ChoiceChips } from '@/components/choice-chips'
import { FieldError } from '@/components/field-error'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { recordsApi } from '@/services/api/records'
import type { SelfRating, ServiceRecord } from '@/services/api/types'
import { RATING_TEXT, SELF_RATINGS } from '../shared/record-display'

const OPTIONS = SELF_RATINGS.map((value) => ({ value, text: RATING_TEXT[value] }))

/** 自评 (一事一评): the member rates their own service once; the server's words go under the fields. */
export function SelfEvaluationForm({ record, onDone }: { record: ServiceRecord; onDone: (record: ServiceRecord) => void }) {
  const [rating, setRating] = useState<SelfRating | null>(null)
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)
  useLeaveGuard(rating !== null || comment.trim() !== '')

  const submit = async () => {
    if (!rating) {
      setErrors({ rating: '请选择优、良或一般' })
      return
    }
    setSubmitting(true)
    const result = await recordsApi.selfEvaluate({ orderId: record.orderId, rating, comment: comment.trim() })
    setSubmitting(false)
    if (!result.ok) {
      // What was chosen and written stays; the message goes under its field.
      setErrors(result.error.fields ?? { form: result.error.message })
      return
    }
    setErrors({})
    onDone(result.data)
    void Taro.showToast({ title: '自评已保存', icon: 'success' })
  }

  return (
    <View className="record-detail__self-form">
      <Text className="record-detail__form-label">
        这次服务您自己觉得怎么样？<Text className="record-detail__required">*</Text>
      </Text>
      <ChoiceChips
        options={OPTIONS}
        value={rating}
        onChange={(value) => {
          setRating(value)
          setErrors(({ rating: _dropped, ...rest }) => rest)
        }}
      />
      <FieldError message={errors.rating} />
      <Text className="record-detail__form-label">
        说说做了什么、有什么体会<Text className="record-detail__required">*</Text>
      </Text>
      <TextArea
        className="record-detail__textarea"
        value={comment}
        maxLength={300}
        showCount
        placeholder="例如：帮李阿姨疏通了下水道，顺便检查了水龙头"
        onChange={(value) => {
          setComment(value)
          setErrors(({ comment: _dropped, ...rest }) => rest)
        }}
      />
      <FieldError message={errors.comment} />
      <FieldError message={errors.form ?? errors.orderId} />
      <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
        提交自评
      </Button>
    </View>
  )
}
