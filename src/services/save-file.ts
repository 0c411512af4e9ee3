import Taro from '@tarojs/taro'
import type { ApiError, ApiResult } from './api/types'

export interface FileToSave {
  fileName: string
  /** The file's bytes, base64-encoded as the cloud functions return them. */
  base64: string
  mimeType: string
}

/**
 * Hands a file to the user: in H5 the browser downloads it; in the mini-program it is written to the
 * user's folder and opened, from where it can be forwarded, or, an image, saved to the photo album.
 */
export async function saveFile(file: FileToSave): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, file.base64, 'base64')
  const extension = file.fileName.split('.').pop() ?? ''
  if (['png', 'jpg', 'jpeg'].includes(extension)) {
    await Taro.saveImageToPhotosAlbum({ filePath })
  } else if (['xlsx', 'xls', 'docx', 'doc', 'pdf'].includes(extension)) {
    await Taro.openDocument({ filePath, fileType: extension as 'xlsx', showMenu: true })
  } else {
    await Taro.shareFileMessage({ filePath, fileName: file.fileName })
  }
}

/**
 * Asks a cloud function for a file and hands it to the user, saying in a toast that it was saved
 * (`savedMessage`) or could not be. Answers the function's refusal, for the page to show as it shows errors.
 */
export async function fetchAndSaveFile(fetchFile: () => Promise<ApiResult<FileToSave>>, savedMessage = '已导出'): Promise<ApiError | null> {
  const result = await fetchFile()
  if (!result.ok) return result.error
  try {
    await saveFile(result.data)
    void Taro.showToast({ title: savedMessage, icon: 'none' })
  } catch {
    void Taro.showToast({ title: '文件未能保存，请重试', icon: 'none' })
  }
  return null
}
