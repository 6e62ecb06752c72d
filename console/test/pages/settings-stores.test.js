import { describe, test, expect, afterEach } from 'vitest'
import StoreList from '../../src/pages/settings/StoreList.vue'
import { mountPage, settle } from '../support/mount.js'
import { connection, failure } from './settings-fixtures.js'
import { answerMessageBox, messageBoxText, dialogText, type, click, clearBody } from './settings-ui.js'

const store = (id, name, overrides = {}) => ({ id, name, address: `${name}地址`, phone: null, status: 'OPEN', closedAt: null, closeReason: null, ...overrides })
const list = (...stores) => connection('stores', stores)
const two = list(store('1', '徐汇店'), store('2', '静安店'), store('3', '浦东店', { status: 'CLOSED', closedAt: '2026-11-30T02:00:00Z', closeReason: '租约到期' }))
const buttons = (wrapper, row) => wrapper.findAll('.stores tbody tr')[row].findAll('button').map(b => b.text())

afterEach(clearBody)

// dialogs and Element Plus inputs make these slower than a plain page on a busy machine
describe('stores', { timeout: 20000 }, () => {
  test('an admin sees every store with its status and why a closed one closed, and may change them', async () => {
    const { wrapper } = await mountPage(StoreList, { path: '/stores', answers: { ConsoleStores: two } })
    const text = wrapper.find('.stores').text()
    expect(text).toContain('徐汇店')
    expect(text).toContain('营业中')
    expect(text).toContain('已关闭')
    expect(text).toContain('租约到期')
    expect(wrapper.text()).toContain('新增门店')
    expect(buttons(wrapper, 0)).toEqual(['小程序码', '编辑', '关闭'])
    expect(buttons(wrapper, 2)).toEqual(['编辑', '重新营业'])
  })

  test('a marketer reads the stores without any action', async () => {
    const { wrapper } = await mountPage(StoreList, { role: 'MARKETER', path: '/stores', answers: { ConsoleStores: two } })
    expect(wrapper.find('.stores').text()).toContain('静安店')
    expect(wrapper.text()).not.toContain('新增门店')
    expect(wrapper.findAll('.stores tbody button')).toHaveLength(0)
  })

  test('a store manager gets the mini-program code of their own store only', async () => {
    const { wrapper } = await mountPage(StoreList, { role: 'STORE_MANAGER', path: '/stores', answers: { ConsoleStores: two } })
    expect(buttons(wrapper, 0)).toEqual(['小程序码'])
    expect(buttons(wrapper, 1)).toEqual([])
  })

  test('the store\'s mini-program code is shown as its image', async () => {
    const { wrapper, calls } = await mountPage(StoreList, {
      path: '/stores',
      answers: { ConsoleStores: two, ConsoleStoreMiniProgramCode: { storeMiniProgramCode: { scene: 's=2', page: 'pages/card/index', imagePath: '/wxacode/abc.png' } } }
    })
    await wrapper.findAll('.stores tbody tr')[1].findAll('button').find(b => b.text() === '小程序码').trigger('click')
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleStoreMiniProgramCode').variables).toEqual({ storeId: '2' })
    const image = document.querySelector('.code-image')
    expect(image.getAttribute('src')).toBe('/wxacode/abc.png')
    expect(dialogText()).toContain('静安店 的小程序码')
  })

  test('filters come from the URL, and an empty result says no store matches', async () => {
    const { wrapper, calls } = await mountPage(StoreList, { path: '/stores?status=CLOSED&search=%E5%BE%90', answers: { ConsoleStores: list() } })
    expect(calls.find(c => c.operationName === 'ConsoleStores').variables).toMatchObject({ filter: { status: 'CLOSED', search: '徐' } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的门店')
  })

  test('an admin opens a store, and the list reloads with it', async () => {
    let created = false
    const { wrapper, calls } = await mountPage(StoreList, {
      path: '/stores',
      answers: {
        ConsoleStores: () => (created ? list(store('1', '徐汇店'), store('9', '长宁店')) : list(store('1', '徐汇店'))),
        ConsoleCreateStore: vars => { created = true; return { createStore: { store: store('9', vars.input.name), userErrors: [] } } }
      }
    })
    await click('新增门店')
    await type('[data-test=store-name]', '长宁店')
    await type('[data-test=store-address]', '长宁路 1 号')
    await click('保存', document.querySelector('.el-dialog'))
    expect(calls.find(c => c.operationName === 'ConsoleCreateStore').variables).toEqual({ input: { name: '长宁店', address: '长宁路 1 号' } })
    expect(wrapper.find('.stores').text()).toContain('长宁店')
  })

  test('a taken name is refused with the API\'s words and the dialog stays open', async () => {
    const { calls } = await mountPage(StoreList, {
      path: '/stores',
      answers: { ConsoleStores: two, ConsoleUpdateStore: { updateStore: { store: null, userErrors: [{ field: ['input', 'name'], code: 'STORE_NAME_TAKEN', message: '已有同名门店' }] } } }
    })
    await click('编辑', document.querySelector('.stores tbody tr'))
    await type('[data-test=store-name]', '静安店')
    await click('保存', document.querySelector('.el-dialog'))
    expect(calls.find(c => c.operationName === 'ConsoleUpdateStore').variables.input).toMatchObject({ storeId: '1', name: '静安店' })
    expect(document.body.textContent).toContain('已有同名门店')
    expect(dialogText()).toContain('编辑门店：徐汇店')
  })

  test('an admin closes a store with a reason', async () => {
    const { calls } = await mountPage(StoreList, {
      path: '/stores',
      answers: { ConsoleStores: two, ConsoleCloseStore: { closeStore: { store: store('2', '静安店', { status: 'CLOSED' }), userErrors: [] } } }
    })
    await click('关闭', document.querySelectorAll('.stores tbody tr')[1])
    expect(messageBoxText()).toContain('关闭后「静安店」的收银台不能再记录消费')
    await answerMessageBox({ input: '装修' })
    expect(calls.find(c => c.operationName === 'ConsoleCloseStore').variables).toEqual({ input: { storeId: '2', reason: '装修' } })
  })

  test('a failed load says so', async () => {
    const { wrapper } = await mountPage(StoreList, { path: '/stores', answers: { ConsoleStores: failure } })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})
