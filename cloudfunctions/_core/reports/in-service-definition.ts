// No zod here: the unit's and the district's pages import this wording.

/** What 在职党员 counts, said beside the number wherever it is shown (the unit's statistics, the district's units). */
export const IN_SERVICE_DEFINITION = '在职党员：本单位在岗的正式党员和预备党员，含已到社区报到的，和持本单位报到单、尚未报到的';
