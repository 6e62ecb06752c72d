// scripts/console-shots: renders the rows of e2e/shots/*.js into docs/console/.
import base from './playwright.config.js'

export default { ...base, testDir: 'e2e/shots-runner', timeout: 600_000 }
