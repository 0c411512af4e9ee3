-- placeholder: filled in by the part that owns it (issue 16)
select 1;
