-- Who last recorded a member's activist_since / joined_party_on, and when (issue 13). access_log holds reads of
-- personal fields only, so the trail of these dates is kept on the member row.
alter table members add column party_dates_set_by uuid references users (id);
alter table members add column party_dates_set_at timestamptz;
alter table members add check ((party_dates_set_by is null) = (party_dates_set_at is null));
