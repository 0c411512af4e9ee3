import { useEffect, type PropsWithChildren } from 'react'
import { useElderMode } from '@/hooks/use-elder-mode'
import { registerOfflineShell } from '@/services/offline-shell'
import './app.scss'

registerOfflineShell()

/** Root component: Taro renders the current page as its children. */
export default function App({ children }: PropsWithChildren) {
  const [elder] = useElderMode()
  useEffect(() => {
    // H5 draws dialogs and pickers outside the page: the body carries 长辈模式 for them.
    if (process.env.TARO_ENV === 'h5') document.body.classList.toggle('dy-elder', elder)
  }, [elder])
  return children
}
