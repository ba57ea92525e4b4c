import { expect, test } from 'vitest';
import { siteTemplates } from '../../../seeds/base/index.ts';
import { templateThumbnail, templateThumbnailUrl } from './thumbnails.ts';

test.each(siteTemplates.map((t) => [t.key, t] as const))('%s has its own picture in its own colours', (_, t) => {
  const svg = templateThumbnail(t as never);
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain(String(t.color_primary));
  expect(svg).toContain(String(t.color_accent));
  expect(svg).toContain(`aria-label="Vorschau der Vorlage ${String(t.name).replace('&', '&amp;')}"`);
});

test('the five pictures differ from each other', () => {
  expect(new Set(siteTemplates.map((t) => templateThumbnail(t as never))).size).toBe(siteTemplates.length);
});

test('colours that are not hex colours and names with markup are never written as they are', () => {
  const svg = templateThumbnail({ key: 'x', name: '<b>"X"</b>', color_primary: 'red" onload="x', color_accent: null });
  expect(svg).not.toContain('onload');
  expect(svg).toContain('&lt;b&gt;&quot;X&quot;&lt;/b&gt;');
  expect(templateThumbnailUrl({ key: 'x', name: 'X' })).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
});
