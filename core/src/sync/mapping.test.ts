import { describe, expect, test } from 'vitest';
import { checkMapping, detectPreset, mapRows, PRESETS } from './mapping.ts';

describe('detectPreset', () => {
  test.each([
    [['kundennummer', 'interne_nummer', 'kategorie', 'marke'], 'mobile_de'],
    [['Angebotsnummer', 'Marke', 'Modell'], 'autoscout24'],
    [['offerId', 'make', 'model'], 'autoscout24'],
    [['external_id', 'make'], 'carbot'],
    [['Nr', 'Hersteller'], null],
  ])('%j → %s', (header, preset) => {
    expect(detectPreset(header)).toBe(preset);
  });
});

describe('mapRows', () => {
  test('mobile.de columns become CarBot fields, feature columns become equipment', () => {
    const header = [
      'interne_nummer',
      'marke',
      'modell',
      'ez',
      'leistung',
      'preis',
      'mwst',
      'klima',
      'sitzheizung',
      'ABS',
      'unbekannt',
    ];
    const [entry] = mapRows(
      header,
      [{ line: 2, cells: ['A-1', 'VW', 'Golf', '03.2021', '110', '19990', '1', '1', '0', 'ja', 'x'] }],
      PRESETS.mobile_de.mapping,
    );
    expect(entry).toEqual({
      row: 2,
      raw: {
        external_id: 'A-1',
        make: 'VW',
        model: 'Golf',
        first_registration: '03.2021',
        power_kw: '110',
        price: '19990',
        vat_deductible: '1',
        equipment: 'Klimaanlage|ABS',
      },
    });
  });

  test('several image columns are joined in column order; matching ignores case and spaces', () => {
    const mapping = { ' Nr ': 'external_id', Bild1: 'images', Bild2: 'images', Bild3: 'images' };
    const [entry] = mapRows(
      ['nr', 'BILD1', 'bild2', 'bild3'],
      [{ line: 2, cells: ['7', 'https://a/1.jpg', '', 'https://a/3.jpg'] }],
      mapping,
    );
    expect(entry).toEqual({ row: 2, raw: { external_id: '7', images: 'https://a/1.jpg|https://a/3.jpg' } });
  });

  test('AutoScout24 German headers', () => {
    const header = [
      'Angebotsnummer',
      'Marke',
      'Modell',
      'Kilometerstand',
      'Erstzulassung',
      'Leistung (PS)',
      'Kraftstoff',
    ];
    const [entry] = mapRows(
      header,
      [{ line: 2, cells: ['X', 'BMW', '320d', '80.000', '05/2019', '190', 'Diesel'] }],
      PRESETS.autoscout24.mapping,
    );
    expect(entry).toMatchObject({ row: 2 });
    expect(entry && 'raw' in entry ? entry.raw : null).toEqual({
      external_id: 'X',
      make: 'BMW',
      model: '320d',
      mileage_km: '80.000',
      first_registration: '05/2019',
      power_ps: '190',
      fuel: 'Diesel',
    });
  });
});

describe('checkMapping', () => {
  test.each([
    [{ Nr: 'external_id', Marke: 'make' }, []],
    [{ Nr: 'external_id', Klima: 'equipment:Klimaanlage' }, []],
    [{ Nr: 'external_id', Farbe: 'colour' }, ['„colour“ ist kein Fahrzeugfeld.']],
    [{ Marke: 'make' }, ['Eine Spalte muss der externen ID (external_id) zugeordnet sein.']],
  ])('%j', (mapping, messages) => {
    expect(checkMapping(mapping).map((p) => p.message)).toEqual(messages);
  });

  test.each(Object.entries(PRESETS))('preset %s is a valid mapping', (_name, preset) => {
    expect(checkMapping(preset.mapping)).toEqual([]);
  });
});
