import { computed } from 'vue'

/**
 * A create/edit dialog's errors from the API's last refusal (`failure`, a ref to the error useMutation
 * keeps): fieldError('name') is the message of the userError on that input field (its last path part),
 * generalError the message when no userError names a field (shown above the buttons).
 */
export function useFormErrors(failure) {
  function fieldError(name) {
    const e = failure.value
    const hit = e && (e.userErrors || []).find(u => (u.field || [])[u.field.length - 1] === name)
    return hit ? hit.message : ''
  }
  const generalError = computed(() => {
    const e = failure.value
    return e && !(e.userErrors || []).some(u => (u.field || []).length) ? e.message : ''
  })
  return { fieldError, generalError }
}
