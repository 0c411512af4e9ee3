import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import './index.scss'

/** The servers take at most this many characters of search words. */
export const SEARCH_MAX = 30
/** Typing stops this long before a list is searched; 搜索 or the keyboard's search key searches at once. */
export const SEARCH_PAUSE_MS = 500

export interface SearchBoxProps {
  value: string
  onChange: (value: string) => void
  onSearch: () => void
  placeholder: string
  /** Names the box for screen readers, e.g. 「搜索需求」. */
  label?: string
}

/** A search field with its 搜索 button, for a list that the server searches. */
export function SearchBox({ value, onChange, onSearch, placeholder, label = '搜索' }: SearchBoxProps) {
  return (
    <View className="dy-search" role="search" aria-label={label}>
      <Input
        className="dy-search__input"
        value={value}
        type="text"
        confirmType="search"
        maxLength={SEARCH_MAX}
        clearable
        placeholder={placeholder}
        onChange={onChange}
        onClear={() => onChange('')}
        onConfirm={onSearch}
      />
      <Button className="dy-search__button" type="primary" fill="outline" onClick={onSearch}>
        搜索
      </Button>
    </View>
  )
}

/**
 * What is typed in a search box and the words last searched: the search follows the typing after a pause,
 * or at once with `searchNow`.
 */
export function useSearchQuery(pauseMs = SEARCH_PAUSE_MS) {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  useEffect(() => {
    const words = typed.trim()
    if (words === query) return undefined
    const timer = setTimeout(() => setQuery(words), pauseMs)
    return () => clearTimeout(timer)
  }, [typed, query, pauseMs])
  return {
    typed,
    setTyped,
    query,
    searchNow: () => setQuery(typed.trim()),
    clear: () => {
      setTyped('')
      setQuery('')
    },
  }
}
