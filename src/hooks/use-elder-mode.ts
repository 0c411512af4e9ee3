import { useEffect, useState } from 'react'
import { isElderMode, setElderMode, subscribeElderMode } from '@/services/preferences'

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode)
  useEffect(() => {
    setOn(isElderMode())
    return subscribeElderMode(setOn)
  }, [])
  return [on, setElderMode]
}
