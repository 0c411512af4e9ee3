-- 群众点单 in plain words (买药代购, 上门维修…): what the resident chose; category and sub_item stay the catalogue's.
alter table demands add column need_kind text check (need_kind is null or length(need_kind) between 1 and 20);
-- A need of a plain kind says what it is by itself: its description may be left empty (其他 still asks for one).
alter table demands drop constraint demands_description_check;
alter table demands add constraint demands_description_check
  check (length(description) <= 500 and (length(description) > 0 or need_kind is not null));

-- A community's service phone (a landline or a mobile), for residents to call: a serving member's own phone stays hidden.
alter table organisations add column service_phone text
  check (service_phone is null or service_phone ~ '^(0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9}|[0-9]{5,8})$');
