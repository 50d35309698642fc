import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import './styles.css';
import { request } from './api/http';
import { setBusinessZone } from './utils/format';
import type { MetaResponse } from '@app/contracts';

// Dates are shown in the server's business zone: learn it before the first page renders (an
// unreachable server keeps the default zone; the page will say the server is down anyway).
request<MetaResponse>('GET', '/meta')
  .then((meta) => setBusinessZone(meta.businessTimeZone))
  .catch(() => undefined)
  .finally(() => createApp(App).use(createPinia()).use(i18n).use(router).use(ElementPlus).mount('#app'));
