import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Cell, Switch, Tag } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useSession } from '@/hooks/use-session'
import { authApi } from '@/services/api/auth'
import { orgApi } from '@/services/api/org'
import type { Role } from '@/services/api/types'
import { logOut } from '@/services/log-out'
import { CHANGE_PASSWORD_PAGE, ROUTES, goHome } from '@/services/navigation'
import { ROLE_NAMES, rolesOf, setActiveRole, updateProfile } from '@/services/session'
import { badgeText, useUnreadCount } from '@/services/unread'
import { ServicePhoneDialog } from './service-phone-dialog'
import './index.scss'

export default function ProfilePage() {
  const session = useSession()
  const [elder, setElder] = useElderMode()
  const [editingPhone, setEditingPhone] = useState(false)
  const unread = useUnreadCount()

  const refreshProfile = () =>
    authApi.me().then((result) => {
      if (result.ok) updateProfile(result.data)
    })

  useDidShow(() => {
    if (session) void refreshProfile()
  })

  const switchTo = (role: Role) => {
    if (role === session?.activeRole) return
    setActiveRole(role)
    void goHome(role)
  }

  const confirmLogOut = async () => {
    const answer = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '取消', confirmColor: '#c8161d' })
    if (answer.confirm) await logOut()
  }

  const profile = session?.profile
  const roles = profile ? rolesOf(profile) : []
  const orgOf = (role: Role) => profile?.roles.find((grant) => grant.role === role)
  const community = orgOf('secretary')

  const saveServicePhone = async (phone: string) => {
    if (!community?.orgId) return null
    const result = await orgApi.setServicePhone(community.orgId, phone)
    if (!result.ok) return result.error
    setEditingPhone(false)
    void Taro.showToast({ title: result.data.servicePhone ? '已保存社区服务电话' : '已清除社区服务电话', icon: 'none' })
    await refreshProfile()
    return null
  }

  return (
    <PageShell title="我的" tab="profile">
      {profile && (
        <View className="profile">
          <View className="profile__card">
            <View className="profile__avatar">{profile.name.slice(0, 1)}</View>
            <View className="profile__who">
              <Text className="profile__name">{profile.name}</Text>
              <Text className="profile__phone">{profile.phoneMasked}</Text>
              {profile.member && <Text className="profile__phone">志愿者编号 {profile.member.volunteerNo}</Text>}
            </View>
          </View>

          <View className="profile__group profile__inbox">
            <Cell
              title="消息"
              description={unread > 0 ? `${unread}条未读` : '社区的通知和提醒'}
              extra={unread > 0 ? <Text className="profile__unread">{badgeText(unread)}</Text> : <Text className="profile__switch">查看</Text>}
              onClick={() => void Taro.navigateTo({ url: ROUTES.inbox })}
            />
          </View>

          <View className="profile__section-title">{roles.length > 1 ? '我的身份（点击切换）' : '我的身份'}</View>
          <View className="profile__group">
            {roles.map((role) => {
              const grant = orgOf(role)
              return (
                <Cell
                  key={role}
                  className="profile__role"
                  title={ROLE_NAMES[role]}
                  description={grant?.unitName ?? grant?.orgName ?? undefined}
                  extra={role === session?.activeRole ? <Tag type="primary">当前</Tag> : <Text className="profile__switch">切换</Text>}
                  onClick={() => switchTo(role)}
                />
              )
            })}
          </View>

          <View className="profile__section-title">报到与个人信息</View>
          <View className="profile__group">
            {roles.includes('member') ? (
              <Cell title="我的报到" description="报到回执、转移到其他社区" onClick={() => void Taro.navigateTo({ url: ROUTES.joinStatus })} />
            ) : (
              <Cell title="党员报到登记" description="到居住社区报到，成为党员义工" onClick={() => void Taro.navigateTo({ url: ROUTES.joinRegister() })} />
            )}
            {roles.includes('member') && (
              <Cell title="我的考核" description="今年各项考核是否达标，还差什么、何时前完成" onClick={() => void Taro.navigateTo({ url: ROUTES.memberStanding })} />
            )}
            <Cell title="我的资料与隐私" description="查看、导出我的全部信息，申请注销" onClick={() => void Taro.navigateTo({ url: ROUTES.memberMyData })} />
            {roles.includes('member') && (
              <Cell title="我的建议" description="向社区提建议，看书记的答复" onClick={() => void Taro.navigateTo({ url: ROUTES.memberSuggestions })} />
            )}
            {roles.includes('member') && (
              <Cell title="我的承诺" description="为帮扶对象承诺好事，办完填报，社区确认" onClick={() => void Taro.navigateTo({ url: ROUTES.memberCommitments })} />
            )}
            {roles.includes('member') && (
              <Cell title="志愿服务证明" description="申请组织服务的社区无偿出具证明，下载 PDF" onClick={() => void Taro.navigateTo({ url: ROUTES.memberCertificates })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="证明审核" description="核对时长后出具或退回党员申请的志愿服务证明" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCertificates })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="爱心超市管理" description="上架、补货、下架积分兑换的物品" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryShop })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="兑换领取" description="扫码或输入领取码，把兑换的物品交给党员义工、居民" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryPickUps })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="社区时间银行" description="捐入的时长、发放给有需要的居民、代老人确认亲属关系" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCommunityBank })} />
            )}
            {(roles.includes('member') || roles.includes('resident')) && (
              <Cell title="爱心时间银行" description="我的存折：存入、使用、转赠、捐赠的每一笔" onClick={() => void Taro.navigateTo({ url: ROUTES.timeBank })} />
            )}
            {roles.includes('member') && (
              <Cell title="我的培训与表彰" description="参加的骨干培训、岗前培训和获得的表彰" onClick={() => void Taro.navigateTo({ url: ROUTES.memberTrainings })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="培训记录" description="登记骨干培训、岗前培训和参训党员" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryTrainings })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="表彰奖励" description="登记或撤回本社区党员获得的表彰" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryAwards })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="建议处理" description="答复、转交或采纳党员的建议" onClick={() => void Taro.navigateTo({ url: ROUTES.secretarySuggestions })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="承诺确认" description="确认或退回党员、服务队填报的好事实事" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCommitments })} />
            )}
            {(roles.includes('secretary') || roles.includes('unit_admin')) && (
              <Cell title="服务队" description="服务队、党员工作室的队长、队员和本年集中性活动" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryTeams })} />
            )}
            {community?.orgId && (
              <Cell
                title="社区服务电话"
                description={community.servicePhone ?? '未设置，居民看不到社区电话'}
                extra={<Text className="profile__switch">修改</Text>}
                onClick={() => setEditingPhone(true)}
              />
            )}
            {roles.includes('secretary') && (
              <Cell title="时长管理" description="超8小时审核、漏签退、申诉、被拒绝的扫码" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryHours })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="考核达标" description="本社区党员谁未达标、差多少、何时前完成" onClick={() => void Taro.navigateTo({ url: ROUTES.compliance })} />
            )}
            {roles.includes('unit_admin') && (
              <Cell title="党员服务情况" description="本单位在职党员在报到社区的服务和考核达标情况" onClick={() => void Taro.navigateTo({ url: ROUTES.unitStanding })} />
            )}
            {(roles.includes('secretary') || roles.includes('unit_admin')) && (
              <Cell title="季报表" description="党员义工工作进展情况季报表：本季度的数字和活动，每季度最后一个月28日前报送上级" onClick={() => void Taro.navigateTo({ url: ROUTES.quarterlyReport })} />
            )}
            {roles.includes('district_admin') && (
              <Cell title="考核与达标率" description="各社区、单位的注册率、参与率、满意率，各社区党员达标情况" onClick={() => void Taro.navigateTo({ url: ROUTES.districtRates })} />
            )}
            {roles.includes('district_admin') && (
              <Cell title="季报表报送情况" description="各社区、单位本季度的季报表是否已报送，逾期的排在最前" onClick={() => void Taro.navigateTo({ url: ROUTES.quarterlyReportStatus })} />
            )}
            {roles.includes('secretary') && (
              <Cell title="信息查看记录" description="谁在何时查看了完整的电话、住址" onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryAccessLog })} />
            )}
            {roles.includes('district_admin') && (
              <Cell title="考核规则" description="选定每年的考核规则，修改达标值，查看修改记录" onClick={() => void Taro.navigateTo({ url: ROUTES.districtRuleSets })} />
            )}
            {roles.includes('district_admin') && (
              <Cell title="激励规则" description="积分、星级、爱心时间银行和爱心超市的规则：从预设开始修改，查看修改记录" onClick={() => void Taro.navigateTo({ url: ROUTES.districtIncentiveRules })} />
            )}
            {roles.includes('district_admin') && (
              <Cell title="免除考核" description="登记或撤销经上级批准的免除考核" onClick={() => void Taro.navigateTo({ url: ROUTES.districtExemptions })} />
            )}
            {roles.includes('district_admin') && (
              <Cell title="消息提醒设置" description="活动提前几个工作日发布、简讯几天内提交、服务前几点提醒" onClick={() => void Taro.navigateTo({ url: ROUTES.districtNotifySettings })} />
            )}
            {roles.includes('district_admin') && (
              <Cell title="全国系统导出" description="本区志愿者、项目、服务时间、培训、表彰，按全国志愿服务信息系统的要素导出 Excel" onClick={() => void Taro.navigateTo({ url: ROUTES.districtNationalExport })} />
            )}
          </View>

          <View className="profile__section-title">使用设置</View>
          <View className="profile__group">
            <Cell
              title="长辈模式"
              description="字更大、按钮更大、说法更简单"
              extra={<Switch checked={elder} onChange={(value) => setElder(value)} />}
            />
            <Cell title="修改密码" description="改好后，其他手机和电脑上的登录会退出" onClick={() => void Taro.navigateTo({ url: CHANGE_PASSWORD_PAGE })} />
          </View>

          <View className="profile__logout">
            <Button block size="large" fill="outline" type="primary" onClick={() => void confirmLogOut()}>
              退出登录
            </Button>
          </View>
        </View>
      )}
      {community?.orgId && (
        <ServicePhoneDialog
          visible={editingPhone}
          communityName={community.orgName ?? '本社区'}
          initial={community.servicePhone ?? ''}
          onSubmit={saveServicePhone}
          onClose={() => setEditingPhone(false)}
        />
      )}
    </PageShell>
  )
}
