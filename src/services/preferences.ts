import { storage } from './storage'

const ELDER_MODE_KEY = 'dyg.elderMode'
type Listener = (on: boolean) => void
const listeners = new Set<Listener>()
let elderMode: boolean | undefined

/** 长辈模式: larger type and touch targets, simpler wording; remembered on the device. */
export function isElderMode(): boolean {
  if (elderMode === undefined) elderMode = storage.get<boolean>(ELDER_MODE_KEY) === true
  return elderMode
}

export function setElderMode(on: boolean): void {
  elderMode = on
  storage.set(ELDER_MODE_KEY, on)
  for (const listener of Array.from(listeners)) listener(on)
}

export function subscribeElderMode(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const ACTIVE_UNIT_KEY = 'dyg.activeUnit'
type UnitListener = (unitId: string) => void
const unitListeners = new Set<UnitListener>()

/** The unit an admin of several units last chose on the unit pages; remembered on the device. */
export const getActiveUnit = (): string | undefined => storage.get<string>(ACTIVE_UNIT_KEY)

export function setActiveUnit(unitId: string): void {
  storage.set(ACTIVE_UNIT_KEY, unitId)
  for (const listener of Array.from(unitListeners)) listener(unitId)
}

export function subscribeActiveUnit(listener: UnitListener): () => void {
  unitListeners.add(listener)
  return () => unitListeners.delete(listener)
}
