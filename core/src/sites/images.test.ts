import { describe, expect, test } from 'vitest';
import { imagePath, parseImageRequest } from './images.ts';

const ID = '382246e5-dfa4-454c-a812-4af3d4e6f96a';

describe('parseImageRequest', () => {
  test.each([
    [`/_carbot/img/${ID}`, '', { id: ID, width: 960 }],
    [`/_carbot/img/${ID}`, 'w=160', { id: ID, width: 160 }],
    [`/_carbot/img/${ID}`, 'w=1440', { id: ID, width: 1440 }],
    [`/_carbot/img/${ID}`, 'w=320&utm_source=x', { id: ID, width: 320 }],
  ])('%s?%s', (path, query, expected) => {
    expect(parseImageRequest(path, new URLSearchParams(query))).toEqual(expected);
  });

  test.each([
    [`/_carbot/img/${ID}`, 'w=161'],
    [`/_carbot/img/${ID}`, 'w=4000'],
    [`/_carbot/img/${ID}`, 'w=320.0'],
    [`/_carbot/img/${ID}`, 'w='],
    [`/_carbot/img/${ID.toUpperCase()}`, 'w=320'],
    [`/_carbot/img/${ID}/x`, 'w=320'],
    ['/_carbot/img/', 'w=320'],
    ['/_carbot/img/../../assets', 'w=320'],
    [`/_carbot/image/${ID}`, 'w=320'],
    [`/blog/${ID}`, 'w=320'],
  ])('%s?%s is no image', (path, query) => {
    expect(parseImageRequest(path, new URLSearchParams(query))).toBeNull();
  });
});

describe('imagePath', () => {
  test.each([
    [160, 160],
    [200, 320],
    [960, 960],
    [2000, 1440],
  ])('width %i → w=%i', (width, w) => {
    expect(imagePath(ID, width)).toBe(`/_carbot/img/${ID}?w=${w}`);
  });

  test('in a draft preview the link carries the preview token', () => {
    expect(imagePath(ID, 320, 'v1.x.1.a+b')).toBe(`/_carbot/img/${ID}?w=320&preview=v1.x.1.a%2Bb`);
    expect(parseImageRequest(`/_carbot/img/${ID}`, new URLSearchParams('w=320&preview=v1'))).toEqual({
      id: ID,
      width: 320,
    });
  });
});
