import { storage } from './storage'

/** A half-filled form kept on the device, so that it survives a reload, a tab switch or a closed mini-program. */
export interface FormDraft<T> {
  /** The saved draft laid over `empty` (fields added since it was saved start empty), or undefined when none is kept. */
  load(): T | undefined
  save(value: T): void
  clear(): void
}

/**
 * The draft of one form under `key`; with an `owner` (the user's id) each account on a shared phone keeps its own,
 * so nobody finds another person's phone number and address in their form.
 */
export function formDraft<T extends object>(key: string, empty: T, owner?: string | null): FormDraft<T> {
  const storageKey = owner ? `${key}.${owner}` : key
  return {
    load() {
      const saved = storage.get<Partial<T>>(storageKey)
      return saved && typeof saved === 'object' && !Array.isArray(saved) ? { ...empty, ...saved } : undefined
    },
    save: (value) => storage.set(storageKey, value),
    clear: () => storage.remove(storageKey),
  }
}
