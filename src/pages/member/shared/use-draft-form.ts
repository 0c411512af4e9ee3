import { useState } from 'react'
import type { ApiError } from '@/services/api/types'
import type { FormDraft } from '@/services/form-draft'

/**
 * A small form kept on the phone as it is typed (`draft`), with its field errors and the line above 提交: a change
 * clears the errors of the fields it touches and the line; a refusal puts the server's words under the fields it
 * names, or on the line when it names none.
 */
export function useDraftForm<F extends object>(draft: FormDraft<F>, initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [banner, setBanner] = useState<string | null>(null)

  const set = (changes: Partial<F>) => {
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !(key in changes))))
    setBanner(null)
    setForm((previous) => {
      const next = { ...previous, ...changes }
      draft.save(next)
      return next
    })
  }

  const refused = (error: ApiError) => {
    setErrors(error.fields ?? {})
    if (!error.fields) setBanner(error.message)
  }

  return { form, setForm, set, errors, setErrors, banner, refused }
}
