-- Media uploaded by members (media module): their avatars, re-encoded and stored under a random,
-- unguessable key in the configured MediaStore (local disk or an S3-compatible bucket) and served
-- at /media/{key}. A row says who uploaded the object, so updateProfile accepts as an avatar only
-- a URL issued to the same member, and closing an account deletes the member's objects.
create table media_object (
    -- 43 base64url characters (256 random bits) and the extension of the stored format: .jpg or .png
    key          text        primary key,
    member_id    bigint      not null references member (id),
    -- AVATAR
    purpose      text        not null,
    content_type text        not null,
    -- bytes, width and height of the stored (re-encoded) image
    bytes        integer     not null,
    width        integer     not null,
    height       integer     not null,
    created_at   timestamptz not null
);
create index media_object_member on media_object (member_id);
