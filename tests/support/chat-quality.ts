/**
 * The assistant's answer quality across languages: a German-only workshop (services, FAQ, hours and
 * vehicles written in German only) and questions about it in German, English, Turkish and Polish, a
 * quarter each, answered in retrieval-only mode. An answer counts when it contains the right price,
 * hours or vehicle (and no vehicle outside an asked range); every amount in any answer must be one the
 * data states. Used by tests/integration/chat-quality.test.ts and `npm run bench:chat`.
 */
import { findAmounts } from '@carbot/core/chat/price-guard';

type Service = { name: string; description: string; price: number; from?: boolean; minutes?: number };
type Faq = { question: string; answer: string };
type Vehicle = {
  make: string;
  model: string;
  variant: string;
  year: number;
  mileage_km: number;
  fuel: string;
  transmission: 'manual' | 'automatic';
  price: number;
};

export const WORKSHOP = {
  name: 'Kfz-Technik Aydın & Nowak',
  slug: 'kfz-technik-qualitaet',
  phone: '+49 30 5550 1234',
  email: 'service@kfz-technik-qualitaet.example',
  street: 'Sonnenallee 120',
  postal_code: '12045',
  city: 'Berlin',
  languages: ['de'],
  opening_hours: {
    mo: [['07:30', '18:00']],
    tu: [['07:30', '18:00']],
    we: [['07:30', '18:00']],
    th: [['07:30', '18:00']],
    fr: [['07:30', '16:00']],
    sa: [['09:00', '13:00']],
  },
};

// biome-ignore format: one service per line reads like a price list
export const SERVICES: Service[] = [
  { name: 'Ölwechsel inkl. Ölfilter', description: 'Motoröl nach Herstellerfreigabe bis 5 Liter, neuer Ölfilter, Serviceanzeige zurückgesetzt.', price: 89, minutes: 45 },
  { name: 'Inspektion nach Herstellervorgaben', description: 'Wartung nach Serviceplan mit Eintrag ins Serviceheft, die Herstellergarantie bleibt erhalten.', price: 229, from: true, minutes: 150 },
  { name: 'Räderwechsel (Sommer/Winter)', description: 'Umstecken der kompletten Räder mit Sichtprüfung und Luftdruckkontrolle.', price: 35, minutes: 30 },
  { name: 'Reifeneinlagerung pro Saison', description: 'Räder gewaschen, geprüft und versichert in unserem Räderhotel eingelagert.', price: 55 },
  { name: 'Bremsbeläge vorn erneuern', description: 'Neue Bremsbeläge an der Vorderachse inklusive Probefahrt.', price: 179, from: true, minutes: 90 },
  { name: 'HU/AU (Hauptuntersuchung mit Abgasuntersuchung)', description: 'Hauptuntersuchung durch eine anerkannte Prüforganisation bei uns im Haus, inklusive Prüfgebühr.', price: 145, minutes: 60 },
  { name: 'Klimaservice', description: 'Absaugen, Reinigen und Neubefüllen der Klimaanlage mit Dichtheitsprüfung.', price: 109, minutes: 60 },
  { name: 'Fehlerdiagnose', description: 'Auslesen des Fehlerspeichers aller Steuergeräte, wenn eine Warnlampe leuchtet.', price: 65, minutes: 30 },
  { name: 'Zahnriemenwechsel inkl. Wasserpumpe', description: 'Zahnriemen, Spannrollen und Wasserpumpe nach Herstellervorgabe.', price: 590, from: true },
  { name: 'Achsvermessung', description: 'Vermessung und Einstellung von Spur und Sturz.', price: 95, minutes: 60 },
  { name: 'Batterie-Check', description: 'Test der Starterbatterie und der Ladeanlage mit Prüfprotokoll.', price: 15, minutes: 15 },
  { name: 'Hochvolt-Check für Elektroautos', description: 'Prüfung von Hochvoltbatterie, Leitungen und Ladeanschluss durch geschulte Techniker.', price: 99, minutes: 60 },
];

export const FAQS: Faq[] = [
  {
    question: 'Bekomme ich einen Ersatzwagen?',
    answer:
      'Ja, einen Werkstattersatzwagen für 29 € pro Tag inklusive 100 km. Bitte bei der Terminvereinbarung reservieren.',
  },
  {
    question: 'Wie kann ich bezahlen?',
    answer: 'Bar, mit Girocard oder Kreditkarte. Für größere Reparaturen bieten wir eine Finanzierung an.',
  },
  {
    question: 'Gibt es einen Hol- und Bringservice?',
    answer: 'Ja, innerhalb Berlins holen wir Ihr Auto für 35 € ab und bringen es zurück.',
  },
  {
    question: 'Verliere ich die Herstellergarantie in einer freien Werkstatt?',
    answer: 'Nein. Wir arbeiten nach Herstellervorgaben und tragen jede Inspektion ins Serviceheft ein.',
  },
  {
    question: 'Kann ich ein Fahrzeug Probe fahren?',
    answer: 'Gern, nach Terminvereinbarung. Bitte bringen Sie Ihren Führerschein mit.',
  },
  {
    question: 'Nehmen Sie mein altes Auto in Zahlung?',
    answer: 'Ja, beim Kauf eines Fahrzeugs bewerten wir Ihr Auto kostenlos.',
  },
];

// biome-ignore format: one vehicle per line reads like a stock list
export const VEHICLES: Vehicle[] = [
  { make: 'Volkswagen', model: 'Polo', variant: '1.0 TSI Life', year: 2021, mileage_km: 28400, fuel: 'petrol', transmission: 'manual', price: 15990 },
  { make: 'Volkswagen', model: 'Golf', variant: '1.5 TSI Style DSG', year: 2021, mileage_km: 41200, fuel: 'petrol', transmission: 'automatic', price: 23490 },
  { make: 'Volkswagen', model: 'Passat Variant', variant: '2.0 TDI Business', year: 2020, mileage_km: 98500, fuel: 'diesel', transmission: 'automatic', price: 21990 },
  { make: 'Skoda', model: 'Fabia', variant: '1.0 TSI Ambition', year: 2020, mileage_km: 52300, fuel: 'petrol', transmission: 'manual', price: 12890 },
  { make: 'Skoda', model: 'Octavia Combi', variant: '2.0 TDI Style', year: 2019, mileage_km: 118000, fuel: 'diesel', transmission: 'manual', price: 16490 },
  { make: 'Opel', model: 'Corsa', variant: '1.2 Edition', year: 2019, mileage_km: 61000, fuel: 'petrol', transmission: 'manual', price: 10990 },
  { make: 'BMW', model: '320d Touring', variant: 'Sport Line', year: 2020, mileage_km: 87000, fuel: 'diesel', transmission: 'automatic', price: 27990 },
  { make: 'Tesla', model: 'Model 3', variant: 'Standard Range Plus', year: 2021, mileage_km: 45000, fuel: 'electric', transmission: 'automatic', price: 29990 },
  { make: 'Hyundai', model: 'Kona Elektro', variant: '64 kWh Trend', year: 2020, mileage_km: 39000, fuel: 'electric', transmission: 'automatic', price: 19990 },
  { make: 'Toyota', model: 'Yaris', variant: '1.5 Hybrid Comfort', year: 2021, mileage_km: 33000, fuel: 'hybrid', transmission: 'automatic', price: 17490 },
  { make: 'Mercedes-Benz', model: 'C-Klasse', variant: 'C 220 d Avantgarde', year: 2019, mileage_km: 92000, fuel: 'diesel', transmission: 'automatic', price: 26490 },
];

const title = (v: Vehicle) => `${v.make} ${v.model}`;
const under = (max: number) => VEHICLES.filter((v) => v.price <= max).map(title);
const over = (max: number) => VEHICLES.filter((v) => v.price > max).map(title);
const fuel = (f: string) => VEHICLES.filter((v) => v.fuel === f).map(title);
const notFuel = (f: string) => VEHICLES.filter((v) => v.fuel !== f).map(title);

/** `any`: the answer must contain one of these; `none`: it must contain none of them. */
export type Question = { language: 'de' | 'en' | 'tr' | 'pl'; text: string; any: string[]; none?: string[] };

const ask = (language: Question['language'], text: string, any: string[], none?: string[]): Question => ({
  language,
  text,
  any,
  none,
});
const OIL = ['89,00 €'];
const INSPECTION = ['229,00 €'];
const TYRES = ['35,00 €'];
const BRAKES = ['179,00 €'];
const HU = ['145,00 €'];
const AC = ['109,00 €'];
const SATURDAY = ['Samstag: 09:00–13:00'];
const COURTESY = ['29 €'];
const UNDER_20K = { any: under(20000), none: over(20000) };
const ELECTRIC = { any: fuel('electric'), none: notFuel('electric') };
const DIESEL = { any: fuel('diesel'), none: notFuel('diesel') };

export const QUESTIONS: Question[] = [
  ask('de', 'Was kostet ein Ölwechsel?', OIL),
  ask('de', 'Was kostet bei euch die Inspektion?', INSPECTION),
  ask('de', 'Wie teuer ist der Reifenwechsel?', TYRES),
  ask('de', 'Was kosten neue Bremsbeläge?', BRAKES),
  ask('de', 'Macht ihr TÜV? Was kostet das?', HU),
  ask('de', 'Preis für Klimaservice?', AC),
  ask('de', 'Habt ihr am Samstag offen?', SATURDAY),
  ask('de', 'Bekomme ich einen Leihwagen?', COURTESY),
  ask('de', 'Habt ihr ein Auto unter 20.000 €?', UNDER_20K.any, UNDER_20K.none),
  ask('de', 'Habt ihr Elektroautos?', ELECTRIC.any, ELECTRIC.none),
  ask('de', 'Ich suche einen Diesel', DIESEL.any, DIESEL.none),

  ask('en', 'How much is an oil change?', OIL),
  ask('en', 'What does a service cost?', INSPECTION),
  ask('en', 'How much do you charge for changing tyres?', TYRES),
  ask('en', 'Price for new brake pads?', BRAKES),
  ask('en', 'Can you do the roadworthiness test? How much?', HU),
  ask('en', 'How much is an air con service?', AC),
  ask('en', 'Are you open on Saturday?', SATURDAY),
  ask('en', 'Do you offer a courtesy car?', COURTESY),
  ask('en', 'Do you have a car under 20k?', UNDER_20K.any, UNDER_20K.none),
  ask('en', 'Any electric cars for sale?', ELECTRIC.any, ELECTRIC.none),
  ask('en', 'I am looking for a diesel', DIESEL.any, DIESEL.none),

  ask('tr', 'Yağ değişimi ne kadar?', OIL),
  ask('tr', 'Arabamın bakımı kaç para?', INSPECTION),
  ask('tr', 'Lastik değişimi fiyatı nedir?', TYRES),
  ask('tr', 'Fren balatası değişimi ne kadar?', BRAKES),
  ask('tr', 'Muayene yapıyor musunuz? Ücreti ne kadar?', HU),
  ask('tr', 'Klima bakımı ne kadar?', AC),
  ask('tr', 'Cumartesi açık mısınız?', SATURDAY),
  ask('tr', 'Yedek araç veriyor musunuz?', COURTESY),
  ask('tr', '20.000 € altında araba var mı?', UNDER_20K.any, UNDER_20K.none),
  ask('tr', 'Elektrikli araba satıyor musunuz?', ELECTRIC.any, ELECTRIC.none),
  ask('tr', 'Dizel araç arıyorum', DIESEL.any, DIESEL.none),

  ask('pl', 'Ile kosztuje wymiana oleju?', OIL),
  ask('pl', 'Ile kosztuje przegląd?', INSPECTION),
  ask('pl', 'Ile kosztuje wymiana opon?', TYRES),
  ask('pl', 'Ile kosztują klocki hamulcowe?', BRAKES),
  ask('pl', 'Czy robicie badanie techniczne? Jaka cena?', HU),
  ask('pl', 'Ile kosztuje serwis klimatyzacji?', AC),
  ask('pl', 'Czy jesteście otwarci w sobotę?', SATURDAY),
  ask('pl', 'Czy dostanę samochód zastępczy?', COURTESY),
  ask('pl', 'Czy macie samochód poniżej 20 tys. euro?', UNDER_20K.any, UNDER_20K.none),
  ask('pl', 'Macie samochody elektryczne?', ELECTRIC.any, ELECTRIC.none),
  ask('pl', 'Szukam samochodu z silnikiem diesla', DIESEL.any, DIESEL.none),
];

/** Every amount the workshop's data states, in cents: service and vehicle prices and amounts in FAQ answers. */
export function dataPrices(): Set<number> {
  const prices = new Set<number>([...SERVICES, ...VEHICLES].map((x) => Math.round(x.price * 100)));
  for (const faq of FAQS) for (const amount of findAmounts(faq.answer)) prices.add(amount.cents);
  return prices;
}

export type Scored = { question: Question; answer: string; right: boolean; invented: number[] };

export function score(question: Question, rawAnswer: string): Scored {
  const answer = rawAnswer.replace(/[\u00a0\u202f]/g, ' ');
  const right = question.any.some((s) => answer.includes(s)) && !(question.none ?? []).some((s) => answer.includes(s));
  const known = dataPrices();
  const invented = findAmounts(answer)
    .map((a) => a.cents)
    .filter((c) => !known.has(c));
  return { question, answer, right, invented };
}

export function summary(results: Scored[]) {
  const right = results.filter((r) => r.right).length;
  const invented = results.reduce((n, r) => n + r.invented.length, 0);
  const perLanguage = Object.fromEntries(
    (['de', 'en', 'tr', 'pl'] as const).map((l) => {
      const of = results.filter((r) => r.question.language === l);
      return [l, `${of.filter((r) => r.right).length}/${of.length}`];
    }),
  );
  return { right, total: results.length, share: right / results.length, invented, perLanguage };
}

type Post = (path: string, body: unknown) => Promise<{ id: string; key?: string }>;

/**
 * Creates the German-only workshop through the API (as the admin) with one client key per language, so
 * each language's visitor has its own rate-limit bucket, as separate visitors would. Returns the keys.
 */
export async function createQualityWorkshop(post: Post, origin: string): Promise<{ workshop: string; keys: string[] }> {
  const tenant = await post('/items/tenants', {
    name: 'Kfz-Technik Aydın & Nowak GbR',
    plan: 'enterprise',
    subscription_status: 'active',
  });
  const workshop = await post('/items/workshops', { ...WORKSHOP, tenant: tenant.id, status: 'published' });
  for (const s of SERVICES)
    await post('/items/services', {
      workshop: workshop.id,
      status: 'published',
      price: s.price,
      price_from: Boolean(s.from),
      duration_minutes: s.minutes ?? null,
      translations: [{ languages_code: 'de', name: s.name, description: s.description }],
    });
  for (const f of FAQS)
    await post('/items/faqs', {
      workshop: workshop.id,
      status: 'published',
      translations: [{ languages_code: 'de', question: f.question, answer: f.answer }],
    });
  for (const [i, v] of VEHICLES.entries())
    await post('/items/vehicles', { ...v, workshop: workshop.id, status: 'available', external_id: `Q-${i}` });
  const keys: string[] = [];
  for (const name of ['Deutsch', 'English', 'Türkçe', 'Polski', 'Probe']) {
    const key = await post('/items/client_keys', { workshop: workshop.id, name, allowed_origins: [origin] });
    keys.push(key.key as string);
  }
  return { workshop: workshop.id, keys };
}

/** A visitor's conversation: asks each question in turn and returns the streamed answers. */
export async function converse(directus: string, key: string, origin: string, language: string, questions: string[]) {
  const headers = { 'x-carbot-key': key, origin, 'content-type': 'application/json' };
  const created = await fetch(`${directus}/widget/conversations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ language }),
  });
  if (created.status !== 201) throw new Error(`Gespräch nicht angelegt: ${created.status} ${await created.text()}`);
  const { data } = (await created.json()) as { data: { id: string; session: string } };
  const answers: string[] = [];
  for (const text of questions) {
    const res = await fetch(`${directus}/widget/conversations/${data.id}/messages`, {
      method: 'POST',
      headers: { ...headers, 'x-carbot-session': data.session },
      body: JSON.stringify({ text }),
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`Antwort ${res.status}: ${body}`);
    answers.push(
      body
        .split('\n\n')
        .filter((block) => block.startsWith('event: delta'))
        .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)).text as string)
        .join(''),
    );
  }
  return answers;
}

/** Asks every question of the set, one conversation per language, and scores the answers. */
export async function runQuestionSet(directus: string, keys: string[], origin: string): Promise<Scored[]> {
  const results: Scored[] = [];
  for (const [i, language] of (['de', 'en', 'tr', 'pl'] as const).entries()) {
    const questions = QUESTIONS.filter((q) => q.language === language);
    const answers = await converse(
      directus,
      keys[i] as string,
      origin,
      language,
      questions.map((q) => q.text),
    );
    for (const [j, q] of questions.entries()) results.push(score(q, answers[j] ?? ''));
  }
  return results;
}
