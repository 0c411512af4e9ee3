-- Reads that filter on these columns scanned the whole table (issue 12's plans at 50,000 members):
-- recommend's attendance count per candidate, a unit's members in org.tree and unitStatistics,
-- and the latest registration on a 报到单 (the partial unique index covers only pending and confirmed ones).
create index attendance_member on attendance (member_id);
create index members_unit on members (unit_id);
create index registrations_slip on registrations (slip_id, submitted_at desc);
