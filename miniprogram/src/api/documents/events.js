/**
 * Member events (会员活动): the events for the member, one event with the member's sign-up, signing up
 * and cancelling, the member's own sign-ups; and for staff at the door (operation names start with
 * "Staff", run with {as: 'staff'}) the store's events and the check-in by scanning the member's code.
 */
const { gql } = require('../gql')

const EVENT_FIELDS = `
  id title description pictureUrl startsAt endsAt capacity points cancelDeadline status
  placesLeft signUpOpen signUpClosesAt store { id name }`

const SIGN_UP_FIELDS = `id eventId status waitingPosition points cancelDeadline signedUpAt attendedAt pointsAwarded`

const EVENTS_FOR_ME = gql`
  query EventsForMe($first: Int, $after: String) {
    eventsForMe(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${EVENT_FIELDS} mySignUp { ${SIGN_UP_FIELDS} } } }
    }
  }`

const MEMBER_EVENT = gql`
  query MemberEvent($id: ID!) {
    memberEvent(id: $id) { ${EVENT_FIELDS} mySignUp { ${SIGN_UP_FIELDS} } }
  }`

const MY_EVENT_SIGN_UPS = gql`
  query MyEventSignUps($first: Int, $after: String) {
    myEventSignUps(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${SIGN_UP_FIELDS} event { ${EVENT_FIELDS} } } }
    }
  }`

const SIGN_UP_FOR_EVENT = gql`
  mutation SignUpForEvent($input: SignUpForEventInput!) {
    signUpForEvent(input: $input) { signUp { ${SIGN_UP_FIELDS} } replayed userErrors { field message code } }
  }`

const CANCEL_EVENT_SIGN_UP = gql`
  mutation CancelEventSignUp($input: CancelEventSignUpInput!) {
    cancelEventSignUp(input: $input) { signUp { ${SIGN_UP_FIELDS} } replayed userErrors { field message code } }
  }`

const STAFF_MEMBER_EVENTS = gql`
  query StaffMemberEvents($filter: MemberEventFilter) {
    memberEvents(filter: $filter, first: 50) {
      totalCount
      edges { node { id title startsAt endsAt capacity points status placesTaken store { id name } stats { signedUp attended } } }
    }
  }`

const STAFF_CHECK_IN_AT_EVENT = gql`
  mutation StaffCheckInAtEvent($input: CheckInAtEventInput!) {
    checkInAtEvent(input: $input) {
      signUp { id attendedAt pointsAwarded }
      member { id nickname }
      replayed
      userErrors { field message code }
    }
  }`

module.exports = {
  EVENTS_FOR_ME, MEMBER_EVENT, MY_EVENT_SIGN_UPS, SIGN_UP_FOR_EVENT, CANCEL_EVENT_SIGN_UP,
  STAFF_MEMBER_EVENTS, STAFF_CHECK_IN_AT_EVENT
}
