-- 预约预告 (000 §四.(二)): the notice an activity was published with, counted once at publishing on the mainland
-- working-day calendar (`_core/calendar/notice.ts`), and the district's requirement then. A short-notice activity
-- (临时通知) was published only because the secretary said so. A need's order (kind demand) is urgent help, not an
-- announced activity: it carries no notice, and neither do orders published before this migration.
alter table orders
  add column notice_working_days integer check (notice_working_days >= 0),
  add column notice_required_days integer check (notice_required_days between 0 and 30),
  add column short_notice boolean not null default false;

alter table orders add constraint orders_notice_agrees check (
  (notice_working_days is null and notice_required_days is null and short_notice = false)
  or (kind = 'activity' and notice_working_days is not null and notice_required_days is not null
      and short_notice = (notice_working_days < notice_required_days))
);
