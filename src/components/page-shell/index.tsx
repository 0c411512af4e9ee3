import { createContext, useContext, useEffect, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { ElderToggle } from '@/components/elder-toggle'
import { EmptyState } from '@/components/empty-state'
import { RoleTabBar, type TabKey } from '@/components/role-tab-bar'
import { useElderMode } from '@/hooks/use-elder-mode'
import { useSession } from '@/hooks/use-session'
import type { ApiError } from '@/services/api/types'
import { confirmLeave } from '@/services/leave-guard'
import { CHANGE_PASSWORD_PAGE, goToLogin, homeOf } from '@/services/navigation'
import { getSessionEndReason } from '@/services/session'
import './index.scss'

/** The mini-program has its own navigation bar with the title and a back arrow; H5 has none. */
const HAS_NATIVE_NAV_BAR = process.env.TARO_ENV !== 'h5'

export type PageStatus = 'loading' | 'ready' | 'empty' | 'error'

export interface EmptyState {
  title: string
  /** What the user can do about it, in words. */
  hint: string
  actionText?: string
  onAction?: () => void
}

export interface PageShellProps {
  title?: string
  status?: PageStatus
  error?: ApiError | null
  onRetry?: () => void
  empty?: EmptyState
  /** Pages that need a session show a login prompt without one (default true). */
  requireLogin?: boolean
  /** Shows the active role's bottom navigation with this tab selected. */
  tab?: TabKey
  /** Where 返回 goes when there is no page to go back to (a page opened from a link); default the role's first page. */
  backTo?: string
  /** Shows the one-tap 长辈模式 switch in the header (default on the pages of the bottom navigation). */
  elderToggle?: boolean
  /** The page that stays open to an account still on its initial password (修改密码 itself); every other sends it there. */
  openBeforePasswordChange?: boolean
  children?: ReactNode
}

const hasHistory = () => Taro.getCurrentPages().length > 1

/** True inside a page's shell: a shell nested in it (a list's loading and empty states) draws no second header. */
const InPageShell = createContext(false)

async function goBack(fallback: string) {
  if (!(await confirmLeave())) return
  if (hasHistory()) void Taro.navigateBack()
  else void Taro.reLaunch({ url: fallback })
}

const StateAction = ({ text, onClick }: { text: string; onClick: () => void }) => (
  <Button type="primary" size="large" block onClick={onClick}>
    {text}
  </Button>
)

/** The one frame of every page: header, loading / empty / error / not-logged-in states, bottom navigation. */
export function PageShell({
  title,
  status = 'ready',
  error,
  onRetry,
  empty,
  requireLogin = true,
  tab,
  elderToggle = tab !== undefined,
  backTo,
  openBeforePasswordChange = false,
  children,
}: PageShellProps) {
  const session = useSession()
  const [elder] = useElderMode()
  const loggedOut = requireLogin && !session
  const mustChangePassword = !openBeforePasswordChange && session?.profile.mustChangePassword === true
  useEffect(() => {
    if (mustChangePassword) void Taro.reLaunch({ url: CHANGE_PASSWORD_PAGE })
  }, [mustChangePassword])
  // Every page outside the bottom navigation can be left: back when there is history, else to the role's first page.
  const nested = useContext(InPageShell)
  // Kept on 修改密码 until the initial password is changed, the account has nowhere else to go: no way out but 退出登录.
  const keptForPasswordChange = openBeforePasswordChange && session?.profile.mustChangePassword === true
  const exit = tab || nested || HAS_NATIVE_NAV_BAR || keptForPasswordChange ? null : hasHistory() ? '‹ 返回' : '‹ 首页'
  const fallback = backTo ?? homeOf(session?.activeRole ?? null)

  let body: ReactNode
  if (loggedOut) {
    body = (
      <EmptyState icon="login" title={getSessionEndReason() ?? '您还没有登录'} hint="登录后才能使用这项服务">
        <StateAction text="去登录" onClick={() => void goToLogin()} />
      </EmptyState>
    )
  } else if (mustChangePassword) {
    body = (
      <EmptyState icon="login" title="请先修改初始密码" hint="改成只有您自己知道的密码后，才能使用其他功能">
        <StateAction text="去修改密码" onClick={() => void Taro.reLaunch({ url: CHANGE_PASSWORD_PAGE })} />
      </EmptyState>
    )
  } else if (status === 'loading') {
    body = (
      <View className="page-shell__loading">
        <Loading direction="vertical">加载中…</Loading>
      </View>
    )
  } else if (status === 'error') {
    body = (
      <EmptyState
        icon={error?.code === 'NETWORK' ? 'offline' : 'error'}
        title={error?.message ?? '出错了'}
        hint={error?.code === 'NETWORK' ? '网络恢复后点击“重试”' : '请点击“重试”，仍不行请联系社区'}
      >
        {onRetry && <StateAction text="重试" onClick={onRetry} />}
      </EmptyState>
    )
  } else if (status === 'empty' && empty) {
    body = (
      <EmptyState title={empty.title} hint={empty.hint}>
        {empty.actionText && empty.onAction && <StateAction text={empty.actionText} onClick={empty.onAction} />}
      </EmptyState>
    )
  } else {
    body = children
  }

  return (
    <InPageShell.Provider value>
      <View className={`page-shell${elder ? ' page-shell--elder' : ''}${tab && !loggedOut ? ' page-shell--with-tabs' : ''}`}>
        {((title && !HAS_NATIVE_NAV_BAR) || elderToggle || exit) && (
          <View className="page-shell__header">
            {exit && (
              <View className="page-shell__back" role="button" onClick={() => void goBack(fallback)}>
                {exit}
              </View>
            )}
            <Text className="page-shell__title">{HAS_NATIVE_NAV_BAR ? '' : title}</Text>
            {elderToggle && <ElderToggle />}
          </View>
        )}
        <View className="page-shell__body">{body}</View>
        {tab && !loggedOut && <RoleTabBar role={session?.activeRole ?? null} current={tab} elder={elder} />}
      </View>
    </InPageShell.Provider>
  )
}

/** A full-width primary button for the bottom of a form, sized for the mode. */
export function PrimaryAction(props: { children: ReactNode; loading?: boolean; disabled?: boolean; onClick: () => void }) {
  return (
    <Button className="page-shell__primary" type="primary" size="large" block loading={props.loading} disabled={props.disabled} onClick={props.onClick}>
      {props.children}
    </Button>
  )
}
