import { compose, type Mail, SIGNATURE } from '../mail/compose.ts';

const dateDe = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(date);

export function money(cents: number, currency = 'eur'): string {
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export function paymentFailedMail(input: {
  tenantName: string;
  amountCents: number | null;
  currency: string | null;
  graceEndsAt: Date;
  billingUrl: string;
}): Mail {
  const amount = input.amountCents === null ? '' : ` über ${money(input.amountCents, input.currency ?? 'eur')}`;
  return compose('Zahlung fehlgeschlagen – bitte Zahlungsdaten prüfen', [
    'Guten Tag,',
    `die Zahlung für das CarBot-Abo von „${input.tenantName}“${amount} konnte leider nicht eingezogen werden.`,
    `Website und Chat-Widget laufen bis zum ${dateDe(input.graceEndsAt)} ohne Einschränkung weiter. Bitte aktualisieren Sie bis dahin Ihre Zahlungsdaten im Kundenportal; Stripe versucht die Abbuchung dann automatisch erneut. Danach pausieren Website und Chat – Ihre Daten bleiben in jedem Fall vollständig erhalten.`,
    { link: input.billingUrl, label: 'Zahlungsdaten aktualisieren' },
    SIGNATURE,
  ]);
}

export function trialEndingMail(input: {
  tenantName: string;
  trialEndsAt: Date;
  hasSubscription: boolean;
  billingUrl: string;
}): Mail {
  const next = input.hasSubscription
    ? 'Danach beginnt Ihr Abo automatisch mit der hinterlegten Zahlungsmethode; Sie müssen nichts weiter tun.'
    : 'Wählen Sie bis dahin einen Tarif, damit Website und Chat-Widget ohne Unterbrechung weiterlaufen.';
  return compose(`Ihre CarBot-Testphase endet am ${dateDe(input.trialEndsAt)}`, [
    'Guten Tag,',
    `die kostenlose Testphase von „${input.tenantName}“ endet am ${dateDe(input.trialEndsAt)}.`,
    next,
    { link: input.billingUrl, label: 'Abrechnung öffnen' },
    SIGNATURE,
  ]);
}
