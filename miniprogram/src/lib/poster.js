/**
 * The invitation poster: drawn on a canvas 2d (brand, the inviter's avatar and nickname, what the
 * friend gets, the mini-program code), exported with wx.canvasToTempFilePath and saved to the
 * photo album. Drawing takes any 2d context, so tests can record the calls.
 */

/** Poster size in CSS pixels; the canvas is scaled by the screen's pixel ratio. */
const WIDTH = 300
const HEIGHT = 480
const CODE_SIZE = 160
const AVATAR_SIZE = 56
const GOLD = '#c8a253'

/** The poster's texts: who invites, what the friend gets (from the referral rules), how to join. */
function texts({ brandName, nickname, welcomePoints }) {
  return {
    brand: brandName,
    inviter: `${nickname || '你的好友'} 邀你成为会员`,
    reward: welcomePoints > 0 ? `注册即得${welcomePoints}积分欢迎礼` : '注册即可享受会员权益',
    hint: '长按识别小程序码，加入会员'
  }
}

/** First character for the avatar placeholder. */
function initial(nickname) {
  return nickname ? Array.from(nickname)[0] : '友'
}

/**
 * Draws the poster. images.code (required) and images.avatar (optional) are loaded canvas images.
 */
function draw(ctx, data, images) {
  const t = texts(data)
  const centre = WIDTH / 2
  ctx.fillStyle = '#1f1f2e'
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'

  ctx.fillStyle = GOLD
  ctx.font = 'bold 22px sans-serif'
  ctx.fillText(t.brand, centre, 40)

  const avatarTop = 70
  ctx.save()
  ctx.beginPath()
  ctx.arc(centre, avatarTop + AVATAR_SIZE / 2, AVATAR_SIZE / 2, 0, 2 * Math.PI)
  ctx.clip()
  if (images.avatar) {
    ctx.drawImage(images.avatar, centre - AVATAR_SIZE / 2, avatarTop, AVATAR_SIZE, AVATAR_SIZE)
  } else {
    ctx.fillStyle = '#8a8a99'
    ctx.fillRect(centre - AVATAR_SIZE / 2, avatarTop, AVATAR_SIZE, AVATAR_SIZE)
    ctx.fillStyle = '#ffffff'
    ctx.font = '24px sans-serif'
    ctx.fillText(initial(data.nickname), centre, avatarTop + AVATAR_SIZE / 2)
  }
  ctx.restore()

  ctx.fillStyle = '#ffffff'
  ctx.font = '16px sans-serif'
  ctx.fillText(t.inviter, centre, 150)
  ctx.fillStyle = GOLD
  ctx.font = 'bold 18px sans-serif'
  ctx.fillText(t.reward, centre, 182)

  const codeTop = 220
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(centre - CODE_SIZE / 2 - 12, codeTop - 12, CODE_SIZE + 24, CODE_SIZE + 24)
  ctx.drawImage(images.code, centre - CODE_SIZE / 2, codeTop, CODE_SIZE, CODE_SIZE)

  ctx.fillStyle = '#8a8a99'
  ctx.font = '13px sans-serif'
  ctx.fillText(t.hint, centre, codeTop + CODE_SIZE + 40)
}

/** A file the canvas can draw: wx.downloadFile's temp path for a network image; null when it fails. */
function download(url) {
  if (!url) return Promise.resolve(null)
  return new Promise(resolve => wx.downloadFile({
    url,
    success: res => resolve(res.statusCode === 200 ? res.tempFilePath : null),
    fail: () => resolve(null)
  }))
}

/** Loads a file into a canvas image; null when it cannot be loaded. */
function loadImage(canvas, path) {
  if (!path) return Promise.resolve(null)
  return new Promise(resolve => {
    const image = canvas.createImage()
    image.onload = () => resolve(image)
    image.onerror = () => resolve(null)
    image.src = path
  })
}

function pixelRatio() {
  try {
    return (wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync()).pixelRatio || 2
  } catch (e) {
    return 2
  }
}

/**
 * Draws the poster on the canvas node and exports it; resolves with the temp file path. Rejects
 * when the mini-program code cannot be loaded (the poster is useless without it); a missing avatar
 * becomes the nickname's first character.
 */
async function render(canvas, data) {
  const [codeFile, avatarFile] = await Promise.all([download(data.codeUrl), download(data.avatarUrl)])
  const [code, avatar] = await Promise.all([loadImage(canvas, codeFile), loadImage(canvas, avatarFile)])
  if (!code) throw new Error('小程序码加载失败，请重试')
  const ratio = pixelRatio()
  canvas.width = WIDTH * ratio
  canvas.height = HEIGHT * ratio
  const ctx = canvas.getContext('2d')
  ctx.scale(ratio, ratio)
  draw(ctx, data, { code, avatar })
  return new Promise((resolve, reject) => wx.canvasToTempFilePath({
    canvas,
    fileType: 'png',
    success: res => resolve(res.tempFilePath),
    fail: () => reject(new Error('海报生成失败，请重试'))
  }))
}

/** Whether a failed saveImageToPhotosAlbum was a refused (or earlier refused) album permission. */
function permissionDenied(err) {
  return /auth|deny|denied|authorize/i.test((err && err.errMsg) || '')
}

/**
 * Saves the poster to the album. Resolves 'saved', 'cancelled' (the member closed the dialog),
 * 'denied' (no album permission: the member is offered the settings) or 'failed'.
 */
function save(filePath) {
  return new Promise(resolve => wx.saveImageToPhotosAlbum({
    filePath,
    success: () => {
      wx.showToast({ title: '海报已保存到相册', icon: 'success' })
      resolve('saved')
    },
    fail: err => {
      if (permissionDenied(err)) {
        wx.showModal({
          title: '需要相册权限',
          content: '保存海报需要允许访问相册，请在设置中打开“添加到相册”。',
          confirmText: '去设置',
          success: res => { if (res.confirm) wx.openSetting({}) }
        })
        resolve('denied')
      } else if (/cancel/i.test((err && err.errMsg) || '')) {
        resolve('cancelled')
      } else {
        wx.showToast({ title: '保存失败，请重试', icon: 'none' })
        resolve('failed')
      }
    }
  }))
}

module.exports = { WIDTH, HEIGHT, texts, draw, render, save, permissionDenied }
