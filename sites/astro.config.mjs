import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // Tenants are resolved from the Host header in middleware; Astro must not pin one site URL.
  security: { checkOrigin: true },
  telemetry: false,
});
