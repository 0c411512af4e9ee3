/** The same code text read again within this time is the same scan, still in front of the camera. */
export const REPEAT_WINDOW_MS = 3000
/**
 * A code that was judged (or kept offline) cannot count again: a member's code lives two
 * 30-second steps, so for that long a re-read of it is ignored instead of shown as a replay.
 */
export const USED_HOLD_MS = 60_000

/** Remembers the codes read lately, so that one code on the screen is submitted once. */
export function createRepeatGuard(windowMs = REPEAT_WINDOW_MS, usedHoldMs = USED_HOLD_MS) {
  const seen = new Map<string, number>()
  return {
    /** True when this text should be submitted now; false when it was read or used lately. */
    accept(text: string, now = Date.now()): boolean {
      for (const [known, until] of seen) if (now >= until) seen.delete(known)
      const key = text.trim()
      if (!key || seen.has(key)) return false
      seen.set(key, now + windowMs)
      return true
    },
    /** The code went through (or waits in the queue): keep ignoring it while it could still be shown. */
    markUsed(text: string, now = Date.now()): void {
      seen.set(text.trim(), now + usedHoldMs)
    },
  }
}
