/**
 * Snapshot guards. A dealer system that exports an empty or half-empty file by mistake must not take the
 * website's stock with it: such a run is refused as a whole unless the owner confirms that very run.
 */
export const DEFAULT_MAX_REMOVAL_SHARE = 0.3;

export type GuardInput = {
  mode: 'snapshot' | 'delta';
  /** Entries in the delivery, valid or not. */
  received: number;
  /** The feed's vehicles on sale now (not sold). */
  active: number;
  /** How many of them the run would mark as sold. */
  removing: number;
  /** Share of `active` a run may remove (0–1); null for the default. */
  maxRemovalShare: number | null;
  confirmed: boolean;
};

export type GuardRefusal = { code: 'empty_snapshot' | 'mass_removal'; message: string };

const percent = (share: number): string => `${Math.round(share * 1000) / 10}`.replace('.', ',');

export function checkGuards(g: GuardInput): GuardRefusal | null {
  if (g.confirmed || g.mode !== 'snapshot') return null;
  if (g.received === 0)
    return {
      code: 'empty_snapshot',
      message:
        'Die Lieferung enthält keine Fahrzeuge. Nichts wurde geändert; bitte den Lauf bestätigen, wenn der Bestand wirklich leer ist.',
    };
  const limit = g.maxRemovalShare ?? DEFAULT_MAX_REMOVAL_SHARE;
  if (g.active > 0 && g.removing / g.active > limit)
    return {
      code: 'mass_removal',
      message: `Der Lauf würde ${g.removing} von ${g.active} Fahrzeugen (${percent(g.removing / g.active)} %) als verkauft markieren, erlaubt sind ${percent(limit)} %. Nichts wurde geändert; bitte den Lauf bestätigen, wenn das stimmt.`,
    };
  return null;
}
