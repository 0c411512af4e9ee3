import { defineErrors } from '../shared/domain-error';

export const documentsErrors = defineErrors({
  DOCUMENT_MEMBER_NOT_FOUND: '找不到该党员',
  DOCUMENT_NOT_YOURS: '只能查看本人、本社区、本单位或本区党员的记录卡',
});
