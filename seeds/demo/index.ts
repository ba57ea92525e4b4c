/**
 * Demo data: four customer accounts (order = order of seeding) and the platform content.
 * Logins for every demo user: password 'demo-carbot-2026'.
 */
import type { TenantSeed } from '../types.ts';
import { seed as autohausBeispiel } from './autohaus-beispiel.ts';
import { seed as emobilKoeln } from './emobil-koeln.ts';
import { seed as kfzSchneider } from './kfz-schneider.ts';
import { seed as oldtimerBrandl } from './oldtimer-brandl.ts';

export { platform } from './platform.ts';

export const tenants: TenantSeed[] = [autohausBeispiel, kfzSchneider, emobilKoeln, oldtimerBrandl];
