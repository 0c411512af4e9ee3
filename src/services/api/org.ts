/** The org cloud function. */
export const orgApi = {}
