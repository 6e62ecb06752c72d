/** Members: the list with search and filters, and one member's 360° profile. */
const MEMBER_READERS = ['CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN'] // findMembers, members, member: STAFF MARKETER

export default [
  {
    path: '/members',
    name: 'members',
    file: 'members/MemberList.vue',
    meta: { title: '会员查询', roles: MEMBER_READERS, menu: { section: 'members', order: 10 } }
  },
  {
    path: '/members/:id',
    name: 'member',
    file: 'members/MemberDetail.vue',
    meta: { title: '会员详情', roles: MEMBER_READERS }
  }
]
