/** The privacy cloud function. */
export const privacyApi = {}
