import type { Plugin } from 'vite';
import { defineConfig, runnerImport } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { compression } from 'vite-plugin-compression2';
import { ROUTE_MANIFEST_FILE, routeManifest } from './src/app/route-manifest';

const api = 'http://127.0.0.1:3000';
const alias = {
  '@lookbook/web-ui': `${import.meta.dirname}/../../libs/web/ui/src/index.ts`,
  '@lookbook/kernel/browser': `${import.meta.dirname}/../../libs/shared/kernel/src/browser.ts`,
};

/**
 * `routes.json` beside index.html: the router's pages and their parameters' patterns, read from the route tree itself
 * (the router is loaded in Node for the purpose). The API answers any other address with status 404.
 */
function routeManifestFile(): Plugin {
  return {
    name: 'lookbook:route-manifest',
    apply: 'build',
    async generateBundle() {
      const { module } = await runnerImport<typeof import('./src/router')>(`${import.meta.dirname}/src/router.tsx`, {
        configFile: false,
        root: import.meta.dirname,
        resolve: { alias },
        logLevel: 'warn',
      });
      const manifest = routeManifest(module.router);
      this.emitFile({ type: 'asset', fileName: ROUTE_MANIFEST_FILE, source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  // Brotli and gzip files beside each text asset: the API serves them as they are (no compression per request).
  plugins: [
    react(),
    tailwindcss(),
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'warn' }),
    routeManifestFile(),
  ],
  resolve: { alias },
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
