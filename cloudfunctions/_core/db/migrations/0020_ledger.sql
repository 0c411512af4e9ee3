-- One ledger for every kind of value (issue 15): hours banked, points and goods stock move only by append-only,
-- zero-sum transactions. The database itself guards the invariants, whatever path writes:
--   * an entry or a transaction is never updated or deleted (a correction is a reversing transaction);
--   * the entries of a transaction sum to zero per unit, checked at commit;
--   * a transaction posts once per idempotency key;
--   * an account that may not go negative cannot, also under concurrent spending: its cached balance moves in the
--     same statement as each entry, and its check refuses an overdraft; concurrent spenders queue on its row lock.

create table ledger_accounts (
  id uuid primary key,
  -- user: a member's or resident's own account; organisation: a community's or district's; good: a 爱心超市 good.
  owner_kind text not null check (owner_kind in ('user', 'organisation', 'good')),
  owner_id uuid not null,
  -- What the account holds for its owner: 'points', 'time_bank', 'stock', 'issued', … (see _core/ledger/accounts.ts).
  purpose text not null check (purpose ~ '^[a-z_]+$'),
  unit text not null check (unit in ('minute', 'point', 'item')),
  allow_negative boolean not null default false,
  balance bigint not null default 0,
  created_at timestamptz not null default now(),
  unique (owner_kind, owner_id, purpose, unit),
  constraint ledger_accounts_no_overdraft check (allow_negative or balance >= 0)
);

create table ledger_transactions (
  id uuid primary key,
  kind text not null check (kind ~ '^[a-z_]+$'),
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 200),
  -- What the transaction is about: 'record:<id>', 'redemption:<id>', 'gift:<id>' … (one source may have many).
  source_ref text,
  -- A reversal names the one transaction it undoes; a transaction is reversed at most once.
  reverses_id uuid unique references ledger_transactions (id),
  memo text not null default '',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (reverses_id is null or reverses_id <> id)
);
create index ledger_transactions_source on ledger_transactions (source_ref, created_at);

create table ledger_entries (
  id bigint generated always as identity primary key,
  transaction_id uuid not null references ledger_transactions (id),
  account_id uuid not null references ledger_accounts (id),
  amount bigint not null check (amount <> 0),
  created_at timestamptz not null default now()
);
create index ledger_entries_account on ledger_entries (account_id, id);
create index ledger_entries_transaction on ledger_entries (transaction_id);

create function ledger_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'ledger is append-only: % on % refused (post a reversing transaction instead)', tg_op, tg_table_name
    using errcode = 'P0001';
end $$;

create trigger ledger_transactions_append_only before update or delete on ledger_transactions
  for each row execute function ledger_refuse_change();
create trigger ledger_entries_append_only before update or delete on ledger_entries
  for each row execute function ledger_refuse_change();
create trigger ledger_transactions_no_truncate before truncate on ledger_transactions
  for each statement execute function ledger_refuse_change();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
  for each statement execute function ledger_refuse_change();

-- The cached balance moves with its entry, in the same statement: the account's check refuses an overdraft here.
create function ledger_move_balance() returns trigger
language plpgsql as $$
begin
  update ledger_accounts set balance = balance + new.amount where id = new.account_id;
  return null;
end $$;

create trigger ledger_entries_balance after insert on ledger_entries
  for each row execute function ledger_move_balance();

-- At commit: every transaction has entries, and they sum to zero in each unit.
create function ledger_check_transaction(transaction uuid) returns void
language plpgsql as $$
declare
  unbalanced text;
begin
  if not exists (select 1 from ledger_entries where transaction_id = transaction) then
    raise exception 'ledger transaction % has no entries', transaction using errcode = '23514';
  end if;
  select a.unit into unbalanced
    from ledger_entries e join ledger_accounts a on a.id = e.account_id
   where e.transaction_id = transaction
   group by a.unit
  having sum(e.amount) <> 0
   limit 1;
  if unbalanced is not null then
    raise exception 'ledger transaction % does not sum to zero in unit %', transaction, unbalanced using errcode = '23514';
  end if;
end $$;

create function ledger_check_entry_transaction() returns trigger
language plpgsql as $$
begin
  perform ledger_check_transaction(new.transaction_id);
  return null;
end $$;

create function ledger_check_new_transaction() returns trigger
language plpgsql as $$
begin
  perform ledger_check_transaction(new.id);
  return null;
end $$;

create constraint trigger ledger_entries_zero_sum after insert on ledger_entries
  deferrable initially deferred for each row execute function ledger_check_entry_transaction();
create constraint trigger ledger_transactions_have_entries after insert on ledger_transactions
  deferrable initially deferred for each row execute function ledger_check_new_transaction();

-- Both triggers also fire in a bulk load under session_replication_role = replica.
alter table ledger_entries enable always trigger ledger_entries_balance;
alter table ledger_entries enable always trigger ledger_entries_zero_sum;
alter table ledger_transactions enable always trigger ledger_transactions_have_entries;
