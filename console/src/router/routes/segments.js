/** Segments (RFM, quadrants, lifecycle) and the brand's tags. */
export default [
  {
    path: '/segments',
    name: 'segments',
    file: 'segments/SegmentOverview.vue',
    // memberSegments: STORE_MANAGER MARKETER ADMIN
    meta: { title: '会员分群', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'], menu: { section: 'members', order: 20 } }
  },
  {
    path: '/tags',
    name: 'tags',
    file: 'segments/TagList.vue',
    // tags: STAFF MARKETER; createTag / updateTag / deleteTag: MARKETER ADMIN
    meta: { title: '会员标签', roles: ['CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN'], menu: { section: 'members', order: 30 } }
  }
]
