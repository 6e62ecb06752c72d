import { gql } from '../api/documents.js'

/** Every field of goods the console shows or edits. */
const GOODS_FIELDS = `
  id version status name description pictureUrl pointsPrice cashCents fulfilment stockScope stockLeft
  storeStocks { storeId storeName remaining } limitPerMember limitPeriod minTierLevel earlyAccessTierLevel
  earlyAccessFrom openFrom tierOnly earlyAccessNow redeemedCount updatedAt`

const REDEMPTION_FIELDS = `
  id goodsId name version state source quantity pointsPrice pointsTotal cashCents cashTotalCents fulfilment pickupStoreId
  pickupStoreName pickupBy pickedUpAt
  cashCollectedCents address trackingNumber shippedAt cancelledAt cancelReason memberId createdAt`

const ERRORS = 'userErrors { field code message }'

export const MALL_GOODS_LIST = gql`
  query ConsoleMallGoods($filter: MallGoodsFilter, $after: String) {
    managedMallGoods(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${GOODS_FIELDS} } }
    }
  }`

/** Goods a lottery prize may name: collected at a store (the form leaves out archived and per-store stock). */
export const MALL_GOODS_CHOICES = gql`
  query ConsoleMallGoodsChoices {
    managedMallGoods(filter: { fulfilment: PICKUP }, first: 100) {
      edges { node { id name status stockScope stockLeft } }
    }
  }`

export const MALL_GOODS_ITEM = gql`
  query ConsoleMallItem($id: ID!) {
    managedMallItem(id: $id) { ${GOODS_FIELDS} }
  }`

export const CREATE_MALL_GOODS = gql`
  mutation ConsoleCreateMallGoods($input: CreateMallGoodsInput!) {
    createMallGoods(input: $input) { goods { id name } ${ERRORS} }
  }`

export const UPDATE_MALL_GOODS = gql`
  mutation ConsoleUpdateMallGoods($input: UpdateMallGoodsInput!) {
    updateMallGoods(input: $input) { goods { id name version } ${ERRORS} }
  }`

export const PUBLISH_MALL_GOODS = gql`
  mutation ConsolePublishMallGoods($input: MallGoodsIdInput!) {
    publishMallGoods(input: $input) { goods { id status } ${ERRORS} }
  }`

export const PAUSE_MALL_GOODS = gql`
  mutation ConsolePauseMallGoods($input: MallGoodsIdInput!) {
    pauseMallGoods(input: $input) { goods { id status } ${ERRORS} }
  }`

export const ARCHIVE_MALL_GOODS = gql`
  mutation ConsoleArchiveMallGoods($input: MallGoodsIdInput!) {
    archiveMallGoods(input: $input) { goods { id status } ${ERRORS} }
  }`

export const MALL_REDEMPTIONS = gql`
  query ConsoleMallRedemptions($filter: MallRedemptionFilter, $after: String) {
    mallRedemptions(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${REDEMPTION_FIELDS} } }
    }
  }`

export const SHIP_MALL_REDEMPTION = gql`
  mutation ConsoleShipMallRedemption($input: ShipMallRedemptionInput!) {
    shipMallRedemption(input: $input) { redemption { id state trackingNumber } ${ERRORS} }
  }`

export const CANCEL_MALL_REDEMPTION = gql`
  mutation ConsoleCancelMallRedemption($input: CancelMallRedemptionInput!) {
    cancelMallRedemption(input: $input) { redemption { id state } ${ERRORS} }
  }`
