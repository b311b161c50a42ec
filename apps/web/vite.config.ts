import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ command, mode }) => {
  // `vite build` run from a test runner inherits NODE_ENV=test, which would ship React's and antd's
  // development builds (warnings, slower, `css-dev-only` class names). A production-mode build is a
  // production bundle: Vite reads NODE_ENV after loading this file.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
    plugins: [react()],
    server: {
      port: 5173,
      // The API server (`npx tsx apps/server/src/main.ts`); GAODI_API_URL points elsewhere.
      proxy: {
        '/api': { target: process.env.GAODI_API_URL ?? 'http://localhost:3000', changeOrigin: false },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        output: {
          // Vendor code changes far less often than ours: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
                priority: 30,
              },
              {
                name: 'antd',
                test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion)[\\/]/,
                priority: 20,
              },
              { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
            ],
          },
        },
      },
    },
  };
});
