import { defineErrors } from '../../shared/domain-error';

/** Part D's codes, prefix BRIEF_: 活动简讯. */
export const briefErrors = defineErrors({
  BRIEF_ORDER_NOT_FOUND: '找不到该活动',
  BRIEF_NOT_AN_ACTIVITY: '上门服务订单不写活动简讯，只有社区活动才写',
  BRIEF_ORDER_NOT_ENDED: '活动结束后才能写简讯',
  BRIEF_ORDER_CANCELLED: '该活动已取消，不写简讯',
  BRIEF_NOT_YOURS: '只有本社区书记或本次活动的负责人可以写简讯',
  BRIEF_CANNOT_SEE: '该活动不属于您的社区',
  BRIEF_PHOTO_TOO_LARGE: '照片太大',
  BRIEF_PHOTO_NOT_IMAGE: '照片不是 JPG 或 PNG 图片',
  BRIEF_TOO_MANY_PHOTOS: '每篇简讯最多 9 张照片',
  BRIEF_PHOTO_NOT_FOUND: '找不到该照片，可能已删除',
  BRIEF_UPLOAD_NOT_FOUND: '照片没有上传成功，请重新选择',
});
