/** The member's lottery draws, newest first, a page at a time as they scroll. */
const client = require('../../api/client')
const { MY_LOTTERY_DRAWS } = require('../../api/documents/lottery')
const { pagedList } = require('../../lib/paged-list')
const { drawRow } = require('../../lib/lottery')

const PAGE_SIZE = 20

Component({
  behaviors: [pagedList('draws')],
  methods: {
    onLoad() {
      return this.startList()
    },
    async fetchPage(after) {
      const list = (await client.request(MY_LOTTERY_DRAWS, { first: PAGE_SIZE, after })).myLotteryDraws
      return {
        nodes: list.edges.map(edge => drawRow(edge.node)),
        hasNextPage: list.pageInfo.hasNextPage,
        endCursor: list.pageInfo.endCursor
      }
    }
  }
})
