/** A business failure with a stable code that survives the process boundary; its message is safe to show. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The plain `{ code, message, fields? }` an envelope carries (an Error's own message does not serialise). */
  toBody(): { code: string; message: string; fields?: Record<string, string> } {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export type ErrorCatalogue = Record<string, string>;

/** Declares a context's closed list of error codes with their zh-CN messages. */
export function defineErrors<const T extends ErrorCatalogue>(catalogue: T) {
  return {
    catalogue,
    /** Builds the error; `detail` adds a specific sentence after the standard message. */
    error(code: keyof T & string, detail?: string, fields?: Record<string, string>): DomainError {
      const message = detail ? `${catalogue[code]}：${detail}` : catalogue[code];
      return new DomainError(code, message, fields);
    },
  };
}

export const commonErrors = defineErrors({
  VALIDATION_FAILED: '填写的内容有误',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '找不到相关记录',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  /** The call kept meeting others changing the same records at once and did nothing; trying again will do. */
  BUSY_RETRY: '同时操作的人较多，请稍后重试',
  INTERNAL: '系统繁忙，请稍后再试',
});
