-- 志愿服务证明 (《志愿服务条例》第十九条; 民发〔2015〕149号 format): a member asks, each community that organised part of
-- the service issues its own certificate (谁组织谁记录、谁记录谁证明). One row per member × issuing community × request.
create sequence certificate_no_seq start 1;

create table certificates (
  id uuid primary key,
  member_id uuid not null references members (user_id),
  -- the organising community that certifies this part of the service (service_records.certifying_org_id)
  community_id uuid not null references organisations (id),
  -- one request may be split over several communities: its rows share request_id
  request_id uuid not null,
  period_from date not null,
  period_to date not null,
  -- chosen records, or null for every verified record of the period
  record_ids uuid[],
  purpose text not null default '' check (length(purpose) <= 60),
  status text not null default 'requested' check (status in ('requested', 'issued', 'refused', 'revoked')),
  requested_at timestamptz not null,
  -- 证明编号, given at issue; a reissue has a number of its own and names the one it replaces
  number text unique,
  issued_at timestamptz,
  issued_by uuid references users (id),
  -- what the certificate says, fixed at issue: a later record correction never changes it
  snapshot jsonb,
  refused_at timestamptz,
  refused_by uuid references users (id),
  refuse_reason text,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  revoke_reason text,
  replaces_id uuid unique references certificates (id),
  check (period_to >= period_from),
  check ((status in ('issued', 'revoked')) = (number is not null and issued_at is not null and issued_by is not null and snapshot is not null)),
  check ((status = 'refused') = (refused_at is not null and refused_by is not null and length(refuse_reason) > 0)),
  check ((status = 'revoked') = (revoked_at is not null and revoked_by is not null and length(revoke_reason) > 0))
);
create index certificates_member on certificates (member_id, requested_at desc);
create index certificates_community_status on certificates (community_id, status, requested_at);

-- An issued certificate is a record: its number, date, issuer and snapshot never change, and no certificate is deleted.
create function certificates_keep_issued() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'certificates are never deleted' using errcode = '23514';
  end if;
  if old.number is not null and (
    new.number is distinct from old.number or new.snapshot is distinct from old.snapshot
    or new.issued_at is distinct from old.issued_at or new.issued_by is distinct from old.issued_by
    or new.member_id is distinct from old.member_id or new.community_id is distinct from old.community_id
  ) then
    raise exception 'an issued certificate does not change' using errcode = '23514';
  end if;
  if old.status in ('refused', 'revoked') and new.status is distinct from old.status then
    raise exception 'a refused or revoked certificate stays so' using errcode = '23514';
  end if;
  return new;
end $$;
create trigger certificates_keep_issued before update or delete on certificates
  for each row execute function certificates_keep_issued();
