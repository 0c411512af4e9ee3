import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ApiResult } from '@/services/api/types'
import { fetchAndSaveFile, type FileToSave } from '@/services/save-file'
import './export-buttons.scss'

export interface ExportChoice {
  key: string
  text: string
  fetchFile: () => Promise<ApiResult<FileToSave>>
}

/** The 导出 Excel buttons under an assessment page's numbers: each fetches its workbook and hands it to the user. */
export function ExportButtons({ choices }: { choices: readonly ExportChoice[] }) {
  const [busy, setBusy] = useState<string | null>(null)
  const run = async (choice: ExportChoice) => {
    setBusy(choice.key)
    const refused = await fetchAndSaveFile(choice.fetchFile, '已导出')
    setBusy(null)
    if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
  }
  return (
    <View className="assessment-export">
      {choices.map((choice) => (
        <Button
          key={choice.key}
          className={`assessment-export__button assessment-export__button--${choice.key}`}
          data-export={choice.key}
          fill="outline"
          type="primary"
          loading={busy === choice.key}
          disabled={busy !== null}
          onClick={() => void run(choice)}
        >
          {choice.text}
        </Button>
      ))}
    </View>
  )
}
