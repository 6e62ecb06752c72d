/**
 * Every page's route, gathered from the files next to this one (one per area: campaigns.js,
 * members.js ...), so each area adds its pages without touching a shared list. A route names its
 * page file under src/pages (`file`), who may open it (`meta.roles`, checked against
 * who-may-call.txt by test/permissions.test.js) and its place in the sidebar (`meta.menu`).
 */
const modules = import.meta.glob(['./*.js', '!./index.js'], { eager: true })

export const pageRoutes = Object.keys(modules).sort().flatMap(key => modules[key].default)
