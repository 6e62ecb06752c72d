/**
 * Steps the settings pages' tests share: Element Plus message boxes and dialogs render into
 * document.body (outside the page's wrapper), so they are read and clicked there.
 */
import { settle } from '../support/mount.js'

/** The text of the open message box (confirm or prompt). */
export function messageBoxText() {
  const box = document.querySelector('.el-message-box')
  return box ? box.textContent : ''
}

/** Types into the open prompt and presses its confirm button (or cancel). */
export async function answerMessageBox({ input, confirm = true } = {}) {
  await settle()
  if (input !== undefined) {
    const field = document.querySelector('.el-message-box__input input, .el-message-box__input textarea')
    field.value = input
    field.dispatchEvent(new Event('input'))
    await settle()
  }
  const buttons = [...document.querySelectorAll('.el-message-box__btns button')]
  const button = confirm ? buttons.find(b => b.classList.contains('el-button--primary')) : buttons.find(b => !b.classList.contains('el-button--primary'))
  button.click()
  await settle()
}

/** The visible dialogs' text, joined. */
export function dialogText() {
  return [...document.querySelectorAll('.el-dialog, .el-drawer')].map(d => d.textContent).join('\n')
}

/** A button anywhere on the page or in an open dialog, by its text. */
export function buttonNamed(name, root = document.body) {
  const button = [...root.querySelectorAll('button')].find(b => b.textContent.trim() === name && !b.closest('[style*="display: none"]'))
  if (!button) throw new Error(`no button ${name}`)
  return button
}

export async function click(name, root) {
  buttonNamed(name, root).click()
  await settle()
}

/** Sets an input (a data-test wrapper's input, or the input itself) as a person typing would. */
export async function type(selector, value) {
  const found = document.querySelector(selector)
  const input = found.matches('input, textarea') ? found : found.querySelector('input, textarea')
  input.value = value
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
  await settle()
}

/** Removes what a previous test left in document.body (dialogs, message boxes). */
export function clearBody() {
  document.body.innerHTML = ''
}
