import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import * as Icons from '@element-plus/icons-vue'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { createConsoleRouter } from './router/index.js'

const app = createApp(App)
for (const [name, icon] of Object.entries(Icons)) app.component(name, icon)
app.use(ElementPlus, { locale: zhCn })
app.use(createConsoleRouter())
app.mount('#app')
