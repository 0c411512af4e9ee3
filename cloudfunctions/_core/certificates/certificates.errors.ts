import { defineErrors } from '../shared/domain-error';

export const certificatesErrors = defineErrors({
  CERTIFICATE_NOTHING_TO_CERTIFY: '所选期间或记录中没有扫码核验的服务时长，无法申请志愿服务证明',
  CERTIFICATE_RECORDS_NOT_YOURS: '所选服务记录不属于您，或尚未认定',
  CERTIFICATE_ALREADY_PENDING: '您已有一份相同期间的证明申请正在审核，请等待社区处理',
  CERTIFICATE_NOT_PENDING: '该证明申请已处理，不能再出具或退回',
  CERTIFICATE_NOT_ISSUED: '该证明尚未出具或已作废',
  CERTIFICATE_NOT_REVOCABLE: '只有已出具的证明可以作废',
  CERTIFICATE_ALREADY_REPLACED: '该证明已重新出具过，请对新证明操作',
});
