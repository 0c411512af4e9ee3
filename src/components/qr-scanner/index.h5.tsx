import { useEffect, useRef, useState } from 'react'
import jsQR from 'jsqr'
import type { QrScannerProps } from './types'
import './index.scss'

export type { QrScannerProps } from './types'

const FRAME_INTERVAL_MS = 200
/** Frames are decoded at most this wide: enough for a phone-screen QR code, and fast. */
const MAX_DECODE_WIDTH = 640

type CameraState = 'starting' | 'running' | 'denied' | 'unavailable'

const STATE_TEXT: Record<CameraState, string> = {
  starting: '正在打开摄像头…',
  running: '将党员的签到码放入框内',
  denied: '没有摄像头权限：请在浏览器设置中允许使用摄像头，或在下方粘贴签到码',
  unavailable: '这台设备无法打开摄像头，请在下方粘贴签到码',
}

/** H5: the back camera in a <video>, a frame every 200 ms drawn on a canvas and read by jsQR. */
export function QrScanner({ paused = false, onCode }: QrScannerProps) {
  const videoRef = useRef<HTMLVideoElement | null>(null)
  const pausedRef = useRef(paused)
  const onCodeRef = useRef(onCode)
  const [state, setState] = useState<CameraState>('starting')
  pausedRef.current = paused
  onCodeRef.current = onCode

  useEffect(() => {
    let stream: MediaStream | null = null
    let timer: ReturnType<typeof setInterval> | undefined
    let stopped = false
    const canvas = document.createElement('canvas')
    const context = canvas.getContext('2d', { willReadFrequently: true })

    const readFrame = () => {
      const video = videoRef.current
      if (pausedRef.current || !video || !context || video.readyState < 2 || !video.videoWidth) return
      const scale = Math.min(1, MAX_DECODE_WIDTH / video.videoWidth)
      const width = Math.round(video.videoWidth * scale)
      const height = Math.round(video.videoHeight * scale)
      if (canvas.width !== width) canvas.width = width
      if (canvas.height !== height) canvas.height = height
      context.drawImage(video, 0, 0, width, height)
      const found = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'dontInvert' })
      if (found?.data) onCodeRef.current(found.data)
    }

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('unavailable')
        return
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      } catch (error) {
        const name = (error as { name?: string })?.name
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable')
        return
      }
      if (stopped) {
        stream.getTracks().forEach((track) => track.stop())
        return
      }
      const video = videoRef.current
      if (video) {
        video.srcObject = stream
        await video.play().catch(() => undefined)
      }
      setState('running')
      timer = setInterval(readFrame, FRAME_INTERVAL_MS)
    }
    void start()

    return () => {
      stopped = true
      if (timer) clearInterval(timer)
      stream?.getTracks().forEach((track) => track.stop())
    }
  }, [])

  return (
    <div className={`qr-scanner qr-scanner--${state}${paused ? ' qr-scanner--paused' : ''}`}>
      <video ref={videoRef} className="qr-scanner__video" playsInline muted autoPlay />
      <div className="qr-scanner__frame" />
      <div className="qr-scanner__status">{paused && state === 'running' ? '请稍候…' : STATE_TEXT[state]}</div>
    </div>
  )
}
