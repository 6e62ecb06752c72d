import { computed } from 'vue'
import { ElMessageBox } from 'element-plus'

/**
 * Life-cycle buttons of a detail page (launch or start, pause, resume, end): each asks to confirm
 * with its text and the object's name, then runs its mutation and calls `done` (a refetch) after
 * it went through. `actions`: { key: { mutation (useMutation), title, text, button } }; `name()` the
 * object's name, `variables()` the mutation's variables. `busy` is true while any of them runs.
 */
export function useConfirmedActions(actions, { name, variables, done }) {
  const busy = computed(() => Object.values(actions).some(a => a.mutation.running.value))

  async function act(key) {
    const action = actions[key]
    try {
      await ElMessageBox.confirm(`${action.text}确定${action.button}「${name()}」吗？`, action.title,
        { confirmButtonText: action.button, cancelButtonText: '取消', type: key === 'end' ? 'warning' : 'info' })
    } catch (e) { return }
    if (await action.mutation.run(variables())) done()
  }

  return { act, busy }
}
