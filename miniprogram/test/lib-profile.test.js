/** Profile checks made before anything is sent, and the phone-number button's answers. */
const profile = require('../src/lib/profile')

const MEMBER = { nickname: '小爱', avatarUrl: null, birthday: '1992-05-08', gender: 'FEMALE' }

test('nicknamesAreOneToThirtyTwoCharactersOnceTrimmed', () => {
  expect(profile.nicknameError('')).toBe('请填写昵称')
  expect(profile.nicknameError('  ')).toBe('请填写昵称')
  expect(profile.nicknameError('爱'.repeat(32))).toBeNull()
  expect(profile.nicknameError('爱'.repeat(33))).toBe('昵称最多32个字')
  expect(profile.nicknameError('😀'.repeat(32))).toBeNull()
})

test('onlyChangedFieldsAreSentAndBadOnesNotAtAll', () => {
  const draft = profile.draftFrom(MEMBER)
  expect(profile.changes(MEMBER, draft)).toEqual({ input: null })
  expect(profile.changes(MEMBER, Object.assign({}, draft, { nickname: ' 阿爱 ', genderIndex: 1 })))
    .toEqual({ input: { nickname: '阿爱', gender: 'MALE' } })
  expect(profile.changes(MEMBER, Object.assign({}, draft, { nickname: '', avatarUrl: 'wxfile://tmp_1.jpg' })))
    .toEqual({ errors: { nickname: '请填写昵称', avatarUrl: '这张头像暂时无法保存，请换一张' } })
})

test('thePhoneButtonGivesACodeADenialOrNothing', () => {
  expect(profile.phoneAnswer({ errMsg: 'getPhoneNumber:ok', code: 'abc' })).toEqual({ code: 'abc' })
  expect(profile.phoneAnswer({ errMsg: 'getPhoneNumber:fail user deny' })).toEqual({ denied: true })
  expect(profile.phoneAnswer({ errMsg: 'getPhoneNumber:fail no permission' })).toEqual({ failed: true })
})
