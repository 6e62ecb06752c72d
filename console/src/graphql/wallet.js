import { gql } from '../api/documents.js'

const PACKAGE_FIELDS = 'id name payCents bonusCents bonusValidDays bonusPoints couponPackId storeIds active createdAt'
const RECHARGE_FIELDS = `id packageId storeId channel reference payCents bonusCents principalRemainingCents
  bonusRemainingCents bonusExpiresAt status createdAt refundedAt refundedCents forfeitedCents refundReason`
const ERRORS = 'userErrors { field code message }'

export const RECHARGE_PACKAGES = gql`
  query ConsoleRechargePackages($filter: RechargePackageFilter, $after: String) {
    rechargePackagesPage(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${PACKAGE_FIELDS} } }
    }
  }`

/** Package names for the recharges of a member (active or withdrawn). */
export const RECHARGE_PACKAGE_NAMES = gql`
  query ConsoleRechargePackageNames {
    rechargePackagesPage(first: 100) { edges { node { id name } } }
  }`

export const CREATE_RECHARGE_PACKAGE = gql`
  mutation ConsoleCreateRechargePackage($input: CreateRechargePackageInput!) {
    createRechargePackage(input: $input) { rechargePackage { ${PACKAGE_FIELDS} } ${ERRORS} }
  }`

export const UPDATE_RECHARGE_PACKAGE = gql`
  mutation ConsoleUpdateRechargePackage($input: UpdateRechargePackageInput!) {
    updateRechargePackage(input: $input) { rechargePackage { ${PACKAGE_FIELDS} } ${ERRORS} }
  }`

export const SET_RECHARGE_PACKAGE_ACTIVE = gql`
  mutation ConsoleSetRechargePackageActive($input: SetRechargePackageActiveInput!) {
    setRechargePackageActive(input: $input) { rechargePackage { id active } ${ERRORS} }
  }`

/** A member's stored-value card: balance, recharges (with refunds) and movements. */
export const MEMBER_WALLET = gql`
  query ConsoleMemberWallet($id: ID!, $after: String) {
    member(id: $id) {
      id
      member {
        id nickname phone
        wallet {
          balanceCents principalCents bonusCents
          recharges(first: 50) { ${RECHARGE_FIELDS} }
          history(first: 20, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { id kind amountCents principalCents bonusCents storeId reference orderNo createdAt } }
          }
        }
      }
    }
  }`

export const REFUND_RECHARGE = gql`
  mutation ConsoleRefundRecharge($input: RefundRechargeInput!) {
    refundRecharge(input: $input) { replayed recharge { ${RECHARGE_FIELDS} } ${ERRORS} }
  }`

export const WALLET_LIABILITY_REPORT = gql`
  query ConsoleWalletLiabilityReport($range: AnalyticsRange!) {
    walletReport(range: $range) {
      storeId
      total { start end recharges rechargedCents bonusGrantedCents spentPrincipalCents spentBonusCents bonusCostCents rechargeRefundedCents bonusForfeitedCents }
      periods { start end recharges rechargedCents bonusGrantedCents spentPrincipalCents spentBonusCents rechargeRefundedCents bonusForfeitedCents }
      liability { asOf principalCents bonusCents totalCents byStore { storeId principalCents bonusCents totalCents } }
    }
  }`
