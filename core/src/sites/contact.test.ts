import { describe, expect, test } from 'vitest';
import { CONTACT_CONSENT_VERSION, contactConsentText, contactMail, parseContactForm } from './contact.ts';

const VEHICLE = '0a1b2c3d-0000-4000-8000-000000000001';
const valid = { name: 'Erika Muster', phone: '030 1234567', message: 'Ölwechsel nächste Woche?', consent: 'ja' };

describe('parseContactForm', () => {
  test.each([
    ['a complete enquiry', valid, { name: 'Erika Muster', phone: '030 1234567', wish: 'Ölwechsel nächste Woche?' }],
    ['e-mail instead of phone', { ...valid, phone: '', email: 'erika@example.com' }, { email: 'erika@example.com' }],
    ['the vehicle asked about', { ...valid, car: 'VW Golf 8', vehicle: VEHICLE }, { car: 'VW Golf 8' }],
  ])('%s is accepted', (_name, form, expected) => {
    const result = parseContactForm(form, 'de');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.submission.lead).toMatchObject(expected);
  });

  test.each([
    ['no consent', { ...valid, consent: undefined }, 'consent', 'Bitte stimmen Sie der Kontaktaufnahme zu'],
    ['neither phone nor e-mail', { ...valid, phone: '' }, 'contact', 'Telefonnummer oder E-Mail-Adresse'],
    ['no name', { ...valid, name: ' ' }, 'name', 'Namen'],
    ['a broken e-mail', { ...valid, email: 'erika@' }, 'email', 'E-Mail-Adresse'],
    ['a message too long', { ...valid, message: 'x'.repeat(2001) }, 'wish', 'zu lang'],
  ])('%s is refused with a German message on the field', (_name, form, field, words) => {
    const result = parseContactForm(form, 'de');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toContain(words);
  });

  test('errors in the page language', () => {
    const result = parseContactForm({ ...valid, consent: undefined }, 'en');
    expect(!result.ok && result.errors.consent).toContain('Please agree');
  });

  test.each([
    ['a vehicle id', VEHICLE, VEHICLE],
    ['anything else is no vehicle', 'abc', null],
    ['none', undefined, null],
  ])('%s', (_name, vehicle, expected) => {
    const result = parseContactForm({ ...valid, vehicle }, 'de');
    expect(result.ok && result.submission.vehicle).toBe(expected);
  });

  test.each([
    ['an empty trap field', '', false],
    ['a filled trap field (a bot)', 'http://spam.example', true],
  ])('%s', (_name, website, spam) => {
    const result = parseContactForm({ ...valid, website }, 'de');
    expect(result.ok && result.submission.spam).toBe(spam);
  });
});

test('the mail names the page, the visitor and how to reach them', () => {
  const mail = contactMail(
    'Kfz Schneider',
    { name: 'Erika', phone: '030 1', email: null, car: 'VW Golf', wish: 'Probefahrt?' },
    'https://admin.example/admin/content/leads/1',
    'https://kfz-schneider.example/fahrzeuge/1',
  );
  expect(mail.subject).toBe('Website-Anfrage: Erika (VW Golf)');
  expect(mail.text).toContain('Telefon: 030 1');
  expect(mail.text).not.toContain('E-Mail:');
  expect(mail.text).toContain('Gesendet von: https://kfz-schneider.example/fahrzeuge/1');
});

test.each(['de', 'en', 'tr', 'pl'] as const)('consent text in %s names the workshop', (lang) => {
  expect(contactConsentText('Kfz Schneider', lang)).toContain('Kfz Schneider');
  expect(CONTACT_CONSENT_VERSION).toMatch(/^2026-/);
});
