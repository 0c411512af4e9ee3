/** The registration cloud function. */
export const registrationApi = {}
