import { Text, View } from '@tarojs/components'
import { CallButton } from '@/components/call-button'
import type { Demand } from '@/services/api/types'
import { helperNames } from './need-display'
import './who-comes.scss'

/**
 * Who will come and how to reach them. A serving member's own phone stays hidden (004 §二.3.(1): only the community's
 * secretary and the members serving a resident see full numbers), so the resident is given the community's service phone.
 */
export function WhoComes({ need, elder }: { need: Demand; elder: boolean }) {
  const names = helperNames(need)
  const phone = need.community.servicePhone
  return (
    <View className="who-comes">
      {need.order && (
        <Text className="who-comes__names">
          {names ? `${elder ? '来帮您的是' : '来帮您的党员'}：${names}` : elder ? '社区正在找党员来帮您' : '社区正在安排党员，有人接单后会显示在这里'}
        </Text>
      )}
      {phone ? (
        <>
          <Text className="who-comes__hint">{elder ? `有事就打社区电话：${phone}` : '党员的电话不公开，有事请打社区的服务电话'}</Text>
          <CallButton phone={phone}>{elder ? '打社区电话' : `拨打${need.community.name} ${phone}`}</CallButton>
        </>
      ) : (
        <Text className="who-comes__hint">{elder ? '有事可以到社区找书记' : `${need.community.name}还没有登记服务电话，有事请到社区窗口`}</Text>
      )}
    </View>
  )
}
