// Members' access tokens for the PostGraphile peer: node mint.js FROM COUNT > FILE writes one
// "memberId token" line per member (the format of bench/lua/common.lua's token files): HS256 JWTs
// signed with PEER_JWT_SECRET, audience "postgraphile" (PostGraphile 4's default), claim member_id,
// valid for an hour.
const jwt = require("jsonwebtoken");
const [from, count] = process.argv.slice(2).map(Number);
const secret = process.env.PEER_JWT_SECRET;
if (!secret || !(from > 0) || !(count > 0)) {
  console.error("usage: PEER_JWT_SECRET=... node mint.js FROM COUNT");
  process.exit(2);
}
const lines = [];
for (let id = from; id < from + count; id++) {
  const token = jwt.sign({ member_id: String(id) }, secret, { algorithm: "HS256", audience: "postgraphile", expiresIn: "1h" });
  lines.push(id + " " + token);
}
process.stdout.write(lines.join("\n") + "\n");
