import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * A filter kept in the URL's query string, so the page can be shared and reloaded as it is:
 * `const status = useRouteQuery('status', 'RUNNING')`. Setting it replaces the URL (no new history
 * entry); the default is left out of the URL. `number: true` reads it as a number.
 */
export function useRouteQuery(name, fallback = '', { number = false } = {}) {
  const route = useRoute()
  const router = useRouter()
  return computed({
    get() {
      const value = route.query[name]
      if (value === undefined || value === null || value === '') return fallback
      return number ? Number(value) : String(value)
    },
    set(value) {
      const query = { ...route.query }
      if (value === fallback || value === '' || value === null || value === undefined) delete query[name]
      else query[name] = String(value)
      if (name !== 'after') delete query.after
      router.replace({ query })
    }
  })
}
