/**
 * Tiny builders that turn compact demo definitions into Directus rows with nested translations
 * (`[{ languages_code, ...fields }]`). No tenant is set anywhere: the server stamps it.
 */
import type { Lang, Row } from '../types.ts';
import { id } from './ids.ts';

/** Per-language texts; German is required, other languages as the workshop offers them. */
export type Texts<T> = { de: T } & Partial<Record<Exclude<Lang, 'de'>, T>>;

export type ServiceCategory =
  | 'inspektion'
  | 'hu_au'
  | 'reifen'
  | 'bremsen'
  | 'motor'
  | 'klima'
  | 'elektrik'
  | 'karosserie'
  | 'eauto'
  | 'oldtimer'
  | 'sonstiges';

export type ServiceDef = {
  /** Running number of the service within the tenant (becomes the fixed id). */
  n: number;
  category: ServiceCategory;
  /** Gross EUR incl. VAT; null = price on request. */
  price: number | null;
  /** Show as „ab …“ because the price depends on the vehicle. */
  from?: boolean;
  /** Approximate duration; null when it depends entirely on the job. */
  minutes: number | null;
  /** [name, description] per language. */
  t: Texts<[string, string]>;
};

export type FaqDef = {
  n: number;
  category: string;
  /** [question, answer] per language. */
  t: Texts<[string, string]>;
};

export type PostText = { title: string; excerpt: string; content: string; seo_title: string; seo_description: string };

export type PostDef = {
  n: number;
  slug: string;
  status: 'draft' | 'review' | 'published';
  published_at: string | null;
  author: string;
  t: Texts<PostText>;
};

function entries<T>(texts: Texts<T>): [Lang, T][] {
  return Object.entries(texts).filter((e): e is [Lang, T] => e[1] !== undefined);
}

export function services(t: number, workshop: string, defs: ServiceDef[]): Row[] {
  return defs.map((s, i) => ({
    id: id(t, 'service', s.n),
    status: 'published',
    workshop,
    category: s.category,
    price: s.price,
    price_from: s.from ?? false,
    duration_minutes: s.minutes,
    sort: i + 1,
    translations: entries(s.t).map(([languages_code, [name, description]]) => ({ languages_code, name, description })),
  }));
}

/** `workshop` null only for platform FAQ (tenant index 0). */
export function faqs(t: number, workshop: string | null, defs: FaqDef[]): Row[] {
  return defs.map((f, i) => ({
    id: id(t, 'faq', f.n),
    status: 'published',
    workshop,
    category: f.category,
    sort: i + 1,
    translations: entries(f.t).map(([languages_code, [question, answer]]) => ({ languages_code, question, answer })),
  }));
}

/** `workshop` null only for the platform blog (tenant index 0). */
export function posts(t: number, workshop: string | null, defs: PostDef[]): Row[] {
  return defs.map((p) => ({
    id: id(t, 'post', p.n),
    status: p.status,
    workshop,
    slug: p.slug,
    published_at: p.published_at,
    author: p.author,
    translations: entries(p.t).map(([languages_code, text]) => ({ languages_code, ...text })),
  }));
}

/** Keeps only the languages a workshop offers (for definitions shared between locations). */
export function only<T extends { t: Texts<unknown> }>(langs: readonly Lang[], defs: T[]): T[] {
  return defs.map((d) => ({
    ...d,
    t: Object.fromEntries(entries(d.t).filter(([l]) => langs.includes(l))) as T['t'],
  }));
}
