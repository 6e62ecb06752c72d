/**
 * Who may read the member-page tabs whose Member fields the API guards by role (see each field's
 * docstring in schema/): check-ins as the member query (staff and marketers), consents store
 * managers, marketers and admins (clerks get FORBIDDEN), the campaigns a member was in the readers
 * of `campaign`. can() covers root fields only; these are nested under member(id:).
 */
import { session } from '../../api/session.js'
import { roleMay } from '../../api/permissions.js'

const READERS = {
  checkIns: role => roleMay(role, 'Query.member'),
  consents: role => ['STORE_MANAGER', 'MARKETER', 'ADMIN'].includes(role),
  campaigns: role => roleMay(role, 'Query.campaign'),
  eventSignUps: role => roleMay(role, 'Query.member')
}

/** May the signed-in staff member read this Member field ('checkIns', 'consents', 'campaigns', 'eventSignUps')? */
export function mayRead(field) {
  return !!session.staff && READERS[field](session.staff.role)
}
