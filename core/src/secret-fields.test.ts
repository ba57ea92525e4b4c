import { expect, test } from 'vitest';
import { isSecretField } from './secret-fields.ts';

test.each([
  ['conversations', 'visitor_token_hash', true],
  ['conversations', 'visitor_hash', true],
  ['consents', 'ip_hash', true],
  ['inventory_feeds', 'push_secret', true],
  ['vehicles', 'sync_hash', true],
  ['anything', 'secret', true],
  ['anything', 'api_token', true],
  ['directus_users', 'token', true],
  ['directus_users', 'password', false],
  ['conversations', 'tokens_in', false],
  ['messages', 'tokens_out', false],
  ['client_keys', 'key', false],
  ['tenants', 'stripe_customer_id', false],
  ['anything', 'hashtag', false],
])('%s.%s is secret: %s', (collection, field, expected) => {
  expect(isSecretField(collection, field)).toBe(expected);
});
