import Taro from '@tarojs/taro'
import { formDraft } from './form-draft'

jest.mock('@tarojs/taro', () => require('../../tests/support/taro-storage-mock').taroWithStorage())

const store = (Taro as unknown as { __store: Map<string, unknown> }).__store
const EMPTY = { kind: '', description: '', address: '' }

describe('a form draft', () => {
  beforeEach(() => store.clear())

  it('should give back what was saved, until it is cleared', () => {
    const draft = formDraft('dyg.test-draft', EMPTY)
    expect(draft.load()).toBeUndefined()
    draft.save({ ...EMPTY, kind: 'medicine', description: '降压药' })
    expect(formDraft('dyg.test-draft', EMPTY).load()).toEqual({ kind: 'medicine', description: '降压药', address: '' })
    draft.clear()
    expect(draft.load()).toBeUndefined()
  })

  it('should fill fields added since the draft was saved from the empty form', () => {
    store.set('dyg.test-draft', { kind: 'repair' })
    expect(formDraft('dyg.test-draft', EMPTY).load()).toEqual({ ...EMPTY, kind: 'repair' })
  })

  it('should keep each account’s draft apart on a shared phone', () => {
    formDraft('dyg.test-draft', EMPTY, 'user-a').save({ ...EMPTY, address: '幸福小区1栋' })
    expect(formDraft('dyg.test-draft', EMPTY, 'user-b').load()).toBeUndefined()
    expect(formDraft('dyg.test-draft', EMPTY, 'user-a').load()?.address).toBe('幸福小区1栋')
  })

  it('should read a broken entry as no draft', () => {
    store.set('dyg.test-draft', 'not a form')
    expect(formDraft('dyg.test-draft', EMPTY).load()).toBeUndefined()
    store.set('dyg.test-draft', ['a'])
    expect(formDraft('dyg.test-draft', EMPTY).load()).toBeUndefined()
  })
})
