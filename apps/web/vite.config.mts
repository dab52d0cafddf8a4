import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { compression } from 'vite-plugin-compression2';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  // Brotli and gzip files beside each text asset: the API serves them as they are (no compression per request).
  plugins: [
    react(),
    tailwindcss(),
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'warn' }),
  ],
  resolve: {
    alias: {
      '@lookbook/web-ui': `${import.meta.dirname}/../../libs/web/ui/src/index.ts`,
      '@lookbook/kernel/browser': `${import.meta.dirname}/../../libs/shared/kernel/src/browser.ts`,
    },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Our own modules have no side effects but their CSS: unused exports of a barrel (libs/web/ui) and the
      // React Aria code behind them stay out of pages that do not use them.
      treeshake: { moduleSideEffects: (id: string) => !/\/(apps\/web\/src|libs\/web\/ui\/src)\/.*\.tsx?$/.test(id) },
    },
  },
  server: {
    proxy: { '/graphql': api, '/api': api, '/media': api, '/.well-known': api, '/checkout': api, '/readyz': api },
  },
});
