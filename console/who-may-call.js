// Reads backend/src/test/resources/security/who-may-call.txt, the list the backend's
// AuthorizationMatrixTest holds every root field to, into { 'Query.campaigns': ['STORE_MANAGER', ...] }.
// vite.config.js bakes it into the console (so a role is never shown what the API would refuse) and
// the tests check every page against it.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

export const WHO_MAY_CALL_FILE = resolve(dirname(fileURLToPath(import.meta.url)),
  '../backend/src/test/resources/security/who-may-call.txt')

const GROUPS = {
  STAFF: ['CLERK', 'STORE_MANAGER', 'ADMIN'],
  SIGNED_IN: ['MEMBER', 'CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN'],
  ANYONE: ['ANYONE', 'MEMBER', 'CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN']
}

export function parseWhoMayCall(text) {
  const rules = {}
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const colon = line.indexOf(':')
    const field = line.slice(0, colon).trim()
    // CLIENT(scope) admits machine clients (API clients), never a console sign-in
    const callers = line.slice(colon + 1).trim().split(/\s+/).filter(c => !c.startsWith('CLIENT('))
    rules[field] = [...new Set(callers.flatMap(c => GROUPS[c] || [c]))].sort()
  }
  return rules
}

export function readWhoMayCall() {
  return parseWhoMayCall(readFileSync(WHO_MAY_CALL_FILE, 'utf8'))
}
