import { gql } from '../api/documents.js'

const JOB_FIELDS = `id kind dryRun status rowsRead imported matched skipped failed pointsTotal storedValueCents error
  startedAt finishedAt file { id filename format kind sizeBytes uploadedAt }`

export const BULK_JOBS = gql`
  query ConsoleBulkJobs($kind: BulkKind, $after: String) {
    bulkJobs(kind: $kind, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${JOB_FIELDS} } }
    }
  }`

export const BULK_JOB = gql`
  query ConsoleBulkJob($id: ID!) {
    bulkJob(id: $id) { ${JOB_FIELDS} problemCount problems(first: 200) { row field message } }
  }`

export const START_BULK_JOB = gql`
  mutation ConsoleStartBulkJob($input: StartBulkJobInput!) {
    startBulkJob(input: $input) { job { id status } userErrors { field message code } }
  }`
