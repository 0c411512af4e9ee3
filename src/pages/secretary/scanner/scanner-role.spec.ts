import { scannerRoleOf } from './scanner-role'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))

describe('who holds the scanner', () => {
  it('should give the secretary the scan tab and the offline queue', () => {
    expect(scannerRoleOf('secretary')).toMatchObject({ asSecretary: true, onlineOnly: false, tab: 'secretary-scan' })
  })

  it('should keep a resident online only, without a tab of the secretary', () => {
    expect(scannerRoleOf('resident')).toMatchObject({ asSecretary: false, onlineOnly: true, home: '/pages/resident/my-needs/index' })
    expect(scannerRoleOf('resident').tab).toBeUndefined()
  })

  it("should let an order's leader (a member) queue offline and go back to my tasks", () => {
    expect(scannerRoleOf('member')).toMatchObject({ asSecretary: false, onlineOnly: false, home: '/pages/member/my-tasks/index' })
  })
})
