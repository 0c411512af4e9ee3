import { EMPTY_RECORD, toRecordDemandData, validateRecord } from './record-form'

const filled = { ...EMPTY_RECORD, requesterName: '王大爷', contactPhone: '13800000000', category: '爱心扶助', subItem: '上门慰问', description: '独居老人，想有人陪着聊聊天', address: '幸福小区1栋101' }

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

  it('should name every missing or wrong field', () => {
    expect(validateRecord(EMPTY_RECORD)).toEqual({
      requesterName: '请填写求助人姓名',
      contactPhone: '请填写联系电话',
      category: '请选择服务类别',
      description: '请填写需求描述',
      address: '服务地址不能为空',
    })
    expect(validateRecord({ ...filled, contactPhone: '123', subItem: '义诊', description: '帮忙' })).toEqual({
      contactPhone: '联系电话须为11位手机号码',
      subItem: '服务子项不属于所选服务类别',
      description: '需求描述至少需要4个字',
    })
  })
})
