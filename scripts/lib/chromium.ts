import { existsSync } from 'node:fs';
import { run } from './processes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests drive Debian's Chromium (test tools that download their own browser cannot work here).
 * When it is missing and we may install packages, install it; otherwise say exactly what to do.
 */
export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium fehlt (${CHROMIUM}). Bitte installieren: sudo apt-get install chromium`);
  }
  console.log('▸ Installiere Chromium (Debian-Paket) für die Browser-Tests …');
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
