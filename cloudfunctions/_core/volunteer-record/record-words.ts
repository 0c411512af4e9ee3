// The words of trainings and awards, without zod, so that the pages can import them too.

export const TRAINING_KINDS = ['backbone', 'pre_service'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = { backbone: '骨干培训', pre_service: '岗前培训' };

export const AWARD_LEVELS = ['national', 'provincial', 'city', 'county', 'street', 'community'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AWARD_LEVEL_LABELS: Record<AwardLevel, string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  county: '区县级',
  street: '街道级',
  community: '社区级',
};
