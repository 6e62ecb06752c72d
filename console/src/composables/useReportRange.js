import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useRouteQuery } from './useRouteQuery.js'
import { today } from '../format.js'

/**
 * A report's period and store from the URL (from, to, granularity, storeId; by default the last 30
 * days by day, the whole brand), and `range`: the AnalyticsRange to send. `setDates(from, to)`
 * changes both ends in one URL change.
 */
export function useReportRange({ days = 30, granularity: fallback = 'DAY' } = {}) {
  const route = useRoute()
  const router = useRouter()
  const defaultFrom = today(-(days - 1))
  const defaultTo = today()
  const from = computed(() => String(route.query.from || defaultFrom))
  const to = computed(() => String(route.query.to || defaultTo))
  const granularity = useRouteQuery('granularity', fallback)
  const storeId = useRouteQuery('storeId')

  function setDates(start, end) {
    const query = { ...route.query, from: start, to: end }
    router.replace({ query })
  }

  const range = computed(() => ({
    from: from.value,
    to: to.value,
    granularity: granularity.value,
    storeId: storeId.value || null
  }))
  return { from, to, granularity, storeId, setDates, range }
}
