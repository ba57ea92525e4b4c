import { expect, test } from 'vitest';
import { embedSnippet, platformOrigin, workshopOrigin } from './origins.ts';

test.each([
  [{}, 'http://localhost:4321', 'http://kfz-muster.localhost:4321'],
  [{ SITES_PORT: '4400' }, 'http://localhost:4400', 'http://kfz-muster.localhost:4400'],
  [{ SITES_PORT: '4400', SITES_PUBLIC_PORT: '80' }, 'http://localhost:80', 'http://kfz-muster.localhost:80'],
  [{ SITES_DOMAIN: 'carbot.de', SITES_PORT: '4321' }, 'https://carbot.de', 'https://kfz-muster.carbot.de'],
  [{ SITES_DOMAIN: 'dev.localhost' }, 'http://dev.localhost:4321', 'http://kfz-muster.dev.localhost:4321'],
])('%j → %s and %s', (env, platform, workshop) => {
  expect(platformOrigin(env)).toBe(platform);
  expect(workshopOrigin(env, 'kfz-muster')).toBe(workshop);
});

test('the embed snippet carries the key and the platform address, nothing a key could inject', () => {
  expect(embedSnippet({ SITES_DOMAIN: 'carbot.de' }, 'cbk_abc-123')).toBe(
    '<script src="https://carbot.de/widget.js" data-client-key="cbk_abc-123" async></script>',
  );
  expect(embedSnippet({}, 'cbk_"><img>')).toContain('data-client-key="cbk_img"');
});
