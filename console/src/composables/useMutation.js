import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { mutate } from '../api/client.js'
import { messageOf } from '../api/errors.js'

/**
 * A mutation a page runs on a click: `run(variables)` answers the payload, or null after showing the
 * error (userErrors in Chinese, as the API words them). `running` disables the button meanwhile;
 * `error` keeps the last failure for forms that show it next to the fields.
 */
export function useMutation(document, { success } = {}) {
  const running = ref(false)
  const error = ref(null)

  async function run(variables) {
    running.value = true
    error.value = null
    try {
      const payload = await mutate(document, variables)
      if (success) ElMessage.success(success)
      return payload
    } catch (e) {
      error.value = e
      ElMessage.error(messageOf(e))
      return null
    } finally {
      running.value = false
    }
  }

  return { run, running, error }
}
