import { gql } from '../api/documents.js'

export const SEGMENT_OVERVIEW = gql`
  query ConsoleSegmentOverview {
    memberSegments {
      rfmSegments { segment name members }
      quadrants { quadrant name play members }
      stages { stage members }
    }
  }`

const TAG = `
  id name kind memberCount
  rule { conditions { kind category minCount minCents withinDays days } }`

export const TAG_LIST = gql`
  query ConsoleTagList($kind: TagKind, $search: String, $after: String) {
    tags(kind: $kind, search: $search, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${TAG} } }
    }
  }`

export const CREATE_TAG = gql`
  mutation ConsoleCreateTag($input: CreateTagInput!) {
    createTag(input: $input) {
      tag { ${TAG} }
      userErrors { field code message }
    }
  }`

export const UPDATE_TAG = gql`
  mutation ConsoleUpdateTag($input: UpdateTagInput!) {
    updateTag(input: $input) {
      tag { ${TAG} }
      userErrors { field code message }
    }
  }`

export const DELETE_TAG = gql`
  mutation ConsoleDeleteTag($input: DeleteTagInput!) {
    deleteTag(input: $input) {
      deletedTagId
      userErrors { field code message }
    }
  }`
