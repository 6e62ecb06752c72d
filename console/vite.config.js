// The console is served by the backend at /console (same origin: no CORS, the session cookie and
// /graphql are on the same host). `npm run dev` proxies /graphql and /console/session to a running
// backend (BACKEND_URL, default http://localhost:8080).
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath, URL } from 'node:url'
import { readWhoMayCall } from './who-may-call.js'

const backend = process.env.BACKEND_URL || 'http://localhost:8080'

export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  define: { __WHO_MAY_CALL__: JSON.stringify(readWhoMayCall()) },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: Number(process.env.CONSOLE_PORT || 5173),
    proxy: {
      '/graphql': { target: backend, ws: true },
      // an object, not the string shorthand: Vite's shorthand sets changeOrigin, and the session routes
      // refuse an Origin (the dev server) that differs from Host (CSRF check, docs/api.md)
      '/console/session': { target: backend },
      // the mini-program codes' images (storeMiniProgramCode.imagePath), same origin in production
      '/wxacode': backend,
      // uploaded pictures of goods and events (POST /media/pictures) and every stored image (GET /media/<key>)
      '/media': backend
    }
  },
  build: {
    // no inline scripts or styles: the backend's Content-Security-Policy allows only 'self'
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.js'],
    setupFiles: ['test/setup.js'],
    // the 2-core CI machine runs Maven, Postgres and jsdom side by side: a page test that renders
    // several roles can pass 5 s there without being wrong
    testTimeout: 15000
  }
})
