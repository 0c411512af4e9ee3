import { View } from '@tarojs/components'
import { useElderMode } from '@/hooks/use-elder-mode'
import './index.scss'

/** One tap switches 长辈模式 (larger type and buttons, simpler words) on or off. */
export function ElderToggle() {
  const [elder, setElder] = useElderMode()
  return (
    <View
      className={`elder-toggle${elder ? ' elder-toggle--on' : ''}`}
      role="switch"
      aria-checked={elder}
      onClick={() => setElder(!elder)}
    >
      {elder ? '长辈模式：开' : '长辈模式'}
    </View>
  )
}
