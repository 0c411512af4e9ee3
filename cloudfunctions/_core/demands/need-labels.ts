// The words of the two need forms, shared by the schemas' messages and the labels on screen (no zod here: the
// mini-program imports this file).

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
