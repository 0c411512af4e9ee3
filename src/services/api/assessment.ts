import type { z } from 'zod'
import type { PresetsView } from '@core/assessment/assessment.schemas'
import { callFunction } from '../api-client'

export type AssessmentPresets = z.output<typeof PresetsView>

/** The assessment cloud function: rule sets, standing, rates, warnings, and the inputs the rules count. */
export const assessmentApi = {
  presets: () => callFunction<AssessmentPresets>('assessment', 'presets', {}),
}
