import initial from './0001_initial.sql';
import recordDisputes from './0002_record_disputes.sql';
import registration from './0003_registration.sql';
import hoursIntegrity from './0004_hours_integrity.sql';
import needKindsAndServicePhone from './0005_need_kinds_and_service_phone.sql';
import sessions from './0006_sessions.sql';
import loginThrottle from './0007_login_throttle.sql';
import phoneCodes from './0008_phone_codes.sql';
import readIndexes from './0009_read_indexes.sql';
import openHallIndex from './0010_open_hall_index.sql';
import scanInOneReadAndWrite from './0011_scan_in_one_read_and_write.sql';
import serviceRecordsOrder from './0012_service_records_order.sql';
import assessment from './0013_assessment.sql';
import quarterlyReports from './0014_quarterly_reports.sql';
import certificates from './0015_certificates.sql';
import trainingsAndAwards from './0016_trainings_and_awards.sql';
import memberPartyDatesTrail from './0017_member_party_dates_trail.sql';
import streetChoiceHistory from './0018_street_choice_history.sql';
import memberYearTallies from './0019_member_year_tallies.sql';
import ledger from './0020_ledger.sql';
import incentiveRules from './0021_incentive_rules.sql';
import recordSettlement from './0022_record_settlement.sql';
import timeBank from './0023_time_bank.sql';
import loveShop from './0024_love_shop.sql';
import notifications from './0025_notifications.sql';
import wechatSubscriptions from './0026_wechat_subscriptions.sql';
import publishingNotice from './0027_publishing_notice.sql';
import orderChanges from './0033_order_changes.sql';
import factsByCommunity from './0034_facts_by_community.sql';
import activityBriefs from './0028_activity_briefs.sql';

/** Versioned SQL, bundled as text: the same files run on PGlite and on a PostgreSQL server. */
export const migrations: { version: string; sql: string }[] = [
  { version: '0001_initial', sql: initial },
  { version: '0002_record_disputes', sql: recordDisputes },
  { version: '0003_registration', sql: registration },
  { version: '0004_hours_integrity', sql: hoursIntegrity },
  { version: '0005_need_kinds_and_service_phone', sql: needKindsAndServicePhone },
  { version: '0006_sessions', sql: sessions },
  { version: '0007_login_throttle', sql: loginThrottle },
  { version: '0008_phone_codes', sql: phoneCodes },
  { version: '0009_read_indexes', sql: readIndexes },
  { version: '0010_open_hall_index', sql: openHallIndex },
  { version: '0011_scan_in_one_read_and_write', sql: scanInOneReadAndWrite },
  { version: '0012_service_records_order', sql: serviceRecordsOrder },
  { version: '0013_assessment', sql: assessment },
  { version: '0014_quarterly_reports', sql: quarterlyReports },
  { version: '0015_certificates', sql: certificates },
  { version: '0016_trainings_and_awards', sql: trainingsAndAwards },
  { version: '0017_member_party_dates_trail', sql: memberPartyDatesTrail },
  { version: '0018_street_choice_history', sql: streetChoiceHistory },
  { version: '0019_member_year_tallies', sql: memberYearTallies },
  { version: '0020_ledger', sql: ledger },
  { version: '0021_incentive_rules', sql: incentiveRules },
  { version: '0022_record_settlement', sql: recordSettlement },
  { version: '0023_time_bank', sql: timeBank },
  { version: '0024_love_shop', sql: loveShop },
  { version: '0025_notifications', sql: notifications },
  { version: '0026_wechat_subscriptions', sql: wechatSubscriptions },
  { version: '0027_publishing_notice', sql: publishingNotice },
  { version: '0028_activity_briefs', sql: activityBriefs },
  { version: '0033_order_changes', sql: orderChanges },
  { version: '0034_facts_by_community', sql: factsByCommunity },
];
