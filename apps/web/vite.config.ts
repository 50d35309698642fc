import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Big libraries go to their own chunks so that the app's own code stays small and cacheable.
const vendorGroups = [
  { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@ctrl|lodash-es|dayjs|async-validator|memoize-one|normalize-wheel-es|@sxzz|@vueuse)[\\/]/ },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|vue-echarts|resize-detector)[\\/]/ },
  { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify|vue-demi)[\\/]/ },
];

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@app/contracts': here('../../libs/contracts/src'),
      '@app/scoring': here('../../libs/scoring/src'),
      // The notice page renders with the same pure notice model as the DOCX, so the web view
      // and the document cannot say different things.
      '@app/notice': here('../../libs/notice/src'),
      '@': here('./src'),
    },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
