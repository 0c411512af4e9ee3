import type { ActionTable } from '../runtime';
import { privacyErrors } from './privacy.errors';

export { privacyErrors };

/** 个人信息保护：查看完整信息（留痕）、访问记录、我的数据导出、注销 */
export const privacyActions: ActionTable = {};
