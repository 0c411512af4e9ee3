// No zod here: the district's rates page imports this wording. The full text is docs/glossary.md's, word for word.

export type RateKey = 'registration_rate' | 'participation_rate' | 'satisfaction_rate';

export interface RateDefinition {
  label: string;
  /** One line beside the figure. */
  short: string;
  /** Numerator, denominator, period and which organisations: shown when the reader asks for the full definition. */
  full: string[];
}

export const RATE_DEFINITIONS: Record<RateKey, RateDefinition> = {
  registration_rate: {
    label: '在职党员义工注册率',
    short: '已到社区报到并经社区确认的在职党员 ÷ 在职党员总数（附件3口径）',
    full: [
      '分子：已到社区报到、经社区党组织确认的在职党员（含预备党员），即注册的党员义工。',
      '分母：在职党员总数，与《在职党员社区报到情况统计表》（附件3）同一口径：已报到的，加上持报到单、尚未报到的；作废的报到单和已注销的党员不计。',
      '单位：本单位的在职党员。社区：报到到本社区的在职党员，加上报到单写明本社区、尚未报到的。',
      '时点：查看时的名册，不按年份回溯。',
    ],
  },
  participation_rate: {
    label: '参与志愿服务率',
    short: '当年至少有1条已认定服务记录的注册在职党员义工 ÷ 注册在职党员义工（免除考核的不计）',
    full: [
      '分子：分母中当年（北京时间1月1日至12月31日，按服务日期）至少有1条已认定服务记录的党员义工；待审核、待居民确认的记录不算。',
      '分母：注册的在职党员义工（注册率的分子），减去当年经上级党委批准免除考核的。',
      '单位：本单位的；社区：报到到本社区的。在任何社区的服务都算。',
    ],
  },
  satisfaction_rate: {
    label: '回访满意率',
    short: '当年居民回访评为「满意」的 ÷ 全部居民回访（「基本满意」不算满意）',
    full: [
      '分子：评价为「满意」的居民回访（一事一评中居民的评价）。「基本满意」「不满意」都不算。',
      '分母：全部居民回访。',
      '社区：本社区当年（北京时间，按订单开始时间）开始的订单的居民回访。',
      '单位：本单位注册在职党员当年有已认定服务记录的订单的居民回访，同一回访只计一次。',
    ],
  },
};

export const RATE_KEYS = Object.keys(RATE_DEFINITIONS) as RateKey[];
