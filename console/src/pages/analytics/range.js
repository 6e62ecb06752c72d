/**
 * The filters every analytics page keeps in its URL: the business days (`from`, `to`, both
 * YYYY-MM-DD), the period size (`by`: DAY, WEEK, MONTH) and the store (`store`; a store manager's
 * is always their own). Left out of the URL, the range is the last `days` days up to today, so a
 * shared link without dates keeps showing the latest numbers.
 */
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useRouteQuery } from '../../composables/useRouteQuery.js'
import { session } from '../../api/session.js'
import { today } from '../../format.js'

export const GRANULARITIES = [
  { value: 'DAY', label: '按日' },
  { value: 'WEEK', label: '按周' },
  { value: 'MONTH', label: '按月' }
]

const pad = n => String(n).padStart(2, '0')
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`

/** [first, last] day of the month `offset` months from the current one (business time), as YYYY-MM-DD. */
export function monthRange(offset = 0) {
  const [y, m] = today().split('-').map(Number)
  const first = new Date(Date.UTC(y, m - 1 + offset, 1))
  const last = new Date(Date.UTC(y, m + offset, 0))
  const end = offset === 0 ? today() : iso(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate())
  return [iso(first.getUTCFullYear(), first.getUTCMonth() + 1, 1), end]
}

/** The date picker's shortcuts; the picker wants Dates (local midnight), value-format turns them back into days. */
const asDate = day => { const [y, m, d] = day.split('-').map(Number); return new Date(y, m - 1, d) }
export const SHORTCUTS = [
  { text: '近7天', value: () => [asDate(today(-6)), asDate(today())] },
  { text: '近30天', value: () => [asDate(today(-29)), asDate(today())] },
  { text: '本月', value: () => monthRange(0).map(asDate) },
  { text: '上月', value: () => monthRange(-1).map(asDate) }
]

/** The signed-in store manager's store, or null (marketers and admins choose). */
export function ownStore() {
  return (session.staff && session.staff.storeId) || null
}

export function useAnalyticsRange({ days = 30, granularity = 'DAY' } = {}) {
  const route = useRoute()
  const router = useRouter()
  const from = useRouteQuery('from')
  const to = useRouteQuery('to')
  const by = useRouteQuery('by', granularity)
  const store = useRouteQuery('store')

  /** [from, to] for the date picker; setting it writes both to the URL at once (null: back to the default). */
  const dates = computed({
    get: () => [from.value || today(-(days - 1)), to.value || today()],
    set(value) {
      const query = { ...route.query }
      if (value && value[0] && value[1]) { query.from = value[0]; query.to = value[1] } else { delete query.from; delete query.to }
      router.replace({ query })
    }
  })

  /** The AnalyticsRange of the API. */
  const range = computed(() => ({
    from: dates.value[0],
    to: dates.value[1],
    granularity: by.value,
    storeId: ownStore() || store.value || null
  }))
  const storeId = computed(() => range.value.storeId)

  return { dates, by, store, range, storeId }
}
