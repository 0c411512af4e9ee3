import type { Executor } from '../cloudfunctions/_core/db/database';

type Person = { id: string; name: string };

/** What the demo seeds of issue 16 (消息, 活动日历, 活动简讯) are given: the first community and its people. */
export interface DemoNotifyContext {
  tx: Executor;
  now: Date;
  districtId: string;
  communityId: string;
  secretary: Person;
  demoMember: Person;
  demoResident: Person;
  /** The community's members other than the demo member. */
  others: Person[];
}
