import { gql } from '../api/documents.js'

const EVENT_FIELDS = `
  id storeId store { id name } title description pictureUrl startsAt endsAt capacity minTierLevel tagIds
  signUpOpensAt signUpClosesAt points cancelDeadline status version placesTaken placesLeft signUpOpen
  createdAt updatedAt cancelledAt cancelReason`

const STATS = 'stats { signedUp waiting cancelled attended noShows pointsAwarded }'

/** The events list with each event's numbers (sign-ups, waiting list, attended, no-shows, points). */
export const MEMBER_EVENTS = gql`
  query ConsoleMemberEvents($filter: MemberEventFilter, $after: String) {
    memberEvents(filter: $filter, first: 20, after: $after) {
      totalCount
      statusCounts { status count }
      pageInfo { hasNextPage endCursor }
      edges { node { id title store { id name } startsAt endsAt capacity points status placesTaken ${STATS} } }
    }
  }`

/** One event with its numbers and its sign-ups (places first, then the waiting list in order). */
export const MEMBER_EVENT = gql`
  query ConsoleMemberEvent($id: ID!, $status: EventSignUpStatus, $after: String) {
    memberEvent(id: $id) {
      ${EVENT_FIELDS}
      ${STATS}
      signUps(status: $status, first: 50, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id memberId member { id nickname } status waitingPosition points signedUpAt attendedAt pointsAwarded } }
      }
    }
  }`

/** The event form's choices: tiers and tags. */
export const EVENT_FORM_OPTIONS = gql`
  query ConsoleEventFormOptions {
    tiers { level name }
    tags(first: 100) { edges { node { id name } } }
  }`

const PAYLOAD = `event { ${EVENT_FIELDS} } userErrors { field code message }`

export const CREATE_MEMBER_EVENT = gql`
  mutation ConsoleCreateMemberEvent($input: CreateMemberEventInput!) {
    createMemberEvent(input: $input) { ${PAYLOAD} }
  }`

export const UPDATE_MEMBER_EVENT = gql`
  mutation ConsoleUpdateMemberEvent($input: UpdateMemberEventInput!) {
    updateMemberEvent(input: $input) { ${PAYLOAD} }
  }`

export const PUBLISH_MEMBER_EVENT = gql`
  mutation ConsolePublishMemberEvent($input: MemberEventActionInput!) {
    publishMemberEvent(input: $input) { ${PAYLOAD} }
  }`

export const PAUSE_MEMBER_EVENT = gql`
  mutation ConsolePauseMemberEvent($input: MemberEventActionInput!) {
    pauseMemberEvent(input: $input) { ${PAYLOAD} }
  }`

export const RESUME_MEMBER_EVENT = gql`
  mutation ConsoleResumeMemberEvent($input: MemberEventActionInput!) {
    resumeMemberEvent(input: $input) { ${PAYLOAD} }
  }`

export const CANCEL_MEMBER_EVENT = gql`
  mutation ConsoleCancelMemberEvent($input: MemberEventActionInput!) {
    cancelMemberEvent(input: $input) { ${PAYLOAD} }
  }`
