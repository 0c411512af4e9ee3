-- Sessions the server can end: a token names its row, and a revoked or expired row refuses it on the next call.
create table sessions (
  id uuid primary key,
  user_id uuid not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > created_at),
  revoked_at timestamptz,
  revoke_reason text check (revoke_reason ~ '^[a-z_]{1,40}$'),
  check ((revoked_at is null) = (revoke_reason is null))
);
-- Ending every live session of one user (password changed, role withdrawn, 注销), and sweeping their old ones at login.
create index sessions_of_user on sessions (user_id);

-- An account made with an initial password someone else has seen (an appointment) must choose its own first.
alter table users add column must_change_password boolean not null default false;
