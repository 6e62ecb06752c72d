/**
 * Which root fields each role may call: backend/src/test/resources/security/who-may-call.txt (the list
 * the API's authorization tests hold it to), baked in at build time by vite.config.js. Pages show an
 * action only when `can('createCampaign')`; the client refuses to send what the role may not call.
 */
import { session } from './session.js'

// eslint-disable-next-line no-undef
const RULES = __WHO_MAY_CALL__

export function rolesFor(kind, field) {
  return RULES[`${kind === 'mutation' ? 'Mutation' : kind === 'subscription' ? 'Subscription' : 'Query'}.${field}`] || []
}

/** May this role call this root field? (A mutation name, or 'Query.x' for a query.) */
export function roleMay(role, field) {
  const [kind, name] = field.includes('.') ? field.split('.') : ['Mutation', field]
  return rolesFor(kind.toLowerCase(), name).includes(role)
}

/** May the signed-in staff member call this root field? */
export function can(field) {
  return !!session.staff && roleMay(session.staff.role, field)
}
