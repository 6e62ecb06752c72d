-- WeChat allows one-time subscribe messages only for service notices, never for marketing: a
-- campaign's message now goes by SMS only (to members with marketing consent). Campaigns that chose
-- a subscribe message send theirs by SMS from now on. (Marketing messages already queued as subscribe
-- messages are skipped by the sender, with the reason.)
update campaign set message_channel = 'SMS' where message_channel = 'WECHAT_SUBSCRIBE';
