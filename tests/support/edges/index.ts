/**
 * Local stand-ins for the external services CarBot talks to, started once per integration run before
 * Directus (which needs their addresses in its environment). Each speaks the real protocol on a random
 * port and offers tests an HTTP control URL. Add new edges to EDGES.
 */
import { startDealer } from './dealer.ts';
import { startDns } from './dns.ts';
import { startOpenAi } from './openai.ts';
import { startSites } from './sites.ts';
import { startSmtp } from './smtp.ts';
import { startStripe } from './stripe.ts';

export type Edge = {
  name: string;
  /** Environment for Directus so that it talks to this stand-in. */
  env: Record<string, string>;
  /** URLs handed to tests through vitest's provide/inject (key → URL). */
  urls: Record<string, string>;
  close: () => Promise<void>;
};

export const EDGES: (() => Promise<Edge>)[] = [startSmtp, startOpenAi, startSites, startStripe, startDns, startDealer];
