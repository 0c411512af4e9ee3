import type { BankRule, PointsRule, ShopRule, StarScale } from './rules.schemas';

/** A rule a district admin starts from, named after its source; `assumption` says what the source does not fix and we chose. */
export type Preset<R> = { id: string; name: string; source: string; url: string | null; assumption: string | null; rule: R };

const points = (id: string, rule: Omit<PointsRule, 'preset'>): PointsRule => ({ preset: id, ...rule });
const NO_BONUSES = { satisfiedBonus: 0, excellentBonus: 0, concentratedBonus: 0, adoptedSuggestion: 0 };

export const POINTS_PRESETS: Preset<PointsRule>[] = [
  {
    id: 'kunshan',
    name: '昆山 · 每小时10分',
    source: '昆山：志愿服务时长按每小时10分自动折算积分，积分可到爱心超市兑换（800–3800分的物品），凭唯一兑换码领取。',
    url: 'http://wm.jschina.com.cn/9654/202507/t20250722_8506591.shtml',
    assumption: '来源未规定服务类别系数和评价加分：各类别系数均按1，不设加分；手工补录的时长不计积分。',
    rule: points('kunshan', { perHour: 10, defaultPercent: 100, categoryPercent: {}, maxMinutesPerService: null, handEnteredEarns: false, ...NO_BONUSES }),
  },
  {
    id: 'lianyungang-jianghua',
    name: '连云港江化社区 · 每小时1分',
    source: '连云港江化社区：志愿服务每小时积1分。',
    url: 'http://www.mhsmt.com/temp/zt2017/lhxzc/xsdxqx/2018/0926/125868.shtml',
    assumption: '来源未规定服务类别系数和评价加分：各类别系数均按1，不设加分。',
    rule: points('lianyungang-jianghua', { perHour: 1, defaultPercent: 100, categoryPercent: {}, maxMinutesPerService: null, handEnteredEarns: false, ...NO_BONUSES }),
  },
  {
    id: 'hailin',
    name: '海林 · 1小时1分，每次最多2小时',
    source: '海林：志愿服务1小时积1分，每次活动最多计2小时。',
    url: 'http://m.51dongshi.net/eedfrcvreebvs.html',
    assumption: '来源未规定服务类别系数和评价加分：各类别系数均按1，不设加分。',
    rule: points('hailin', { perHour: 1, defaultPercent: 100, categoryPercent: {}, maxMinutesPerService: 120, handEnteredEarns: false, ...NO_BONUSES }),
  },
  {
    id: 'suzhou-db3205',
    name: '苏州 DB3205/T1001-2020 · 按服务类别系数',
    source: '苏州市地方标准 DB3205/T1001-2020：积分 = 单位时长积分 × 服务类别系数（仅见目录）。',
    url: 'https://max.book118.com/html/2025/0323/7103113025010052.shtm',
    assumption:
      '我们只见到该标准的目录，具体数值是我们的假设：每小时10分；抢险救灾及突发事件应急×1.5，医疗卫生服务、法律援助、12355热线服务×1.2，其余类别×1；群众「满意」加1分、组织评价「优」加2分。',
    rule: points('suzhou-db3205', {
      perHour: 10,
      defaultPercent: 100,
      categoryPercent: { 抢险救灾及突发事件应急: 150, 医疗卫生服务: 120, 法律援助: 120, '12355热线服务': 120 },
      maxMinutesPerService: null,
      handEnteredEarns: false,
      ...NO_BONUSES,
      satisfiedBonus: 1,
      excellentBonus: 2,
    }),
  },
];

const LEVEL_NAMES = ['一星', '二星', '三星', '四星', '五星'];
const levels = (hours: number[]) => hours.map((h, index) => ({ stars: index + 1, label: LEVEL_NAMES[index], hours: h }));

export const STAR_PRESETS: Preset<StarScale>[] = [
  {
    id: 'mca-2012',
    name: '民政部 2012 / 广东 · 累计100–1500小时',
    source: '民政部《志愿服务记录办法》（2012）及广东省做法：累计志愿服务时间达到100、300、600、1000、1500小时的，分别认定为一至五星级志愿者。',
    url: 'https://www.gov.cn/jrzg/2012-09/27/content_2234139.htm',
    assumption: null,
    rule: { preset: 'mca-2012', basis: 'cumulative', levels: levels([100, 300, 600, 1000, 1500]), repeatEveryHours: null },
  },
  {
    id: 'zhangjiagang-2014',
    name: '张家港 2014 · 30–300小时，每300小时一轮',
    source: '张家港（2014）：服务时间达30、60、100、200、300小时分别为一至五星，每300小时循环一轮。',
    url: 'http://www.zjgfwd.org/archiver/?tid-2640.html',
    assumption: '铜星、银星、金星（600/1000/1500小时）和终身成就（3000小时）未列入星级。',
    rule: { preset: 'zhangjiagang-2014', basis: 'cumulative', levels: levels([30, 60, 100, 200, 300]), repeatEveryHours: 300 },
  },
  {
    id: 'qidong-2019',
    name: '启东 2019 · 一年内100–1500小时',
    source: '启东市志愿者礼遇办法（2019）：一年内志愿服务时间达到100至1500小时的，按星级给予当年礼遇。',
    url: null,
    assumption: '各星级的时长按民政部的100、300、600、1000、1500小时；按自然年（北京时间）计算。',
    rule: { preset: 'qidong-2019', basis: 'annual', levels: levels([100, 300, 600, 1000, 1500]), repeatEveryHours: null },
  },
];

const HOUR = 60;

export const BANK_PRESETS: Preset<BankRule>[] = [
  {
    id: 'basic',
    name: '基本 · 服务1小时存1小时',
    source: '本平台的默认做法：服务1小时存入1小时，不设上限，可用于兑换服务，不过期。',
    url: null,
    assumption: '不出自某一地方文件。',
    rule: { preset: 'basic', unitsPerHour: 1, unitName: '小时', capMinutes: null, familyGifts: false, spendOnNeeds: true, expiryMonths: null },
  },
  {
    id: 'nanjing-2019',
    name: '南京 2019 · 存储上限1500小时',
    source: '南京（2019）：个人时间存储上限1500小时，超出部分捐赠（转入社区时间银行）；通存通兑。',
    url: 'http://www.jiaozishequ.com/portal/article/index/id/658.html',
    assumption: null,
    rule: { preset: 'nanjing-2019', unitsPerHour: 1, unitName: '小时', capMinutes: 1500 * HOUR, familyGifts: false, spendOnNeeds: true, expiryMonths: null },
  },
  {
    id: 'beijing-2022',
    name: '北京 2022 · 1小时1时间币，可赠直系亲属',
    source: '北京（2022年6月1日起）：服务1小时存1个时间币，可兑换服务，也可赠与直系亲属。',
    url: 'http://fj.315xwsy.com/news/23441.html',
    assumption: null,
    rule: { preset: 'beijing-2022', unitsPerHour: 1, unitName: '时间币', capMinutes: null, familyGifts: true, spendOnNeeds: true, expiryMonths: null },
  },
  {
    id: 'changsha-yuhua-2018',
    name: '长沙雨花 2018 · 1小时6时间币',
    source: '长沙雨花区（2018）：服务1小时存6个时间币，可兑换他人的服务或物品，兑换后从存折中扣除。',
    url: 'https://yuhua.rednet.cn/content/2018/12/25/4353529.html',
    assumption: null,
    rule: { preset: 'changsha-yuhua-2018', unitsPerHour: 6, unitName: '时间币', capMinutes: null, familyGifts: false, spendOnNeeds: true, expiryMonths: null },
  },
  {
    id: 'guangzhou-2019',
    name: '广州 2019 · 1小时1分，上限1500',
    source: '广州（2019）：服务1小时记1个时间积分（整数），上限1500。',
    url: 'http://epaper.xkb.com.cn/view/1145499',
    assumption: '广州称之为「积分」，这里记作「小时」，以免与服务积分混淆；「达到一星（100小时）后方可兑换」未纳入。',
    rule: { preset: 'guangzhou-2019', unitsPerHour: 1, unitName: '小时', capMinutes: 1500 * HOUR, familyGifts: false, spendOnNeeds: true, expiryMonths: null },
  },
];

export const SHOP_PRESETS: Preset<ShopRule>[] = [
  {
    id: 'kunshan',
    name: '昆山 · 凭兑换码领取，7天内',
    source: '昆山：积分到爱心超市兑换物品，凭唯一兑换码领取。',
    url: 'http://wm.jschina.com.cn/9654/202507/t20250722_8506591.shtml',
    assumption: '领取期限7天是我们的假设，来源未规定。',
    rule: { preset: 'kunshan', pickUpDays: 7 },
  },
];

/** What a district follows until it saves rules of its own (version 0). */
export const DEFAULT_RULES = {
  points: POINTS_PRESETS[0].rule,
  stars: STAR_PRESETS[0].rule,
  bank: BANK_PRESETS[0].rule,
  shop: SHOP_PRESETS[0].rule,
};

export const PRESETS = { points: POINTS_PRESETS, stars: STAR_PRESETS, bank: BANK_PRESETS, shop: SHOP_PRESETS };

/** The name of the preset a section started from, or null when it is the district's own. */
export function presetName(section: keyof typeof PRESETS, id: string | null): string | null {
  return (PRESETS[section] as Preset<unknown>[]).find((preset) => preset.id === id)?.name ?? null;
}
