/** Campaigns: brand-wide; marketers and admins run them, store managers read them. */
export default [
  {
    path: '/campaigns',
    name: 'campaigns',
    file: 'campaigns/CampaignList.vue',
    meta: { title: '营销活动', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'], menu: { section: 'marketing', order: 10 } }
  },
  {
    path: '/campaigns/new',
    name: 'campaign-new',
    file: 'campaigns/CampaignForm.vue',
    meta: { title: '新建活动', roles: ['MARKETER', 'ADMIN'] }
  },
  {
    path: '/campaigns/:id/edit',
    name: 'campaign-edit',
    file: 'campaigns/CampaignForm.vue',
    meta: { title: '编辑活动', roles: ['MARKETER', 'ADMIN'] }
  },
  {
    path: '/campaigns/:id',
    name: 'campaign',
    file: 'campaigns/CampaignDetail.vue',
    meta: { title: '活动详情', roles: ['STORE_MANAGER', 'MARKETER', 'ADMIN'] }
  }
]
