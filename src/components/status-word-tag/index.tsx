import { StatusTag } from '@/components/status-tag'
import { useElderMode } from '@/hooks/use-elder-mode'
import type { StatusWord } from '@/services/status-words'

/** A status from the shared vocabulary, in its plainer words in 长辈模式. */
export function StatusWordTag({ word }: { word: StatusWord }) {
  const [elder] = useElderMode()
  return <StatusTag tone={word.tone}>{elder && word.elderText ? word.elderText : word.text}</StatusTag>
}
