import type { FieldErrors } from '@/hooks/use-form-errors'
import type { ManagedGood, SaveGoodData } from '@/services/api/shop'

export type Audience = SaveGoodData['audience']

export const AUDIENCE_OPTIONS: { value: Audience; title: string; hint: string }[] = [
  { value: 'member', title: '党员义工', hint: '用服务积分兑换' },
  { value: 'resident', title: '居民', hint: '本社区居民可兑' },
  { value: 'both', title: '都可以', hint: '党员义工和居民' },
]

/** The form as typed: numbers stay text until they are checked. */
export interface GoodForm {
  goodId?: string
  name: string
  description: string
  photoUrl: string
  pricePoints: string
  audience: Audience
  perPersonLimit: string
  initialStock: string
}

export type GoodField = 'name' | 'description' | 'photoUrl' | 'pricePoints' | 'audience' | 'perPersonLimit' | 'initialStock'
export const GOOD_FIELDS: GoodField[] = ['name', 'description', 'photoUrl', 'pricePoints', 'audience', 'perPersonLimit', 'initialStock']

export const EMPTY_GOOD: GoodForm = { name: '', description: '', photoUrl: '', pricePoints: '', audience: 'member', perPersonLimit: '', initialStock: '' }

export const formOf = (good: ManagedGood): GoodForm => ({
  goodId: good.id,
  name: good.name,
  description: good.description,
  photoUrl: good.photoUrl ?? '',
  pricePoints: String(good.pricePoints),
  audience: good.audience,
  perPersonLimit: good.perPersonLimit === null ? '' : String(good.perPersonLimit),
  initialStock: '',
})

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN)

/** The same limits as SaveGoodInput, in the same words. */
export function checkGood(form: GoodForm | null): FieldErrors<GoodField> {
  if (!form) return {}
  const errors: FieldErrors<GoodField> = {}
  const name = form.name.trim()
  if (!name) errors.name = '物品名称不能为空'
  else if (name.length > 40) errors.name = '物品名称不能超过40个字'
  if (form.description.trim().length > 200) errors.description = '物品说明不能超过200个字'
  const photo = form.photoUrl.trim()
  if (photo && !/^https?:\/\/\S+$/.test(photo)) errors.photoUrl = '图片地址须以 http:// 或 https:// 开头'
  const price = wholeNumber(form.pricePoints)
  if (!form.pricePoints.trim()) errors.pricePoints = '请填写兑换积分'
  else if (!Number.isInteger(price)) errors.pricePoints = '兑换积分须为整数'
  else if (price < 1 || price > 100000) errors.pricePoints = '兑换积分须在1至100000之间'
  if (form.perPersonLimit.trim()) {
    const limit = wholeNumber(form.perPersonLimit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.perPersonLimit = '每人限兑须为1至100的整数'
  }
  if (!form.goodId && form.initialStock.trim()) {
    const stock = wholeNumber(form.initialStock)
    if (!Number.isInteger(stock) || stock > 10000) errors.initialStock = '初始库存须为0至10000的整数'
  }
  return errors
}

/** What saveGood receives from a checked form. */
export function saveDataOf(form: GoodForm): SaveGoodData {
  return {
    ...(form.goodId ? { goodId: form.goodId } : { initialStock: form.initialStock.trim() ? Number(form.initialStock) : 0 }),
    name: form.name.trim(),
    description: form.description.trim(),
    ...(form.photoUrl.trim() ? { photoUrl: form.photoUrl.trim() } : {}),
    pricePoints: Number(form.pricePoints),
    audience: form.audience,
    ...(form.perPersonLimit.trim() ? { perPersonLimit: Number(form.perPersonLimit) } : {}),
  }
}
