import { EMPTY_DRAFT, fieldErrorsOf, precheck, toFormInput, toggleCell, toggleRow, withSlip } from './registration-draft'

describe('the registration draft', () => {
  it('should tick and clear a cell, and fill or clear a whole row from its header', () => {
    const ticked = toggleCell({}, 'sat', 'evening')
    expect(toggleCell(ticked, 'sat', 'morning')).toEqual({ sat: ['morning', 'evening'] })
    expect(toggleCell(ticked, 'sat', 'evening')).toEqual({ sat: [] })
    expect(toggleRow(ticked, 'sat')).toEqual({ sat: ['morning', 'afternoon', 'evening'] })
    expect(toggleRow(toggleRow(ticked, 'sat'), 'sat')).toEqual({ sat: [] })
  })

  it('should name the posts and the grid when nothing is chosen, and the phone when it is short', () => {
    const errors = precheck({ ...EMPTY_DRAFT, phone: '1380013800' }, true, '')
    expect(errors).toMatchObject({ posts: '请至少认领一个岗位', availability: '能参加服务的时间至少勾选一格', phone: '本人手机须为11位手机号码', password: '请填写登录密码' })
  })

  it('should ask to choose the months when they are empty, and name the format of one kept from an old typed draft', () => {
    expect(precheck({ ...EMPTY_DRAFT, memberType: 'community' }, false, '')).toMatchObject({ birthMonth: '请选择出生年月', joinedPartyMonth: '请选择入党时间' })
    expect(precheck({ ...EMPTY_DRAFT, memberType: 'community', birthMonth: '1985-6', joinedPartyMonth: '2008' }, false, '')).toMatchObject({
      birthMonth: '出生年月须为年月，例如 1985-06',
      joinedPartyMonth: '入党时间须为年月，例如 2008-07',
    })
  })

  it('should put the server’s field names under the section they belong to', () => {
    expect(fieldErrorsOf({ 'form.phone': 'a', 'form.serviceIntentions.0.subItems': 'b', password: 'c' })).toEqual({ phone: 'a', intentions: 'b', password: 'c' })
  })

  it('should leave out empty grid rows and split skills', () => {
    const form = toFormInput({ ...EMPTY_DRAFT, skills: '电工、 驾驶', availability: { mon: [], sat: ['morning'] } })
    expect(form.availability).toEqual({ sat: ['morning'] })
    expect(form.skills).toEqual(['电工', '驾驶'])
  })

  it('should fill the name, type, unit and community from a 报到单, keeping a typed name and a grid of the same community only', () => {
    const slip = { code: 'ABCD2345', memberName: '方明', unitId: 'u1', communityId: 'c1' } as Parameters<typeof withSlip>[1]
    expect(withSlip(EMPTY_DRAFT, slip)).toEqual({ ...EMPTY_DRAFT, name: '方明', memberType: 'in_service', unitId: 'u1', communityId: 'c1', gridId: '', slipCode: 'ABCD2345' })
    expect(withSlip({ ...EMPTY_DRAFT, name: '方小明', communityId: 'c1', gridId: 'g2' }, slip)).toMatchObject({ name: '方小明', gridId: 'g2' })
    expect(withSlip({ ...EMPTY_DRAFT, communityId: 'c9', gridId: 'g9' }, slip)).toMatchObject({ communityId: 'c1', gridId: '' })
  })
})
