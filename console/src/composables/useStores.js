import { shallowRef } from 'vue'
import { gql } from '../api/client.js'
import { STORE_NAMES } from '../graphql/session.js'

const stores = shallowRef([])
let loading = null

/** The brand's stores ({ id, name, status }), loaded once per sign-in and shared by every picker. */
export function useStores() {
  if (!loading) {
    loading = gql(STORE_NAMES)
      .then(data => { stores.value = data.stores.edges.map(e => e.node) })
      .catch(e => { loading = null; throw e })
  }
  return { stores, ready: loading, nameOf: id => (stores.value.find(s => s.id === id) || {}).name || id }
}

/** Forget the stores (after sign-out, or when an admin added one). */
export function resetStores() {
  loading = null
  stores.value = []
}
