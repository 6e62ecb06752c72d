-- Followers of the brand's official account (公众号), from its follow/unfollow events: the openid
-- is the account's own, the unionid the one the mini-program's sign-in records on the member.
create table official_account_follower (
    openid      text        primary key,
    unionid     text,
    following   boolean     not null,
    changed_at  timestamptz not null
);

create index official_account_follower_unionid on official_account_follower (unionid) where following;
