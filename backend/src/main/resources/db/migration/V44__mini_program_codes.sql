-- Mini-program codes (wxacode.getUnlimited) fetched from WeChat once per scene and page and kept
-- here, because WeChat limits how often they may be generated. The image is served from
-- /wxacode/<image_key>.png without a sign-in: the key is random (unguessable), so only whoever was
-- given the address can load it.
create table mini_program_code (
    id         bigserial primary key,
    scene      text        not null check (length(scene) between 1 and 32),
    page       text        not null,
    image_key  text        not null unique,
    png        bytea       not null,
    created_at timestamptz not null,
    unique (scene, page)
);
