import { SERVICE_CATALOGUE, type ServiceCategory } from '../catalogue/service-catalogue';

type CatalogueItem = { [C in ServiceCategory]: { category: C; subItem: (typeof SERVICE_CATALOGUE)[C][number] } }[ServiceCategory];

export interface NeedKind {
  key: string;
  /** What the resident reads and taps. */
  name: string;
  /** An example of what to write, in the resident's words. */
  example: string;
  /** 其他 says nothing by itself: the resident must describe it. */
  needsDescription: boolean;
  /** The official 服务项目 (001 附件3) the secretary and the order carry. */
  official: CatalogueItem;
}

/**
 * The needs a resident names in plain words, each filed under the volunteer catalogue's category and sub-item,
 * chosen from what the seeds ask members to do for residents (001 §五: 上门慰问、家政服务、健康保健; 004: 民事代办,
 * 空巢老人、残疾人 结对; 001 附件3's 家电、水电维修, 美容美发, 探访谈心, 法律公证咨询). 陪同就医 and 教用手机 are filed
 * where the communities' own records put them (接送复诊 under 提供驾驶服务, phone lessons under 信息化服务).
 */
export const NEED_KINDS = [
  { key: 'medicine', name: '买药代购', example: '比如：帮我去药店买降压药，药盒在家', needsDescription: false, official: { category: '爱心扶助', subItem: '敬老助残' } },
  { key: 'groceries', name: '买菜送餐', example: '比如：每周二帮我买点菜送上门', needsDescription: false, official: { category: '爱心扶助', subItem: '敬老助残' } },
  { key: 'repair', name: '上门维修', example: '比如：厨房水龙头漏水，要换新的', needsDescription: false, official: { category: '社区服务', subItem: '家电、水电维修' } },
  { key: 'hospital', name: '陪同就医', example: '比如：下周一上午去人民医院复查，要人陪', needsDescription: false, official: { category: '交通运输服务', subItem: '提供驾驶服务' } },
  { key: 'phone', name: '教用手机', example: '比如：想学用微信和孩子视频', needsDescription: false, official: { category: '信息化服务', subItem: '其他' } },
  { key: 'cleaning', name: '打扫卫生', example: '比如：腿脚不方便，想请人帮忙打扫一下屋子', needsDescription: false, official: { category: '爱心扶助', subItem: '敬老助残' } },
  { key: 'company', name: '聊天陪伴', example: '比如：一个人在家，想有人来坐坐、说说话', needsDescription: false, official: { category: '爱心扶助', subItem: '探访谈心' } },
  { key: 'errands', name: '代办事务', example: '比如：帮我去社保窗口交材料', needsDescription: false, official: { category: '社区服务', subItem: '社区助理' } },
  { key: 'haircut', name: '上门理发', example: '比如：行动不便，想请人上门理发', needsDescription: false, official: { category: '社区服务', subItem: '美容美发' } },
  { key: 'legal', name: '法律咨询', example: '比如：房子租赁合同有问题，想问问', needsDescription: false, official: { category: '法律援助', subItem: '法律公证咨询' } },
  { key: 'other', name: '其他', example: '请写明需要帮什么忙', needsDescription: true, official: { category: '其他', subItem: '其他' } },
] as const satisfies readonly NeedKind[];

export type NeedKindKey = (typeof NEED_KINDS)[number]['key'];

export const NEED_KIND_KEYS = NEED_KINDS.map((kind) => kind.key) as [NeedKindKey, ...NeedKindKey[]];

/** The kind of a key, or undefined for an unknown one (an old need has none). */
export const needKindOf = (key: string | null | undefined): NeedKind | undefined =>
  NEED_KINDS.find((kind) => kind.key === key);

/** Whether a kind says what it is by itself (买药代购), so that its description may stay empty; 其他 must be described. */
export const describesItself = (key: string | null | undefined): boolean => {
  const kind = needKindOf(key);
  return !!kind && !kind.needsDescription;
};

/** The official category and sub-item a need is filed under: the secretary's own choice if made, else its kind's. */
export function officialCategoryOf(need: { kind?: string | null; category?: string | null; subItem?: string | null }) {
  if (need.category) return { category: need.category, subItem: need.subItem || null };
  const kind = needKindOf(need.kind);
  return kind ? { category: kind.official.category, subItem: kind.official.subItem as string } : null;
}
