/** 服务项目 with their sub-items, as listed in 台山市义工注册登记表 (001 附件3). */
export const SERVICE_CATALOGUE = {
  医疗卫生服务: ['义诊', '医疗保健', '卫生宣传', '红丝带（防治艾滋病）', '无偿献血', '其他'],
  社区服务: ['结对帮扶', '维稳帮教', '社区助理', '青少年成长服务', '家电、水电维修', '义务家教', '美容美发', '文明劝导', '治安巡逻', '社会调查', '其他'],
  爱心扶助: ['扶困助学', '敬老助残', '爱孤护幼', '送温暖', '上门慰问', '探访谈心', '其他'],
  环保绿化服务: ['植绿护绿', '保护母亲河', '环保宣传', '清洁城市', '临时性环保活动', '其他'],
  科技服务: ['农技下乡', '技能培训', '科技咨询', '科普宣传', '其他'],
  文化艺术服务: ['送戏（电影）下乡', '文艺义演', '艺术讲座', '支教', '义赠书画', '其他'],
  政策法规宣讲: ['时政宣教', '党规宣教', '法制宣教', '宣讲团', '其他'],
  信息化服务: ['建设网站', '网络维护', '短信收发', '其他'],
  交通运输服务: ['提供驾驶服务', '提供车辆', '交通疏导', '其他'],
  抢险救灾及突发事件应急: ['水灾', '震灾', '消防', '拯救', '应急分队', '其他'],
  大型活动服务: ['技能服务（如翻译、裁判等）', '会务协助', '维护秩序', '礼仪', '其他'],
  '12355热线服务': ['心理咨询', '法律维权', '信箱服务', '其他'],
  法律援助: ['诉讼辩护', '弱势人群法律援助', '法律公证咨询', '其他'],
  其他: ['其他'],
} as const satisfies Record<string, readonly string[]>;

export type ServiceCategory = keyof typeof SERVICE_CATALOGUE;

export const SERVICE_CATEGORIES = Object.keys(SERVICE_CATALOGUE) as [ServiceCategory, ...ServiceCategory[]];

/** The eight 党员责任岗 a member may claim (004 附件2). */
export const MEMBER_POSTS = [
  '政策法规宣传岗',
  '社区工作参议岗',
  '文明创建示范岗',
  '公益事业推动岗',
  '困难群众帮扶岗',
  '社区稳定维护岗',
  '环境保护卫士岗',
  '青少年教育服务岗',
] as const;

export const isSubItemOf = (category: string, subItem: string): boolean =>
  (SERVICE_CATALOGUE as Record<string, readonly string[]>)[category]?.includes(subItem) ?? false;

/** 医疗卫生服务（义诊、卫生宣传）: a service intention in words. */
export const describeIntention = ({ category, subItems = [] }: { category: string; subItems?: string[] }) =>
  subItems.length ? `${category}（${subItems.join('、')}）` : category;
