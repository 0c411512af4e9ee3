-- Reserved for issue 15 (written by its part).
select 1;
