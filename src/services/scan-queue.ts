import Taro from '@tarojs/taro'
import { appendToChain } from '@core/checkin/scan-chain'
import { checkinApi } from './api/checkin'
import type { ApiError, ScanVerdict } from './api/types'
import { storage } from './storage'

const QUEUE_KEY = 'dyg.scanQueue'
const VERIFIER_DEVICE_KEY = 'dyg.verifierDevice'
/** The server takes at most this many scans per upload. */
const UPLOAD_BATCH = 200

/** One scan as the phone made it: id and time are fixed at the moment of scanning. */
export interface QueuedScan {
  scanId: string
  orderId: string
  code: string
  /** ISO instant with the phone's offset, e.g. 2026-11-23T09:00:05.120+08:00. */
  scannedAt: string
  /** 'out' when the secretary chose 签退; otherwise the first scan checks in and a later one out. */
  intent?: 'auto' | 'out'
}

/** A scan kept offline: signed with this phone's verifier secret onto its chain, so the server can trust its time. */
export interface SignedScan extends QueuedScan {
  deviceId: string
  counter: number
  prevHash: string
  signature: string
}

/** This phone's secret for signing offline scans, and the head of its chain. */
interface VerifierDevice {
  deviceId: string
  secretHex: string
  counter: number
  hash: string
}

/** Said when the phone has never been given a verifier secret: it cannot keep a scan the server would trust. */
export const NO_OFFLINE_DEVICE: ApiError = {
  code: 'NO_OFFLINE_DEVICE',
  message: '这台手机还不能离线扫码：请联网后打开一次扫码页，再断网也能扫',
}

export type ScanOutcome =
  | { kind: 'verdict'; scan: QueuedScan; verdict: ScanVerdict }
  | { kind: 'refused'; scan: QueuedScan; error: ApiError }
  | { kind: 'queued'; scan: QueuedScan }

export interface FlushReport {
  uploaded: { scan: QueuedScan; verdict: ScanVerdict }[]
  refused: { scan: QueuedScan; error: ApiError }[]
  /** Scans still waiting (the network failed again). */
  pending: number
  /** Set when the upload as a whole failed (NETWORK, or the session ended). */
  error: ApiError | null
}

type Listener = (pendingCount: number) => void

const hex = (value: number, length: number) => value.toString(16).padStart(length, '0')

/** A random (version 4) uuid; weapp has no crypto.randomUUID, and getRandomValues only in H5. */
export function uuidV4(random: () => number = Math.random): string {
  const bytes: number[] = []
  const cryptoApi = typeof globalThis !== 'undefined' ? (globalThis as { crypto?: Crypto }).crypto : undefined
  if (random === Math.random && cryptoApi?.getRandomValues) {
    bytes.push(...Array.from(cryptoApi.getRandomValues(new Uint8Array(16))))
  } else {
    for (let i = 0; i < 16; i += 1) bytes.push(Math.floor(random() * 256) & 0xff)
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const h = bytes.map((byte) => hex(byte, 2)).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** The phone's local time with its offset and milliseconds, as the server reads scan times. */
export function isoWithOffset(at: Date): string {
  const offset = -at.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/** Fixes the scan's id and time now, whether it is sent now or later. */
export function newScan(orderId: string, code: string, at: Date = new Date(), intent: 'auto' | 'out' = 'auto'): QueuedScan {
  return { scanId: uuidV4(), orderId, code: code.trim(), scannedAt: isoWithOffset(at), ...(intent === 'out' ? { intent } : {}) }
}

const listeners = new Set<Listener>()
let online = true
let flushing: Promise<FlushReport> | null = null

export function pendingScans(): SignedScan[] {
  const stored = storage.get<SignedScan[]>(QUEUE_KEY)
  return Array.isArray(stored) ? stored.filter((scan) => scan && typeof scan.scanId === 'string' && typeof scan.signature === 'string') : []
}

function save(scans: SignedScan[]) {
  if (scans.length) storage.set(QUEUE_KEY, scans)
  else storage.remove(QUEUE_KEY)
  for (const listener of Array.from(listeners)) listener(scans.length)
}

const verifierDevice = () => storage.get<VerifierDevice>(VERIFIER_DEVICE_KEY) || null

/**
 * Makes sure this phone holds a verifier secret, asking the server for one while online. Called when the
 * scanner opens; a phone that has one keeps it (its chain goes on), so scans kept on it are never orphaned.
 */
export async function ensureOfflineDevice(): Promise<boolean> {
  if (verifierDevice()) return true
  const result = await checkinApi.issueVerifierDevice()
  if (!result.ok) return false
  storage.set(VERIFIER_DEVICE_KEY, { deviceId: result.data.deviceId, secretHex: result.data.secretHex, counter: result.data.lastCounter, hash: result.data.lastHash })
  return true
}

/** Signs the scan onto the phone's chain and keeps it; false when the phone has no verifier secret. */
function enqueue(scan: QueuedScan): boolean {
  const scans = pendingScans()
  if (scans.some((known) => known.scanId === scan.scanId)) return true
  const device = verifierDevice()
  if (!device) return false
  const entry = appendToChain(device, device, { ...scan, intent: scan.intent ?? 'auto' })
  storage.set(VERIFIER_DEVICE_KEY, { ...device, counter: entry.counter, hash: entry.hash })
  save([...scans, { ...scan, deviceId: device.deviceId, counter: entry.counter, prevHash: entry.prevHash, signature: entry.signature }])
  return true
}

function removeScans(ids: Set<string>) {
  // Read again: a scan queued while an upload was under way must stay.
  save(pendingScans().filter((scan) => !ids.has(scan.scanId)))
}

export const pendingCount = () => pendingScans().length

export function subscribePending(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** What the phone last heard about its network; a failed call also counts as offline. */
export const isOnline = () => online
export function setOnline(value: boolean): void {
  online = value
}

/**
 * Sends one scan for judging; offline (or when the call fails for the network) it is kept on
 * the device with its scan time and uploaded by flush().
 */
export async function submitScan(scan: QueuedScan): Promise<ScanOutcome> {
  const keep = (): ScanOutcome => (enqueue(scan) ? { kind: 'queued', scan } : { kind: 'refused', scan, error: NO_OFFLINE_DEVICE })
  if (!online) return keep()
  const result = await checkinApi.scan({ scanId: scan.scanId, orderId: scan.orderId, code: scan.code, intent: scan.intent ?? 'auto' })
  if (result.ok) return { kind: 'verdict', scan, verdict: result.data }
  if (result.error.code === 'NETWORK') return keep()
  return { kind: 'refused', scan, error: result.error }
}

function unreadableScans(batch: SignedScan[], error: ApiError): { scan: SignedScan; error: ApiError }[] {
  if (error.code !== 'VALIDATION_FAILED' || !error.fields) return []
  const found = new Map<number, string>()
  for (const [path, message] of Object.entries(error.fields)) {
    const index = /^scans\.(\d+)\./.exec(path)?.[1]
    if (index !== undefined && !found.has(Number(index))) found.set(Number(index), message)
  }
  return Array.from(found)
    .filter(([index]) => batch[index])
    .map(([index, message]) => ({ scan: batch[index], error: { code: 'VALIDATION_FAILED', message } }))
}

async function uploadPending(): Promise<FlushReport> {
  const report: FlushReport = { uploaded: [], refused: [], pending: 0, error: null }
  // The scans kept when the upload began, in chain order; one kept meanwhile waits for the next upload.
  let remaining = pendingScans().sort((a, b) => (a.deviceId === b.deviceId ? a.counter - b.counter : a.deviceId < b.deviceId ? -1 : 1))
  while (remaining.length) {
    const deviceId = remaining[0].deviceId
    const batch = remaining.filter((scan) => scan.deviceId === deviceId).slice(0, UPLOAD_BATCH)
    const result = await checkinApi.uploadQueue(
      deviceId,
      batch.map(({ deviceId: _device, ...scan }) => ({ ...scan, intent: scan.intent ?? ('auto' as const) })),
    )
    if (!result.ok) {
      // A scan the server cannot even read (scans.3.code …) would block the queue for ever:
      // it is reported and dropped, and the rest sent again. Otherwise nothing is dropped.
      const unreadable = unreadableScans(batch, result.error)
      if (!unreadable.length) {
        report.error = result.error
        break
      }
      const dropped = new Set(unreadable.map(({ scan }) => scan.scanId))
      report.refused.push(...unreadable)
      removeScans(dropped)
      remaining = remaining.filter((scan) => !dropped.has(scan.scanId))
      continue
    }
    const done = new Set<string>()
    for (const item of result.data.results) {
      const scan = batch.find((candidate) => candidate.scanId === item.scanId)
      if (!scan) continue
      done.add(item.scanId)
      if (item.ok && item.verdict) report.uploaded.push({ scan, verdict: item.verdict })
      else report.refused.push({ scan, error: item.error ?? { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    }
    removeScans(done)
    const sent = new Set(batch.map((scan) => scan.scanId))
    remaining = remaining.filter((scan) => !sent.has(scan.scanId))
  }
  report.pending = pendingCount()
  return report
}

/** Uploads the kept scans; one upload at a time, so a scan is never sent by two at once. */
export function flushScans(): Promise<FlushReport> {
  if (!flushing) {
    flushing = uploadPending().finally(() => {
      flushing = null
    })
  }
  return flushing
}

/**
 * Follows the network (weapp: onNetworkStatusChange; H5: the window's online/offline events)
 * and uploads the queue whenever it comes back. Returns the function that stops following.
 */
export function watchNetwork(onFlushed: (report: FlushReport) => void): () => void {
  const back = () => {
    online = true
    if (pendingCount() > 0) void flushScans().then(onFlushed)
  }
  if (process.env.TARO_ENV === 'weapp') {
    const onChange = (status: { isConnected: boolean }) => {
      if (status.isConnected) back()
      else online = false
    }
    Taro.getNetworkType({
      success: (info) => {
        online = info.networkType !== 'none'
      },
    })
    Taro.onNetworkStatusChange(onChange)
    return () => Taro.offNetworkStatusChange(onChange)
  }
  if (typeof window === 'undefined') return () => undefined
  online = typeof navigator === 'undefined' ? true : navigator.onLine !== false
  const gone = () => {
    online = false
  }
  window.addEventListener('online', back)
  window.addEventListener('offline', gone)
  return () => {
    window.removeEventListener('online', back)
    window.removeEventListener('offline', gone)
  }
}
