import type { AssessmentWarning } from '@/services/api/assessment'
import { warningsSummary } from './summary'

const warning = (text: string, severity: AssessmentWarning['severity'] = 'warning'): AssessmentWarning => ({
  kind: 'deadline_near', severity, text, due: '2026-12-31', action: { label: '查看我的考核', url: '/pages/assessment/my-standing/index' }, ruleId: null, count: null,
})

describe('warningsSummary', () => {
  it('shows three warnings and counts the rest; urgent when any is', () => {
    const items = [warning('一'), warning('二', 'urgent'), warning('三'), warning('四')]
    expect(warningsSummary(items, false)).toEqual({ tone: 'alert', tag: '紧急', shown: items.slice(0, 3), hidden: 1 })
  })

  it('shows one in 长辈模式, with the count as the tag when none is urgent', () => {
    const items = [warning('一'), warning('二')]
    expect(warningsSummary(items, true)).toEqual({ tone: 'notice', tag: '2 项', shown: items.slice(0, 1), hidden: 1 })
  })
})
