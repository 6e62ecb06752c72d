/** Putting goods on sale, pausing and archiving them, each asked first where it cannot be undone. */
import { ElMessageBox } from 'element-plus'
import { useMutation } from '../../composables/useMutation.js'
import { can } from '../../api/permissions.js'
import { PUBLISH_MALL_GOODS, PAUSE_MALL_GOODS, ARCHIVE_MALL_GOODS } from '../../graphql/mall.js'

export function useGoodsActions(done) {
  const publish = useMutation(PUBLISH_MALL_GOODS, { success: '已上架' })
  const pause = useMutation(PAUSE_MALL_GOODS, { success: '已暂停兑换' })
  const archive = useMutation(ARCHIVE_MALL_GOODS, { success: '已归档' })

  async function doPublish(g) {
    if (can('publishMallGoods') && await publish.run({ input: { goodsId: g.id } })) done()
  }
  async function doPause(g) {
    if (can('pauseMallGoods') && await pause.run({ input: { goodsId: g.id } })) done()
  }
  async function doArchive(g) {
    if (!can('archiveMallGoods')) return
    try {
      await ElMessageBox.confirm(`归档后「${g.name}」从商城下架且不能再上架；已兑换的订单照常提货或发货。`, '归档商品',
        { confirmButtonText: '归档', cancelButtonText: '取消', type: 'warning' })
    } catch (e) {
      return
    }
    if (await archive.run({ input: { goodsId: g.id } })) done()
  }
  return { doPublish, doPause, doArchive }
}
