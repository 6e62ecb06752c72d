# Reads a Postgres log (log_statement=all) and prints each statement run on one database (-v db="@name "),
# one per line, with its bind parameters ($1, $2, ...) replaced by their literal values, ending in ";".
# Connection set-up queries of the driver are left out.
function flush(   i, n, v, out) {
  if (stmt == "") return
  if (stmt ~ /^SHOW TRANSACTION ISOLATION LEVEL/ || stmt ~ /pg_catalog\.pg_type/) { stmt = ""; return }
  out = stmt
  for (i = 40; i >= 1; i--) if (i in par) out = subst(out, "$" i, par[i])
  gsub(/[ \t]+/, " ", out); sub(/ +$/, "", out)
  print out ";"
  stmt = ""; delete par
}
# Replaces every placeholder p (e.g. $1, not the start of $10) in s by v.
function subst(s, p, v,   out, k, next_ch) {
  out = ""
  while ((k = index(s, p)) > 0) {
    next_ch = substr(s, k + length(p), 1)
    if (next_ch ~ /[0-9]/) { out = out substr(s, 1, k + length(p) - 1); s = substr(s, k + length(p)); continue }
    out = out substr(s, 1, k - 1) v
    s = substr(s, k + length(p))
  }
  return out s
}
function params(text,   rest, n, v) {
  rest = text
  while (match(rest, /\$[0-9]+ = (NULL|'([^']|'')*')/)) {
    v = substr(rest, RSTART, RLENGTH)
    n = substr(v, 2, index(v, " ") - 2)
    v = substr(v, index(v, "= ") + 2)
    par[n + 0] = v
    rest = substr(rest, RSTART + RLENGTH)
  }
}
/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
  mode = ""
  if (index($0, db) == 0) next
  if (match($0, /LOG:  (execute [^:]*|statement): /)) {
    flush(); stmt = substr($0, RSTART + RLENGTH); mode = "stmt"
  } else if (match($0, /DETAIL:  parameters: /)) {
    detail = substr($0, RSTART + RLENGTH); mode = "detail"; params(detail)
  }
  next
}
/^\t/ { line = $0; sub(/^\t/, " ", line); if (mode == "stmt") stmt = stmt line; else if (mode == "detail") { detail = detail line; delete par; params(detail) } }
END { flush() }
