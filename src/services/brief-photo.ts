import Taro from '@tarojs/taro'
import { BRIEF_PHOTO_LIMIT_TEXT, BRIEF_PHOTO_MAX_BYTES } from '@core/orders/briefs/brief-limits'
import { cloudReady } from './api-client'
import type { PhotoPayload } from './api/briefs'
import { uuidV4 } from './scan-queue'

/** What the page shows under 照片 when a photo stays too large after compressing: the action's own words. */
export const PHOTO_TOO_LARGE = `照片不能超过 ${BRIEF_PHOTO_LIMIT_TEXT}`

/** The longest side a photo is scaled down to before it is sent again as a JPEG, and the qualities tried. */
const LONGEST_SIDE = 1600
const QUALITIES = [0.82, 0.66, 0.5, 0.36]

export type PreparedPhoto = { ok: true; payload: PhotoPayload } | { ok: false; message: string }

const extensionOf = (path: string) => (/\.(png|jpe?g)$/i.exec(path)?.[1].toLowerCase() ?? 'jpg').replace('jpeg', 'jpg')

function base64Of(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** H5: the browser's file, as it is when small enough, else drawn smaller on a canvas and written as a JPEG. */
async function compressedInBrowser(path: string, file: Blob): Promise<Blob | null> {
  if (file.size <= BRIEF_PHOTO_MAX_BYTES) return file
  const image = await new Promise<HTMLImageElement | null>((resolve) => {
    const element = new Image()
    element.onload = () => resolve(element)
    element.onerror = () => resolve(null)
    element.src = path
  })
  if (!image) return file // not an image the browser reads: the action says so
  const scale = Math.min(1, LONGEST_SIDE / Math.max(image.naturalWidth, image.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(image.naturalWidth * scale)
  canvas.height = Math.round(image.naturalHeight * scale)
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height)
  for (const quality of QUALITIES) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    if (blob && blob.size <= BRIEF_PHOTO_MAX_BYTES) return blob
  }
  return null
}

/**
 * One photo chosen with Taro.chooseImage, made ready for `uploadBriefPhoto`: compressed (WeChat's 压缩 and
 * Taro.compressImage in the mini-program, a canvas in H5), then in the mini-program uploaded to cloud storage
 * under brief-uploads/<orderId>/ (a call's data is limited in size) and sent as its fileID, in H5 sent as base64.
 */
export async function preparePhoto(orderId: string, chosen: { path: string; size: number; originalFileObj?: Blob }): Promise<PreparedPhoto> {
  if (process.env.TARO_ENV === 'h5') {
    const file = chosen.originalFileObj ?? (await (await fetch(chosen.path)).blob())
    const blob = await compressedInBrowser(chosen.path, file)
    if (!blob) return { ok: false, message: PHOTO_TOO_LARGE }
    const name = (chosen.originalFileObj as File | undefined)?.name ?? `photo.${extensionOf(chosen.path)}`
    return { ok: true, payload: { fileName: blob === file ? name : name.replace(/\.[^.]*$/, '') + '.jpg', dataBase64: base64Of(new Uint8Array(await blob.arrayBuffer())) } }
  }
  let filePath = chosen.path
  if (chosen.size > BRIEF_PHOTO_MAX_BYTES) filePath = (await Taro.compressImage({ src: chosen.path, quality: 60 })).tempFilePath
  const extension = extensionOf(filePath)
  const uploaded = await cloudReady().uploadFile({ cloudPath: `brief-uploads/${orderId}/${uuidV4()}.${extension}`, filePath })
  return { ok: true, payload: { fileName: `photo.${extension}`, fileId: uploaded.fileID } }
}
