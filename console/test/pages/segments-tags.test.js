import { describe, test, expect } from 'vitest'
import TagList from '../../src/pages/segments/TagList.vue'
import { mountPage, settle } from '../support/mount.js'

const vip = { id: '1', name: 'VIP', kind: 'MANUAL', memberCount: 9, rule: null }
const toys = { id: '2', name: '玩具常客', kind: 'RULE', memberCount: 14,
  rule: { conditions: [{ kind: 'CATEGORY_PURCHASES', category: '儿童玩具', minCount: 3, minCents: null, withinDays: 90, days: null }] } }
const big = { id: '3', name: '活跃高消费', kind: 'RULE', memberCount: 5,
  rule: { conditions: [{ kind: 'PURCHASE_COUNT', category: null, minCount: 2, minCents: null, withinDays: 30, days: null },
    { kind: 'TOTAL_SPEND', category: null, minCount: null, minCents: 100000, withinDays: 30, days: null }] } }
const list = (nodes) => ({ tags: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ cursor: node.id, node })) } })
const calls = (all, name) => all.filter(c => c.operationName === name)
const body = () => document.body.textContent

async function setNumber(wrapper, label, value, index = 0) {
  const input = wrapper.findAll(`input[aria-label=${label}]`)[index]
  await input.setValue(String(value))
  await input.trigger('change')
}

describe('tags', () => {
  test('tags show their kind, their rule in words and their members, linked to the list', async () => {
    const { wrapper } = await mountPage(TagList, { role: 'CLERK', path: '/tags', answers: { ConsoleTagList: list([vip, toys, big]) } })
    const text = wrapper.find('[data-test=tag-table]').text()
    expect(text).toContain('手动标签')
    expect(text).toContain('90 天内购买「儿童玩具」至少 3 单')
    expect(text).toContain('30 天内至少消费 2 单，且30 天内累计消费不低于 ¥1,000.00')
    expect(wrapper.find('[data-tag=玩具常客]').text()).toBe('14')
    expect(wrapper.find('[data-tag=玩具常客]').attributes('href')).toContain('/members?tags=2')
  })

  test('the kind and the search come from the URL', async () => {
    const { calls: all } = await mountPage(TagList, { role: 'MARKETER', path: '/tags?kind=RULE&search=玩具', answers: { ConsoleTagList: list([toys]) } })
    expect(calls(all, 'ConsoleTagList')[0].variables).toEqual({ kind: 'RULE', search: '玩具', after: null })
  })

  test('store managers and clerks read tags but cannot create, edit or delete them', async () => {
    for (const role of ['STORE_MANAGER', 'CLERK']) {
      const { wrapper } = await mountPage(TagList, { role, path: '/tags', answers: { ConsoleTagList: list([vip, toys]) } })
      expect(wrapper.find('[data-test=tag-create]').exists()).toBe(false)
      expect(wrapper.text()).not.toContain('编辑')
      expect(wrapper.text()).not.toContain('删除')
      wrapper.unmount()
    }
  })

  test('a marketer creates a rule tag and is told how many members it has', async () => {
    let created = false
    const made = { id: '4', name: '常来的', kind: 'RULE', memberCount: 23, rule: { conditions: [{ kind: 'PURCHASE_COUNT', category: null, minCount: 2, minCents: null, withinDays: 30, days: null }] } }
    const { wrapper, calls: all } = await mountPage(TagList, {
      role: 'MARKETER', path: '/tags',
      answers: {
        ConsoleTagList: () => list(created ? [made, vip] : [vip]),
        ConsoleCreateTag: () => { created = true; return { createTag: { tag: made, userErrors: [] } } }
      }
    })
    await wrapper.find('[data-test=tag-create]').trigger('click')
    await settle()
    await wrapper.find('input[data-test=tag-name]').setValue('常来的')
    await setNumber(wrapper, '天数', 30)
    await setNumber(wrapper, '单数', 2)
    await wrapper.find('[data-test=tag-save]').trigger('click')
    await settle()
    expect(calls(all, 'ConsoleCreateTag')[0].variables).toEqual({
      input: { name: '常来的', rule: { conditions: [{ kind: 'PURCHASE_COUNT', minCount: 2, withinDays: 30 }] } }
    })
    expect(body()).toContain('已创建标签“常来的”，当前 23 位会员')
    expect(wrapper.find('[data-tag=常来的]').text()).toBe('23')
  })

  test('a manual tag is created without a rule', async () => {
    const { wrapper, calls: all } = await mountPage(TagList, {
      role: 'ADMIN', path: '/tags',
      answers: { ConsoleTagList: list([]), ConsoleCreateTag: { createTag: { tag: { ...vip, id: '5', name: '投诉过', memberCount: 0 }, userErrors: [] } } }
    })
    await wrapper.find('[data-test=tag-create]').trigger('click')
    await settle()
    await wrapper.find('input[data-test=tag-name]').setValue('投诉过')
    await wrapper.findAll('.el-radio-button').find(b => b.text() === '手动标签').find('input').setValue(true)
    await wrapper.find('[data-test=tag-save]').trigger('click')
    await settle()
    expect(calls(all, 'ConsoleCreateTag')[0].variables).toEqual({ input: { name: '投诉过', rule: null } })
  })

  test('editing a rule tag keeps its amounts in cents and sends the new name', async () => {
    const { wrapper, calls: all } = await mountPage(TagList, {
      role: 'MARKETER', path: '/tags',
      answers: { ConsoleTagList: list([big]), ConsoleUpdateTag: { updateTag: { tag: { ...big, name: '高消费常客' }, userErrors: [] } } }
    })
    await wrapper.findAll('button').find(b => b.text() === '编辑').trigger('click')
    await settle()
    expect(wrapper.find('input[data-test=tag-name]').element.value).toBe('活跃高消费')
    await wrapper.find('input[data-test=tag-name]').setValue('高消费常客')
    await setNumber(wrapper, '金额（元）', 1500)
    await wrapper.find('[data-test=tag-save]').trigger('click')
    await settle()
    expect(calls(all, 'ConsoleUpdateTag')[0].variables).toEqual({ input: { tagId: '3', name: '高消费常客', rule: { conditions: [
      { kind: 'PURCHASE_COUNT', minCount: 2, withinDays: 30 }, { kind: 'TOTAL_SPEND', minCents: 150000, withinDays: 30 }] } } })
  })

  test('a condition the API refuses is named by its number', async () => {
    const { wrapper } = await mountPage(TagList, {
      role: 'MARKETER', path: '/tags',
      answers: { ConsoleTagList: list([]), ConsoleCreateTag: { createTag: { tag: null, userErrors: [
        { field: ['input', 'rule', 'conditions', '0', 'withinDays'], code: 'INVALID_INPUT', message: '天数应为 1 到 3660' }] } } }
    })
    await wrapper.find('[data-test=tag-create]').trigger('click')
    await settle()
    await wrapper.find('input[data-test=tag-name]').setValue('坏规则')
    await wrapper.find('[data-test=tag-save]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test=tag-problem]').text()).toContain('第 1 个条件：天数应为 1 到 3660')
  })

  test('deleting asks first, saying how many members lose the tag', async () => {
    let deleted = false
    const { wrapper, calls: all } = await mountPage(TagList, {
      role: 'ADMIN', path: '/tags',
      answers: { ConsoleTagList: () => list(deleted ? [] : [toys]), ConsoleDeleteTag: () => { deleted = true; return { deleteTag: { deletedTagId: '2', userErrors: [] } } } }
    })
    await wrapper.findAll('button').find(b => b.text() === '删除').trigger('click')
    await settle()
    expect(body()).toContain('删除后 14 位会员都会失去标签“玩具常客”')
    ;[...document.querySelectorAll('.el-message-box button')].find(b => b.textContent.trim() === '删除').click()
    await settle()
    expect(calls(all, 'ConsoleDeleteTag')[0].variables).toEqual({ input: { tagId: '2' } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有标签')
  })

  test('no tag matching the search shows the empty state; a failed load retries', async () => {
    const empty = await mountPage(TagList, { role: 'CLERK', path: '/tags?search=无', answers: { ConsoleTagList: list([]) } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的标签')
    empty.wrapper.unmount()
    let fail = true
    const { wrapper } = await mountPage(TagList, {
      role: 'CLERK', path: '/tags', answers: { ConsoleTagList: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : list([vip])) }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('VIP')
  })
})
