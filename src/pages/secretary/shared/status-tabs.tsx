import { View } from '@tarojs/components'
import './status-tabs.scss'

export interface StatusTabsProps<K extends string> {
  tabs: { key: K; text: string }[]
  current: K
  onChange: (key: K) => void
}

/** A row of state filters over a list (待受理 / 已下单 …). */
export function StatusTabs<K extends string>({ tabs, current, onChange }: StatusTabsProps<K>) {
  return (
    <View className="status-tabs" role="tablist">
      {tabs.map((tab) => (
        <View
          key={tab.key}
          role="tab"
          aria-selected={tab.key === current}
          className={`status-tabs__item${tab.key === current ? ' status-tabs__item--active' : ''}`}
          onClick={() => {
            if (tab.key !== current) onChange(tab.key)
          }}
        >
          {tab.text}
        </View>
      ))}
    </View>
  )
}
