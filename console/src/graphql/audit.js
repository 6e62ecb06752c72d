import { gql } from '../api/documents.js'

export const STAFF_ACTIONS = gql`
  query ConsoleStaffActions($staffId: ID, $memberId: ID, $action: String, $subject: String, $subjectId: ID, $clientId: ID, $after: String) {
    staffActions(staffId: $staffId, memberId: $memberId, action: $action, subject: $subject, subjectId: $subjectId, clientId: $clientId, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id at staffId staffUsername clientId clientName bySystem storeId action memberId detail subject subjectId before after } }
    }
  }`
