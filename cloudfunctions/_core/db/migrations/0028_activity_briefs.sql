-- 活动简讯 (000 §三.(二), §四.(二)): after an activity, the secretary or the order's leader writes a short report, adds
-- photos and the participant list, within the district's deadline. One brief per order; it may be saved late, and is
-- then marked 逾期 (kept: the record matters more than the deadline).
create table activity_briefs (
  order_id uuid primary key references orders (id),
  body text not null check (length(body) between 1 and 1000),
  author_id uuid not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- first submitted; later saves update the text, not this
  submitted_at timestamptz not null,
  -- the Beijing date it was due on (working days after the service), frozen with the first submission
  due_on date not null,
  -- the participants when submitted: [{ memberId, name, volunteerNo, minutes }]
  participants jsonb not null default '[]',
  check (updated_at >= created_at)
);

-- Its photos: uploaded one by one before the brief is saved (order_id known, kept or removed by the save).
-- The bytes live in the file store (cloudfunctions/_core/files) under `storage_key`.
create table activity_brief_photos (
  id uuid primary key,
  order_id uuid not null references orders (id),
  storage_key text not null unique check (storage_key ~ '^briefs/[0-9a-f-]{36}/[0-9a-f-]{36}\.(jpg|png)$'),
  -- what the store answered for it: locally the key, in WeChat cloud the fileID
  store_ref text not null check (length(store_ref) between 1 and 500),
  mime text not null check (mime in ('image/jpeg', 'image/png')),
  bytes integer not null check (bytes > 0 and bytes <= 716800),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  -- shown in this order in the brief
  position integer not null default 0 check (position between 0 and 8),
  uploaded_by uuid not null references users (id),
  uploaded_at timestamptz not null,
  removed_at timestamptz
);
create index activity_brief_photos_order on activity_brief_photos (order_id) where removed_at is null;

-- At most 9 photos live on a brief: checked with the order's row locked (the insert's trigger counts).
create function activity_brief_photos_at_most_nine() returns trigger
language plpgsql as $$
begin
  if (select count(*) from activity_brief_photos where order_id = new.order_id and removed_at is null) > 9 then
    raise exception 'an activity brief holds at most 9 photos' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger activity_brief_photos_limit after insert or update of removed_at on activity_brief_photos
  for each row execute function activity_brief_photos_at_most_nine();
