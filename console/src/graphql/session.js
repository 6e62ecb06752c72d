import { gql } from '../api/documents.js'

export const CURRENT_STAFF = gql`
  query ConsoleCurrentStaff {
    currentStaff { id username displayName role storeId mustChangePassword }
  }`

export const END_MY_SESSIONS = gql`
  mutation ConsoleEndMySessions {
    endMySessions { ended userErrors { field message code } }
  }`

export const STORE_NAMES = gql`
  query ConsoleStoreNames {
    stores(first: 100) { edges { node { id name status } } }
  }`
