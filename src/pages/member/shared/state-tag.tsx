import { Tag } from '@nutui/nutui-react-taro'
import type { MemberState } from './order-display'
import './state-tag.scss'

/** The order's state as a tag; closed states are a quiet grey instead of NutUI's black default. */
export function StateTag({ state }: { state: MemberState }) {
  return (
    <Tag type={state.tag} className={`state-tag${state.tag === 'default' ? ' state-tag--muted' : ''}`}>
      {state.text}
    </Tag>
  )
}
