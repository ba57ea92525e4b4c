import { describe, expect, test } from 'vitest';
import { escapeHtml } from './escape.ts';

describe('escapeHtml', () => {
  test.each([
    ['plain text', 'plain text'],
    ['', ''],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a "quoted" value', 'a &quot;quoted&quot; value'],
    ["Jerry's", 'Jerry&#39;s'],
    // Already escaped text is escaped again: the input is text, never markup.
    ['&amp;', '&amp;amp;'],
    ['Ölwechsel ab 89 € – Bremsen', 'Ölwechsel ab 89 € – Bremsen'],
    [`<a href="x">Tom & Jerry's</a>`, '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
