/** What a suggestion is about; the member picks one. Shared with the 提建议 form, so it imports nothing. */
export const SUGGESTION_CATEGORIES = ['社区治理', '环境卫生', '为民服务', '党建工作', '其他'] as const;

export const SUGGESTION_BODY = { min: 5, max: 500 } as const;
