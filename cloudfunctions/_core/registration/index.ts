import type { ActionTable } from '../runtime';
import { registrationErrors } from './registration.errors';

export { registrationErrors };

/** 在职党员到社区报到：报到单、报到登记、回执或退回、转移社区 */
export const registrationActions: ActionTable = {};
