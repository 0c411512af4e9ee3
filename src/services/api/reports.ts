/** The reports cloud function. */
export const reportsApi = {}
