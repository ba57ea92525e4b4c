import { randomBytes } from 'node:crypto';

/** A widget client key: public in the embed code, but unguessable (192 bits) so keys cannot be enumerated. */
export function newClientKey(): string {
  return `cbk_${randomBytes(24).toString('base64url')}`;
}

export const CLIENT_KEY_PATTERN = /^cbk_[A-Za-z0-9_-]{32}$/;
