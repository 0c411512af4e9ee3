import { useState } from 'react'
import type { ApiError } from '@/services/api/types'

export type FieldErrors<K extends string> = Partial<Record<K, string>>

export const FIX_FIELDS_BANNER = '请按红字提示修改后再提交'

/**
 * The errors under the fields: nothing before the first 提交; after it, what the form's own check finds in what is
 * typed now (so an error goes as soon as its field is right), plus the server's, each until its field is changed.
 */
export function shownErrors<K extends string>(found: FieldErrors<K>, checked: boolean, fromServer: FieldErrors<K>): FieldErrors<K> {
  return checked ? { ...fromServer, ...found } : fromServer
}

/** The line above 提交: while any field is in error, where to look; else the server's refusal, until the next change. */
export const bannerOf = (errors: FieldErrors<string>, refusal: string | null): string | null =>
  Object.values(errors).some(Boolean) ? FIX_FIELDS_BANNER : refusal

const without = <K extends string>(errors: FieldErrors<K>, keys: readonly K[]): FieldErrors<K> =>
  Object.fromEntries(Object.entries(errors).filter(([key]) => !keys.includes(key as K))) as FieldErrors<K>

/** A form's field errors and its banner, following the form as it is corrected (`validate` is the form's own check). */
export function useFormErrors<F, K extends string>(form: F, validate: (form: F) => FieldErrors<K>) {
  const [checked, setChecked] = useState(false)
  const [fromServer, setFromServer] = useState<FieldErrors<K>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const errors = shownErrors(checked ? validate(form) : {}, checked, fromServer)

  return {
    errors,
    banner: bannerOf(errors, refusal),
    /** On 提交: shows every error; true when the form may be sent. */
    check(): boolean {
      setChecked(true)
      setFromServer({})
      setRefusal(null)
      return Object.keys(validate(form)).length === 0
    },
    /** After the user changed these fields: the server's word on them no longer holds. */
    changed(keys: readonly K[]) {
      setRefusal(null)
      setFromServer((previous) => without(previous, keys))
    },
    /** The server refused: its field errors go under their fields (`fieldOf` names the form's field for its path). */
    refused(error: ApiError, fieldOf: (path: string) => K | undefined = (path) => path as K) {
      const fields: FieldErrors<K> = {}
      for (const [path, message] of Object.entries(error.fields ?? {})) {
        const key = fieldOf(path)
        if (key) fields[key] ??= message
      }
      setFromServer(fields)
      setRefusal(Object.keys(fields).length > 0 ? null : error.message)
    },
  }
}
