/** Daily check-in: the month calendar, today's check-in and make-ups. */
const { gql } = require('../gql')

const CALENDAR_FIELDS = `
  month days makeUpDays checkedInToday currentStreak longestStreak
  todayReward tomorrowReward makeUpsLeft makeUpCost`

const CHECK_IN_CALENDAR = gql`
  query CheckInCalendar($month: String) {
    checkInCalendar(month: $month) { ${CALENDAR_FIELDS} }
  }`

const CHECK_IN = gql`
  mutation CheckIn {
    checkIn {
      checkIn { day streak points makeUp }
      calendar { ${CALENDAR_FIELDS} }
      userErrors { field message code }
    }
  }`

const MAKE_UP_CHECK_IN = gql`
  mutation MakeUpCheckIn($input: MakeUpCheckInInput!) {
    makeUpCheckIn(input: $input) {
      checkIn { day streak points makeUp }
      calendar { ${CALENDAR_FIELDS} }
      userErrors { field message code }
    }
  }`

module.exports = { CHECK_IN_CALENDAR, CHECK_IN, MAKE_UP_CHECK_IN }
