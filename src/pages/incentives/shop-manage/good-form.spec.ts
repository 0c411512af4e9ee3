import { EMPTY_GOOD, checkGood, saveDataOf } from './good-form'

describe('the good form', () => {
  it('should name each wrong field in the words of SaveGoodInput', () => {
    expect(checkGood({ ...EMPTY_GOOD, name: ' ', pricePoints: '0', photoUrl: 'ftp://x', perPersonLimit: '0', initialStock: '-1' })).toEqual({
      name: '物品名称不能为空',
      pricePoints: '兑换积分须在1至100000之间',
      photoUrl: '图片地址须以 http:// 或 https:// 开头',
      perPersonLimit: '每人限兑须为1至100的整数',
      initialStock: '初始库存须为0至10000的整数',
    })
    expect(checkGood({ ...EMPTY_GOOD, name: '大米', pricePoints: '' })).toEqual({ pricePoints: '请填写兑换积分' })
  })

  it('should send a new good with its first stock, and an edit without one', () => {
    const form = { ...EMPTY_GOOD, name: ' 大米 5kg ', pricePoints: '30', audience: 'both' as const, initialStock: '10' }
    expect(checkGood(form)).toEqual({})
    expect(saveDataOf(form)).toEqual({ initialStock: 10, name: '大米 5kg', description: '', pricePoints: 30, audience: 'both' })
    expect(saveDataOf({ ...form, goodId: 'g1', perPersonLimit: '2', initialStock: '99' })).toEqual({
      goodId: 'g1', name: '大米 5kg', description: '', pricePoints: 30, audience: 'both', perPersonLimit: 2,
    })
  })
})
