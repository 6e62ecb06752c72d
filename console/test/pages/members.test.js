import { describe, test, expect } from 'vitest'
import MemberList from '../../src/pages/members/MemberList.vue'
import { mountPage, settle } from '../support/mount.js'
import { row, connection, tiers, tagOptions } from './members-fixtures.js'

const common = {
  ConsoleMemberFilterTiers: tiers,
  ConsoleMemberTagOptions: tagOptions,
  ConsoleMemberListSavedFilters: { savedMemberFilters: connection([
    { id: '8', name: '沉睡的金卡', memberCount: 12, filter: { tags: null, tiers: [2], stages: ['DORMANT'], rfmSegments: null, quadrants: null,
      lastPurchaseBefore: null, lastPurchaseAfter: null, registeredAfter: null, registeredBefore: null, storeId: null, birthdayMonth: null } }
  ]) }
}
const selectWithPlaceholder = (wrapper, text) => wrapper.findAllComponents({ name: 'ElSelect' }).find(c => c.props('placeholder') === text)
const call = (calls, name) => calls.filter(c => c.operationName === name)

describe('member list', () => {
  test('a store manager types a phone number and finds the member, linked to their profile', async () => {
    const { wrapper, router, calls } = await mountPage(MemberList, {
      role: 'STORE_MANAGER', path: '/members',
      answers: { ...common, ConsoleFilterMembers: { members: connection([]) }, ConsoleFindMembers: { findMembers: connection([row('7')]) } }
    })
    await wrapper.find('input[data-test=member-search]').setValue('138 0000 0001')
    await wrapper.find('[data-test=member-search-button]').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.q).toBe('138 0000 0001')
    expect(call(calls, 'ConsoleFindMembers')[0].variables.search).toEqual({ phone: '138 0000 0001' })
    const text = wrapper.text()
    expect(text).toContain('按手机号查找“138 0000 0001”')
    expect(text).toContain('小爱')
    expect(text).toContain('138****0001')
    expect(text).toContain('银卡')
    expect(text).toContain('重要价值客户')
    expect(text).toContain('共 1 条')
    expect(wrapper.find('a.member-link').attributes('href')).toContain('/members/7')
  })

  test('18 digits are searched as a member code, and the search comes from the URL', async () => {
    const { calls, wrapper } = await mountPage(MemberList, {
      path: '/members?q=800123456789012345', answers: { ...common, ConsoleFindMembers: { findMembers: connection([row('7')]) } }
    })
    expect(call(calls, 'ConsoleFindMembers')[0].variables.search).toEqual({ code: '800123456789012345' })
    expect(call(calls, 'ConsoleFilterMembers')).toHaveLength(0)
    expect(wrapper.text()).toContain('按会员码查找')
  })

  test('a chosen search kind overrides the guess: digits searched as a nickname', async () => {
    const { calls } = await mountPage(MemberList, {
      path: '/members?q=13800000001&by=nickname', answers: { ...common, ConsoleFindMembers: { findMembers: connection([]) } }
    })
    expect(call(calls, 'ConsoleFindMembers')[0].variables.search).toEqual({ nickname: '13800000001' })
  })

  test('filters in the URL (a segment cell links here) list the matching members', async () => {
    const { calls, wrapper } = await mountPage(MemberList, {
      role: 'MARKETER', path: '/members?stages=DORMANT,CHURNED&tiers=2&birthdayMonth=5',
      answers: { ...common, ConsoleFilterMembers: { members: connection([row('9', { lifecycle: { stage: 'DORMANT' } })], { total: 41, hasNextPage: true }) } }
    })
    expect(call(calls, 'ConsoleFilterMembers')[0].variables.filter).toEqual({ stages: ['DORMANT', 'CHURNED'], tiers: [2], birthdayMonth: 5 })
    expect(wrapper.text()).toContain('沉睡')
    expect(wrapper.text()).toContain('共 41 条')
  })

  test('nobody found shows the empty state and says staff only find their store\'s members', async () => {
    const { wrapper } = await mountPage(MemberList, {
      role: 'CLERK', path: '/members?q=13900000009', answers: { ...common, ConsoleFindMembers: { findMembers: connection([]) } }
    })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有找到这位会员')
  })

  test('a search the API cannot run shows its message', async () => {
    const { wrapper } = await mountPage(MemberList, {
      path: '/members?q=12345&by=phone',
      answers: { ...common, ConsoleFindMembers: { errors: [{ message: '手机号应为 11 位数字', extensions: { code: 'INVALID_INPUT', classification: 'BAD_REQUEST' } }] } }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('手机号应为 11 位数字')
  })

  test('a clerk gets no saved filters: the list neither asks for them nor offers to save', async () => {
    const { wrapper, calls } = await mountPage(MemberList, {
      role: 'CLERK', path: '/members?stages=NEW', answers: { ...common, ConsoleFilterMembers: { members: connection([row('7')]) } }
    })
    expect(call(calls, 'ConsoleMemberListSavedFilters')).toHaveLength(0)
    expect(wrapper.text()).not.toContain('保存筛选')
    expect(selectWithPlaceholder(wrapper, '已保存的筛选')).toBeUndefined()
  })

  test('a marketer picks a saved filter and its conditions go into the URL', async () => {
    const { wrapper, router, calls } = await mountPage(MemberList, {
      role: 'MARKETER', path: '/members?stages=NEW', answers: { ...common, ConsoleFilterMembers: { members: connection([row('7')]) } }
    })
    expect(wrapper.text()).toContain('保存筛选')
    const picker = selectWithPlaceholder(wrapper, '已保存的筛选')
    picker.vm.$emit('update:modelValue', '8')
    await settle()
    expect(router.currentRoute.value.query).toEqual({ tiers: '2', stages: 'DORMANT', saved: '8' })
    expect(call(calls, 'ConsoleFilterMembers').at(-1).variables.filter).toEqual({ tiers: [2], stages: ['DORMANT'] })
    expect(picker.text()).toContain('沉睡的金卡（12 人）')
  })

  test('a failed list says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(MemberList, {
      path: '/members',
      answers: { ...common, ConsoleFilterMembers: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : { members: connection([row('7')]) }) }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('小爱')
  })
})
