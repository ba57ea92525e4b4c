import { expect, test } from 'vitest';
import { renderMarkdown } from './markdown.ts';

test.each([
  ['Hallo **Welt**', '<p>Hallo <strong>Welt</strong></p>'],
  ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
  ['eins\n\nzwei', '<p>eins</p>\n<p>zwei</p>'],
  ['- a\n- b', '<ul><li>a</li><li>b</li></ul>'],
  ['1. a\n2. b', '<ol><li>a</li><li>b</li></ol>'],
  ['# Titel', '<h2>Titel</h2>'],
  ['## Titel', '<h2>Titel</h2>'],
  ['### Titel', '<h3>Titel</h3>'],
  ['ein _kursives_ Wort', '<p>ein <em>kursives</em> Wort</p>'],
  ['snake_case_name bleibt', '<p>snake_case_name bleibt</p>'],
  ['[Kontakt](/kontakt)', '<p><a href="/kontakt">Kontakt</a></p>'],
  ['[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
  ['[x](https://a.example/"onmouseover=1)', '<p><a href="https://a.example/&quot;onmouseover=1">x</a></p>'],
  [null, ''],
])('%j', (input, expected) => {
  expect(renderMarkdown(input)).toBe(expected);
});
