/** Invitations in plain words: the share path, rewards and their caps. */
const invite = require('../src/lib/invite')

test('theSharePathCarriesTheInviteCodeToTheWelcomePage', () => {
  expect(invite.sharePath('AB12CD')).toBe('/pages/welcome/index?inviter=AB12CD')
  expect(invite.shareMessage('AB12CD').path).toBe('/pages/welcome/index?inviter=AB12CD')
  expect(invite.shareMessage('').path).toBe('/pages/welcome/index')
})

test('rewardsSayThePointsOrThatTheCapStoppedThem', () => {
  expect(invite.rewardLine({ kind: 'REGISTERED', points: 50, granted: true })).toBe('注册奖励 +50积分')
  expect(invite.rewardLine({ kind: 'FIRST_PURCHASE', points: 100, granted: false })).toBe('首购奖励 已达上限')
  const view = invite.invitationView({ nickname: '小*', status: 'JOINED', joinedAt: '2026-11-22T16:30:00Z', rewards: [] })
  expect(view).toMatchObject({ statusLabel: '已进入', joinedAt: '2026-11-23', noReward: '尚无奖励' })
})
