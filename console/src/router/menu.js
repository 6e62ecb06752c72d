/** The sidebar's sections, in order; each route names its section in meta.menu.section. */
export const SECTIONS = [
  { key: 'overview', title: '概览', icon: 'DataBoard' },
  { key: 'members', title: '会员', icon: 'User' },
  { key: 'marketing', title: '营销', icon: 'Present' },
  { key: 'analytics', title: '数据分析', icon: 'TrendCharts' },
  { key: 'wallet', title: '储值', icon: 'Wallet' },
  { key: 'integration', title: '系统对接', icon: 'Connection' },
  { key: 'settings', title: '设置', icon: 'Setting' }
]

/** The sidebar for a role: sections with the routes that role may open, in order. */
export function menuFor(routes, role) {
  return SECTIONS.map(section => ({
    ...section,
    items: routes
      .filter(r => r.meta && r.meta.menu && r.meta.menu.section === section.key && (r.meta.roles || []).includes(role))
      .sort((a, b) => (a.meta.menu.order || 0) - (b.meta.menu.order || 0))
      .map(r => ({ path: r.path, title: r.meta.menu.title || r.meta.title }))
  })).filter(section => section.items.length)
}
