import type { z } from 'zod'
import type { MySuggestionPage, SuggestionPage, SuggestionView } from '@core/assessment/suggestions.schemas'
import { callFunction } from '../api-client'

export type Suggestion = z.output<typeof SuggestionView>
export type SuggestionStatus = Suggestion['status']
export type MySuggestions = z.output<typeof MySuggestionPage>
export type CommunitySuggestions = z.output<typeof SuggestionPage>
export type SuggestionDecision = 'reply' | 'forward' | 'adopt'

type Page = { limit: number; offset: number }

/** 建议, in the assessment cloud function: the member's suggestions and the secretary's answers. */
export const suggestionsApi = {
  submit: (data: { category: string; body: string }) => callFunction<Suggestion>('assessment', 'submitSuggestion', data),
  mine: (page: Page) => callFunction<MySuggestions>('assessment', 'mySuggestions', { page }),
  withdraw: (suggestionId: string) => callFunction<Suggestion>('assessment', 'withdrawSuggestion', { suggestionId }),
  listForCommunity: (page: Page, status?: SuggestionStatus) =>
    callFunction<CommunitySuggestions>('assessment', 'listSuggestions', { ...(status ? { status } : {}), page }),
  handle: (data: { suggestionId: string; decision: SuggestionDecision; reply?: string; forwardedTo?: string }) =>
    callFunction<Suggestion>('assessment', 'handleSuggestion', data),
}
