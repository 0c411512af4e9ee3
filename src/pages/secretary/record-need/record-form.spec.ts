import { RecordDemandInput } from '@core/demands/demands.schemas'
import { RECORD_NEED_LABELS } from '@core/demands/need-labels'
import { EMPTY_RECORD, filedUnder, isRecordDirty, toRecordDemandData, validateRecord, type RecordForm } from './record-form'

const filled: RecordForm = { ...EMPTY_RECORD, requesterName: '王大爷', contactPhone: '13800000000', category: '爱心扶助', subItem: '上门慰问', description: '独居老人，想有人陪着聊聊天', address: '幸福小区1栋101' }

/** The server's field errors for the form as sent. */
function serverFields(form: RecordForm): Record<string, string> {
  const result = RecordDemandInput.safeParse(toRecordDemandData(form))
  if (result.success) return {}
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) fields[issue.path.join('.')] ??= issue.message
  return fields
}

describe('recording a need for a resident', () => {
  it('should accept a filled form and send it trimmed, with the channel', () => {
    expect(validateRecord(filled)).toEqual({})
    expect(toRecordDemandData({ ...filled, requesterName: ' 王大爷 ', channel: 'phone' })).toEqual({
      requesterName: '王大爷',
      contactPhone: '13800000000',
      channel: 'phone',
      category: '爱心扶助',
      subItem: '上门慰问',
      description: '独居老人，想有人陪着聊聊天',
      address: '幸福小区1栋101',
    })
  })

  it('should take a plain kind instead of a catalogue item, and show where it is filed', () => {
    const plain = { ...filled, kind: 'medicine' as const, category: '', subItem: '', description: '' }
    expect(validateRecord(plain)).toEqual({})
    expect(serverFields(plain)).toEqual({})
    expect(filedUnder(plain)).toBe('爱心扶助 · 敬老助残')
    expect(filedUnder({ ...plain, category: '医疗卫生服务', subItem: '医疗保健' })).toBe('医疗卫生服务 · 医疗保健')
    expect(toRecordDemandData(plain)).toEqual({ requesterName: '王大爷', contactPhone: '13800000000', channel: 'window', kind: 'medicine', address: '幸福小区1栋101' })
  })

  it('should name every missing or wrong field in the words of its label, as the server does', () => {
    expect(validateRecord(EMPTY_RECORD)).toEqual({
      requesterName: '请填写求助人姓名',
      contactPhone: '请填写联系电话',
      category: '请选择服务类别',
      description: '请填写需求描述',
      address: '服务地址不能为空',
    })
    expect(Object.keys(serverFields(EMPTY_RECORD)).sort()).toEqual(Object.keys(validateRecord(EMPTY_RECORD)).sort())
    expect(validateRecord({ ...filled, contactPhone: '123', subItem: '义诊', description: '帮忙' })).toEqual({
      contactPhone: '联系电话须为11位手机号码',
      subItem: '服务子项不属于所选服务类别',
      description: '需求描述至少需要4个字',
    })
    const labels: Record<string, string> = { ...RECORD_NEED_LABELS, subItem: '服务' }
    for (const [field, message] of Object.entries(serverFields({ ...EMPTY_RECORD, requesterName: ' ', contactPhone: '1' }))) {
      expect(message).toContain(labels[field])
    }
  })

  it('should count the form as changed once anything beyond the channel is filled', () => {
    expect(isRecordDirty({ ...EMPTY_RECORD, channel: 'phone' })).toBe(false)
    expect(isRecordDirty({ ...EMPTY_RECORD, kind: 'company' })).toBe(true)
  })
})
