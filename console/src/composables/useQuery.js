import { ref, shallowRef, watch, unref } from 'vue'
import { gql } from '../api/client.js'

/**
 * Runs a query now and again whenever its variables change (pass a ref, a computed or a function,
 * e.g. of route.query, so a shared URL shows the same page). Answers that arrive after newer
 * variables are dropped. `enabled` (ref or function) holds the query back, e.g. until a member is chosen.
 * @returns {{ data, loading, error, refetch }} data keeps the last answer while a new one loads
 */
export function useQuery(document, variables = () => ({}), { enabled = () => true } = {}) {
  const data = shallowRef(null)
  const loading = ref(false)
  const error = ref(null)
  let latest = 0
  const read = source => (typeof source === 'function' ? source() : unref(source))

  async function refetch() {
    if (!read(enabled)) { loading.value = false; return }
    const ticket = ++latest
    loading.value = true
    error.value = null
    try {
      const answer = await gql(document, read(variables))
      if (ticket === latest) data.value = answer
    } catch (e) {
      if (ticket === latest) error.value = e
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  watch(() => [JSON.stringify(read(variables)), read(enabled)], refetch, { immediate: true })
  return { data, loading, error, refetch }
}

