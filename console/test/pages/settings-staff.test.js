import { describe, test, expect, afterEach, vi } from 'vitest'
import StaffAccounts from '../../src/pages/settings/StaffAccounts.vue'
import { mountPage, settle } from '../support/mount.js'
import { connection, failure } from './settings-fixtures.js'
import { answerMessageBox, messageBoxText, dialogText, type, click, clearBody } from './settings-ui.js'

const staff = (id, username, role, storeId, overrides = {}) => ({ id, username, displayName: null, role, storeId, enabled: true, mustChangePassword: false, ...overrides })
const accounts = (...nodes) => connection('staffAccounts', nodes)
const store1 = accounts(
  staff('12', 'manager-a', 'STORE_MANAGER', '1', { displayName: '店长老王' }),
  staff('21', 'clerk-li', 'CLERK', '1', { displayName: '小李' }),
  staff('22', 'clerk-off', 'CLERK', '1', { enabled: false, mustChangePassword: true })
)
const brand = accounts(
  staff('14', 'admin', 'ADMIN', null),
  staff('13', 'marketer', 'MARKETER', null),
  staff('21', 'clerk-li', 'CLERK', '1', { displayName: '小李' }),
  staff('31', 'clerk-jingan', 'CLERK', '2')
)
const actions = (row) => [...document.querySelectorAll('.staff tbody tr')[row].querySelectorAll('button')].map(b => b.textContent.trim())
const rowOf = username => [...document.querySelectorAll('.staff tbody tr')].find(tr => tr.textContent.includes(username))

afterEach(clearBody)

// dialogs and Element Plus inputs make these slower than a plain page on a busy machine
describe('staff accounts', { timeout: 20000 }, () => {
  test('a store manager sees only their store\'s staff and manages the clerks, not themself or other managers', async () => {
    const { wrapper, calls } = await mountPage(StaffAccounts, { role: 'STORE_MANAGER', path: '/staff?storeId=2', answers: { ConsoleStaffAccounts: store1 } })
    expect(calls.find(c => c.operationName === 'ConsoleStaffAccounts').variables.filter.storeId).toBe('1')
    const text = wrapper.find('.staff').text()
    expect(text).toContain('店长老王')
    expect(text).toContain('徐汇店')
    expect(text).toContain('已停用')
    expect(text).toContain('待改密码')
    expect(actions(0)).toEqual([])
    expect(actions(1)).toEqual(['停用', '重置密码'])
    expect(actions(2)).toEqual(['启用', '重置密码'])
  })

  test('an admin manages everyone but themself; edit and move are the admin\'s', async () => {
    await mountPage(StaffAccounts, { path: '/staff', answers: { ConsoleStaffAccounts: brand } })
    expect(actions(0)).toEqual([])
    expect(actions(1)).toEqual(['编辑', '停用', '重置密码'])
    expect(actions(2)).toEqual(['编辑', '调店', '停用', '重置密码'])
    expect(rowOf('marketer').textContent).toContain('品牌')
  })

  test('filters come from the URL, so a shared link shows the same list', async () => {
    const { calls, wrapper } = await mountPage(StaffAccounts, { path: '/staff?storeId=2&role=CLERK&enabled=false&search=li', answers: { ConsoleStaffAccounts: accounts() } })
    expect(calls.find(c => c.operationName === 'ConsoleStaffAccounts').variables.filter).toEqual({ storeId: '2', role: 'CLERK', enabled: false, search: 'li' })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的员工')
  })

  test('a reset shows the temporary password once, with a copy button', async () => {
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { calls } = await mountPage(StaffAccounts, {
      role: 'STORE_MANAGER',
      path: '/staff',
      answers: {
        ConsoleStaffAccounts: store1,
        ConsoleResetStaffPassword: { resetStaffPassword: { temporaryPassword: 'Tmp-7xK2-9pQa', staff: staff('21', 'clerk-li', 'CLERK', '1', { mustChangePassword: true }), userErrors: [] } }
      }
    })
    await click('重置密码', rowOf('clerk-li'))
    expect(messageBoxText()).toContain('将为「小李」生成临时密码')
    await answerMessageBox()
    expect(calls.find(c => c.operationName === 'ConsoleResetStaffPassword').variables).toEqual({ input: { staffId: '21' } })
    expect(document.querySelector('[data-test=temporary-password]').textContent).toBe('Tmp-7xK2-9pQa')
    await click('复制', document.querySelector('.temporary'))
    expect(writeText).toHaveBeenCalledWith('Tmp-7xK2-9pQa')
    await click('我已记下')
    await settle()
    expect(document.body.textContent).not.toContain('Tmp-7xK2-9pQa')
  })

  test('a store manager hires a clerk at their own store', async () => {
    const { calls } = await mountPage(StaffAccounts, {
      role: 'STORE_MANAGER',
      path: '/staff',
      answers: { ConsoleStaffAccounts: store1, ConsoleCreateStaff: vars => ({ createStaff: { staff: staff('40', vars.input.username, 'CLERK', '1'), userErrors: [] } }) }
    })
    await click('新增员工')
    expect(dialogText()).toContain('徐汇店')
    await type('[data-test=new-username]', 'clerk-new')
    await type('[data-test=new-password]', 'first-password-1')
    await type('[data-test=new-display-name]', '小新')
    await click('创建', document.querySelector('.el-dialog'))
    expect(calls.find(c => c.operationName === 'ConsoleCreateStaff').variables).toEqual({
      input: { username: 'clerk-new', password: 'first-password-1', role: 'CLERK', displayName: '小新', storeId: null }
    })
  })

  test('an admin hires a store manager at a store they pick', async () => {
    const { calls } = await mountPage(StaffAccounts, {
      path: '/staff',
      answers: { ConsoleStaffAccounts: brand, ConsoleCreateStaff: vars => ({ createStaff: { staff: staff('41', vars.input.username, 'STORE_MANAGER', '2'), userErrors: [] } }) }
    })
    await click('新增员工')
    await type('[data-test=new-username]', 'manager-new')
    await type('[data-test=new-password]', 'first-password-1')
    const pick = async (selector, label) => {
      document.querySelector(selector).querySelector('.el-select__wrapper').click()
      await settle()
      ;[...document.querySelectorAll('.el-select-dropdown__item')].filter(o => o.textContent.trim() === label).pop().click()
      await settle()
    }
    await pick('[data-test=new-role]', '店长')
    await pick('[data-test=new-store]', '静安店')
    await click('创建', document.querySelector('.el-dialog'))
    expect(calls.find(c => c.operationName === 'ConsoleCreateStaff').variables.input).toMatchObject({ username: 'manager-new', role: 'STORE_MANAGER', storeId: '2' })
  })

  test('an admin disables an account after confirming', async () => {
    const { calls } = await mountPage(StaffAccounts, {
      path: '/staff',
      answers: { ConsoleStaffAccounts: brand, ConsoleSetStaffEnabled: { setStaffEnabled: { staff: staff('31', 'clerk-jingan', 'CLERK', '2', { enabled: false }), userErrors: [] } } }
    })
    await click('停用', rowOf('clerk-jingan'))
    expect(messageBoxText()).toContain('所有登录立即失效')
    await answerMessageBox()
    expect(calls.find(c => c.operationName === 'ConsoleSetStaffEnabled').variables).toEqual({ input: { staffId: '31', enabled: false } })
  })

  test('an admin moves a clerk to another store', async () => {
    const { calls } = await mountPage(StaffAccounts, {
      path: '/staff',
      answers: { ConsoleStaffAccounts: brand, ConsoleMoveStaff: { moveStaff: { staff: staff('21', 'clerk-li', 'CLERK', '2'), userErrors: [] } } }
    })
    await click('调店', rowOf('clerk-li'))
    expect(dialogText()).toContain('现在在 徐汇店')
    document.querySelector('.el-dialog .el-select').querySelector('.el-select__wrapper').click()
    await settle()
    // the toolbar's store picker has a 静安店 too; the dialog's list is the one opened last
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].filter(o => o.textContent.includes('静安店')).pop()
    option.click()
    await settle()
    await click('调店', [...document.querySelectorAll('.el-dialog')].find(d => d.textContent.includes('调店：')))
    expect(calls.find(c => c.operationName === 'ConsoleMoveStaff').variables).toEqual({ input: { staffId: '21', storeId: '2' } })
  })

  test('a failed load says so', async () => {
    const { wrapper } = await mountPage(StaffAccounts, { path: '/staff', answers: { ConsoleStaffAccounts: failure } })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})
