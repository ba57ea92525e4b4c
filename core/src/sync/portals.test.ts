import { describe, expect, test } from 'vitest';
import { checkPortalToken, googleFeed, metaFeed, type PortalVehicle, portalToken } from './portals.ts';

const v = (id: string, over: Partial<PortalVehicle> = {}): PortalVehicle => ({
  id,
  external_id: `E-${id}`,
  make: 'Volkswagen',
  model: 'Golf',
  variant: '1.5 TSI "Life"',
  price: 19990,
  mileage_km: 42000,
  year: null,
  first_registration: '2021-04',
  fuel: 'petrol',
  transmission: 'manual',
  body_type: 'small_car',
  drive_type: 'front',
  color: 'Weiß',
  vin: null,
  description: 'Zeile 1\nZeile 2,\tmit Tab',
  status: 'available',
  url: `https://autohaus.example/fahrzeuge/${id}`,
  image_url: `https://autohaus.example/_carbot/img/f${id}?w=1200`,
  isNew: false,
  ...over,
});
const stock = [
  v('1'),
  v('2', { status: 'sold' }),
  v('3', { status: 'reserved', fuel: 'plugin_hybrid', isNew: true }),
  v('1'),
];

describe('googleFeed', () => {
  test('one tab-separated row per vehicle on sale, each id once, Google attribute values', () => {
    const lines = googleFeed(stock).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'id\ttitle\tdescription\tlink\timage_link\tprice\tcondition\tbrand\tmodel\ttrim\tyear\tmileage\tvin\tcolor\tfuel\tavailability',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]?.split('\t')).toEqual([
      '1',
      'Volkswagen Golf 1.5 TSI "Life"',
      'Zeile 1 Zeile 2, mit Tab',
      'https://autohaus.example/fahrzeuge/1',
      'https://autohaus.example/_carbot/img/f1?w=1200',
      '19990.00 EUR',
      'used',
      'Volkswagen',
      'Golf',
      '1.5 TSI "Life"',
      '2021',
      '42000 km',
      '',
      'Weiß',
      'gasoline',
      'in_stock',
    ]);
    expect(lines[2]?.split('\t')).toContain('plug-in hybrid');
    expect(lines[2]?.split('\t')).toContain('new');
  });
});

describe('metaFeed', () => {
  test('CSV with Meta field names, quoted where needed', () => {
    const csv = metaFeed(stock, { street: 'Hauptstr. 1', city: 'München', postcode: '80331' });
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(
      lines[0]?.startsWith(
        'vehicle_id,title,description,url,make,model,year,mileage.value,mileage.unit,image[0].url,price',
      ),
    ).toBe(true);
    expect(lines[1]).toBe(
      '1,"Volkswagen Golf 1.5 TSI ""Life""","Zeile 1 Zeile 2, mit Tab",https://autohaus.example/fahrzeuge/1,Volkswagen,Golf,2021,42000,KM,https://autohaus.example/_carbot/img/f1?w=1200,19990.00 EUR,USED,,Weiß,GASOLINE,MANUAL,HATCHBACK,FWD,AVAILABLE,Hauptstr. 1,München,80331,DE',
    );
    expect(lines[2]).toContain(',NEW,');
    expect(lines[2]).toContain(',PENDING,');
  });
});

describe('portal tokens', () => {
  test.each([
    ['its own token', 'google', portalToken('cbs_a', 'google'), true],
    ["the other portal's token", 'google', portalToken('cbs_a', 'meta'), false],
    ["another secret's token", 'google', portalToken('cbs_b', 'google'), false],
    ['no token', 'meta', undefined, false],
    ['garbage', 'meta', 'x'.repeat(32), false],
  ] as const)('%s', (_name, portal, token, ok) => {
    expect(checkPortalToken('cbs_a', portal, token)).toBe(ok);
  });

  test('a feed without secret has no portal feed', () => {
    expect(checkPortalToken(null, 'google', portalToken('', 'google'))).toBe(false);
  });
});
