-- WeChat subscribe messages (issue 16). A one-time template the user accepted in wx.requestSubscribeMessage lets the
-- mini-program send them exactly one message of it, at any later time: each acceptance is one credit, each message
-- sent takes one. `template_id` is WeChat's id, as configured in SUBSCRIBE_TEMPLATES.
create table wechat_subscription_credits (
  user_id uuid not null references users (id),
  template_id text not null check (length(template_id) between 1 and 100),
  credits integer not null check (credits >= 0),
  updated_at timestamptz not null,
  primary key (user_id, template_id)
);

-- What became of each notification on the WeChat channel: one row per notification, so that a delivery job run again
-- (after a worker died between the send and its record) finds `sending` and never sends a second message.
-- no_credit / no_template / no_openid: the inbox is the only channel for it; unknown: the send may or may not have
-- happened; failed: WeChat refused the call (the credit was given back).
create table wechat_deliveries (
  notification_id uuid primary key references notifications (id),
  template_id text,
  status text not null check (status in ('sending', 'sent', 'no_credit', 'refused', 'failed', 'no_template', 'no_openid', 'unknown')),
  error_code text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index wechat_deliveries_status on wechat_deliveries (status) where status in ('sending', 'failed');

