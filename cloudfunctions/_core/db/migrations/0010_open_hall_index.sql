-- The order hall's open branch (orders.listOpen): a community's open orders still taking members, soonest
-- first. Without it the hall read every published order of the district (issue 12); the other branch,
-- the orders sent to the member, is read by assignments_member.
create index orders_open_hall on orders (community_id, starts_at) where dispatch = 'open' and status in ('published', 'in_service');
-- Orders not ended yet, or ending after a given time: few, however long the history. orders.recommend
-- counts a member's past orders as all of them less these, so that the history is never joined to orders.
create index orders_ends on orders (ends_at);
