-- One-time codes that prove a person holds a phone before an account is made or its password reset.
-- Only a keyed hash of the code is kept; the newest code of a phone and purpose is the one that counts.
create table phone_codes (
  id uuid primary key,
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  purpose text not null check (purpose in ('sign_up', 'register', 'reset_password')),
  channel text not null check (channel in ('sms', 'wechat')),
  code_hash text not null,
  client_address text check (length(client_address) <= 64),
  sent_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > sent_at),
  wrong_tries integer not null default 0 check (wrong_tries >= 0),
  used_at timestamptz
);
create index phone_codes_of_phone on phone_codes (phone, sent_at desc);
create index phone_codes_of_address on phone_codes (client_address, sent_at desc) where client_address is not null;
