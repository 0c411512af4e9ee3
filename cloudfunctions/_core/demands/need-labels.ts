// The words of the two need forms, shared by the schemas' messages and the labels on screen, and the forms' own
// checks of the texts they share (no zod here: the mini-program imports this file).

/** The resident's form (点单), the same words in both modes, so that an error names what the screen shows. */
export const POST_NEED_LABELS = {
  kind: '需要帮什么忙',
  description: '具体说说',
  address: '服务地址',
  contactPhone: '联系电话',
  when: '希望什么时候来',
} as const;

/** The secretary's form (代居民登记). */
export const RECORD_NEED_LABELS = {
  requesterName: '求助人姓名',
  channel: '受理渠道',
  contactPhone: '联系电话',
  category: '服务类别',
  description: '需求描述',
  address: '服务地址',
} as const;

export const DESCRIPTION_MIN = 4;
export const DESCRIPTION_MAX = 500;
export const ADDRESS_MAX = 120;

/**
 * The description and address as both forms check them before sending, in the words of their labels;
 * `described` says the need's kind tells what it is by itself, so that the description may stay empty.
 */
export function checkNeedTexts(
  need: { description: string; address: string },
  labels: { description: string; address: string },
  described: boolean,
): { description?: string; address?: string } {
  const errors: { description?: string; address?: string } = {};
  const description = need.description.trim();
  if (description.length > DESCRIPTION_MAX) errors.description = `${labels.description}不能超过${DESCRIPTION_MAX}个字`;
  else if (!described && !description) errors.description = `请填写${labels.description}`;
  else if (!described && description.length < DESCRIPTION_MIN) errors.description = `${labels.description}至少需要${DESCRIPTION_MIN}个字`;
  const address = need.address.trim();
  if (!address) errors.address = `${labels.address}不能为空`;
  else if (address.length > ADDRESS_MAX) errors.address = `${labels.address}不能超过${ADDRESS_MAX}个字`;
  return errors;
}
