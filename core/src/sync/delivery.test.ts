import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { DeliveryError, readDelivery } from './delivery.ts';
import { planRun } from './diff.ts';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('readDelivery', () => {
  test('JSON snapshot with CarBot field names', () => {
    const d = readDelivery(json({ mode: 'snapshot', vehicles: [{ external_id: 'a', make: 'VW' }] }));
    expect(d).toMatchObject({
      mode: 'snapshot',
      format: 'json',
      entries: [{ row: 1, raw: { external_id: 'a', make: 'VW' } }],
    });
  });

  test('a bare JSON array is a snapshot', () => {
    expect(readDelivery(json([{ external_id: 'a' }])).mode).toBe('snapshot');
  });

  test('delta removals and unreadable entries', () => {
    const d = readDelivery(
      json({ mode: 'delta', vehicles: [{ external_id: 'a', deleted: true }, 5, { deleted: true }] }),
    );
    expect(d.entries).toEqual([{ row: 1, deleted: 'a' }]);
    expect(d.unreadable.map((u) => [u.row, u.message])).toEqual([
      [2, 'Eintrag ist kein Objekt.'],
      [3, 'Externe ID: Pflichtfeld fehlt.'],
    ]);
  });

  test('a removal in a snapshot is refused as a row', () => {
    const d = readDelivery(json({ vehicles: [{ external_id: 'a', deleted: true }] }));
    expect(d.unreadable[0]?.message).toBe('Löschen geht nur im Modus „delta“.');
  });

  test.each([
    [Buffer.from('{"vehicles": '), 'Die Datei ist kein gültiges JSON.'],
    [json({ mode: 'full', vehicles: [] }), '„mode“ muss „snapshot“ oder „delta“ sein.'],
    [json({ cars: [] }), '„vehicles“ muss eine Liste von Fahrzeugen sein.'],
    [
      Buffer.from('Nr;Hersteller\n1;VW\n'),
      'Die Spalten der Datei sind unbekannt. Bitte eine Feldzuordnung hinterlegen (z. B. {"Nr.": "external_id", …}).',
    ],
  ])('refuses %s', (bytes, message) => {
    expect(() => readDelivery(bytes)).toThrow(new DeliveryError(message));
  });

  test('a mobile.de export in ISO-8859-15 becomes valid vehicles', () => {
    const csv =
      'interne_nummer;marke;modell;ez;kilometer;preis;leistung;farbe\n"A-1";"Škoda";"Octavia";"04.2020";"45.000";"15.990,00";"110";"Weiß"\n';
    const d = readDelivery(iconv.encode(csv, 'iso-8859-15'));
    expect([d.format, d.encoding, d.delimiter]).toEqual(['csv', 'iso-8859-15', ';']);
    const plan = planRun({
      mode: d.mode,
      entries: d.entries,
      existing: [],
      foreignVins: new Set(),
      maxRemovalShare: null,
      confirmed: false,
      today: new Date('2026-11-29'),
    });
    expect(plan.rejected).toEqual([]);
    expect(plan.creates[0]?.record).toMatchObject({
      external_id: 'A-1',
      make: 'Škoda',
      mileage_km: 45000,
      price: 15990,
      power_ps: 150,
      color: 'Weiß',
      first_registration: '2020-04',
    });
  });

  test('a CSV with a custom mapping and commas', () => {
    const d = readDelivery(Buffer.from('Nr,Hersteller,Typ,Euro\n1,VW,Polo,"9.990"\n'), {
      Nr: 'external_id',
      Hersteller: 'make',
      Typ: 'model',
      Euro: 'price',
    });
    expect(d.entries[0]).toEqual({ row: 2, raw: { external_id: '1', make: 'VW', model: 'Polo', price: '9.990' } });
  });
});
