import type { PropsWithChildren } from 'react'
import './app.scss'

/** Root component: Taro renders the current page as its children. */
export default function App({ children }: PropsWithChildren) {
  return children
}
