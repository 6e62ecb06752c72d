/**
 * The stored-value card (储值): the member's balance, packages, online recharge with WeChat Pay and
 * history; and the till's recharge (operation names starting with "Staff", run with {as: 'staff'}).
 */
const { gql } = require('../gql')

const PACKAGE_FIELDS = `id name payCents bonusCents bonusValidDays bonusPoints`

const RECHARGE_FIELDS = `
  id packageId storeId channel reference payCents bonusCents principalRemainingCents bonusRemainingCents
  bonusExpiresAt status createdAt refundedAt refundedCents forfeitedCents`

const MY_WALLET = gql`
  query MyWallet {
    me {
      id registrationStoreId
      wallet { balanceCents principalCents bonusCents }
    }
  }`

const RECHARGE_PACKAGES = gql`
  query RechargePackages($storeId: ID) {
    rechargePackages(storeId: $storeId) { ${PACKAGE_FIELDS} }
  }`

const START_WALLET_RECHARGE = gql`
  mutation StartWalletRecharge($input: StartWalletRechargeInput!) {
    startWalletRecharge(input: $input) {
      order { outTradeNo packageId storeId amountCents status createdAt }
      payParams { appId timeStamp nonceStr package signType paySign }
      userErrors { field message code }
    }
  }`

const WALLET_RECHARGE_ORDER = gql`
  query WalletRechargeOrder($outTradeNo: String!) {
    walletRechargeOrder(outTradeNo: $outTradeNo) {
      outTradeNo status paidAt
      recharge { id payCents bonusCents }
    }
  }`

const WALLET_HISTORY = gql`
  query WalletHistory($first: Int, $after: String) {
    me {
      id
      wallet {
        history(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id kind amountCents principalCents bonusCents reference orderNo createdAt } }
        }
      }
    }
  }`

const WALLET_RECHARGES = gql`
  query WalletRecharges($first: Int) {
    me { id wallet { recharges(first: $first) { ${RECHARGE_FIELDS} } } }
  }`

const STAFF_RECHARGE_PACKAGES = gql`
  query StaffRechargePackages($storeId: ID) {
    rechargePackages(storeId: $storeId) { ${PACKAGE_FIELDS} }
  }`

const STAFF_RECHARGE_AT_TILL = gql`
  mutation StaffRechargeAtTill($input: RechargeAtTillInput!) {
    rechargeAtTill(input: $input) {
      replayed
      recharge {
        id reference channel payCents bonusCents createdAt
        member { id nickname phone wallet { balanceCents } }
      }
      userErrors { field message code }
    }
  }`

module.exports = {
  MY_WALLET, RECHARGE_PACKAGES, START_WALLET_RECHARGE, WALLET_RECHARGE_ORDER, WALLET_HISTORY, WALLET_RECHARGES,
  STAFF_RECHARGE_PACKAGES, STAFF_RECHARGE_AT_TILL
}
