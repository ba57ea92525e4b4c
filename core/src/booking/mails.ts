/**
 * The mails a customer gets about an appointment, in the language they booked in (de/en/tr/pl), and the
 * workshop's German notice. Times are always Berlin wall time with the date spelled out, so nobody
 * misreads 03/04 and a clock change in between does not shift anything.
 */
import type { Language } from '../chat/language.ts';

export type MailKind = 'received' | 'confirmed' | 'declined' | 'cancelled' | 'reminder';

export type AppointmentMailData = {
  workshop: { name: string; phone: string | null; address: string | null };
  service: string;
  start: Date;
  end: Date;
  name: string;
  /** Link to cancel or rebook; null when the cut-off has passed or the appointment is over. */
  manageUrl: string | null;
  /** Until when the link works, shown in the mail. */
  manageUntil: Date | null;
};

const LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', pl: 'pl-PL' };

/** "Montag, 29. März 2027, 08:00" in the language, always in Europe/Berlin. */
export function formatWhen(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: 'Europe/Berlin',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** "08:00" in Berlin. */
export function formatTime(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

type Texts = {
  subject: Record<MailKind, (workshop: string) => string>;
  hello: (name: string) => string;
  body: Record<MailKind, string>;
  when: string;
  service: string;
  manage: (until: string) => string;
  call: (phone: string) => string;
  regards: (workshop: string) => string;
};

const TEXTS: Record<Language, Texts> = {
  de: {
    subject: {
      received: (w) => `Ihre Terminanfrage bei ${w}`,
      confirmed: (w) => `Termin bestätigt: ${w}`,
      declined: (w) => `Ihre Terminanfrage bei ${w} – leider nicht möglich`,
      cancelled: (w) => `Termin abgesagt: ${w}`,
      reminder: (w) => `Erinnerung: Ihr Termin morgen bei ${w}`,
    },
    hello: (n) => `Guten Tag ${n},`,
    body: {
      received:
        'vielen Dank für Ihre Terminanfrage. Die Werkstatt prüft sie und bestätigt Ihnen den Termin per E-Mail.',
      confirmed: 'Ihr Termin ist bestätigt. Die Kalenderdatei im Anhang trägt ihn in Ihren Kalender ein.',
      declined:
        'leider können wir Ihre Terminanfrage nicht annehmen. Bitte wählen Sie einen anderen Termin oder rufen Sie uns an.',
      cancelled: 'Ihr Termin ist abgesagt. Wir freuen uns, wenn Sie einen neuen Termin buchen.',
      reminder: 'wir erinnern Sie an Ihren Termin morgen.',
    },
    when: 'Termin',
    service: 'Leistung',
    manage: (u) => `Termin absagen oder verschieben (bis ${u})`,
    call: (p) => `Fragen? Rufen Sie uns an: ${p}`,
    regards: (w) => `Viele Grüße\n${w}`,
  },
  en: {
    subject: {
      received: (w) => `Your appointment request at ${w}`,
      confirmed: (w) => `Appointment confirmed: ${w}`,
      declined: (w) => `Your appointment request at ${w} – not possible`,
      cancelled: (w) => `Appointment cancelled: ${w}`,
      reminder: (w) => `Reminder: your appointment tomorrow at ${w}`,
    },
    hello: (n) => `Hello ${n},`,
    body: {
      received: 'thank you for your appointment request. The workshop will check it and confirm it by e-mail.',
      confirmed: 'your appointment is confirmed. The calendar file attached adds it to your calendar.',
      declined:
        'unfortunately we cannot accept your appointment request. Please choose another time or give us a call.',
      cancelled: 'your appointment has been cancelled. You are welcome to book a new one.',
      reminder: 'this is a reminder of your appointment tomorrow.',
    },
    when: 'Appointment',
    service: 'Service',
    manage: (u) => `Cancel or reschedule (until ${u})`,
    call: (p) => `Questions? Call us: ${p}`,
    regards: (w) => `Kind regards\n${w}`,
  },
  tr: {
    subject: {
      received: (w) => `${w} randevu talebiniz`,
      confirmed: (w) => `Randevu onaylandı: ${w}`,
      declined: (w) => `${w} randevu talebiniz – maalesef mümkün değil`,
      cancelled: (w) => `Randevu iptal edildi: ${w}`,
      reminder: (w) => `Hatırlatma: yarın ${w} randevunuz var`,
    },
    hello: (n) => `Merhaba ${n},`,
    body: {
      received: 'randevu talebiniz için teşekkür ederiz. Atölye talebinizi inceleyip e-posta ile onaylayacaktır.',
      confirmed: 'randevunuz onaylandı. Ekteki takvim dosyası randevuyu takviminize ekler.',
      declined: 'maalesef randevu talebinizi kabul edemiyoruz. Lütfen başka bir zaman seçin veya bizi arayın.',
      cancelled: 'randevunuz iptal edildi. Yeni bir randevu almanızdan memnuniyet duyarız.',
      reminder: 'yarınki randevunuzu hatırlatmak isteriz.',
    },
    when: 'Randevu',
    service: 'Hizmet',
    manage: (u) => `Randevuyu iptal et veya ertele (${u} tarihine kadar)`,
    call: (p) => `Sorularınız mı var? Bizi arayın: ${p}`,
    regards: (w) => `Saygılarımızla\n${w}`,
  },
  pl: {
    subject: {
      received: (w) => `Twoja prośba o termin w ${w}`,
      confirmed: (w) => `Termin potwierdzony: ${w}`,
      declined: (w) => `Twoja prośba o termin w ${w} – niestety niemożliwa`,
      cancelled: (w) => `Termin odwołany: ${w}`,
      reminder: (w) => `Przypomnienie: jutro termin w ${w}`,
    },
    hello: (n) => `Dzień dobry ${n},`,
    body: {
      received: 'dziękujemy za prośbę o termin. Warsztat ją sprawdzi i potwierdzi termin e-mailem.',
      confirmed: 'Twój termin jest potwierdzony. Załączony plik kalendarza doda go do Twojego kalendarza.',
      declined: 'niestety nie możemy przyjąć Twojej prośby o termin. Wybierz inny termin lub zadzwoń do nas.',
      cancelled: 'Twój termin został odwołany. Zapraszamy do zarezerwowania nowego.',
      reminder: 'przypominamy o jutrzejszym terminie.',
    },
    when: 'Termin',
    service: 'Usługa',
    manage: (u) => `Odwołaj lub przełóż termin (link ważny do: ${u})`,
    call: (p) => `Pytania? Zadzwoń: ${p}`,
    regards: (w) => `Pozdrawiamy\n${w}`,
  },
};

/** A customer mail about an appointment, as plain text. */
export function appointmentMail(
  kind: MailKind,
  language: Language,
  data: AppointmentMailData,
): { subject: string; text: string } {
  const t = TEXTS[language];
  const offersLink = kind !== 'declined' && kind !== 'cancelled';
  const lines = [
    t.hello(data.name),
    '',
    t.body[kind],
    '',
    `${t.when}: ${formatWhen(data.start, language)}–${formatTime(data.end, language)}`,
    `${t.service}: ${data.service}`,
    data.workshop.address ? `${data.workshop.name}, ${data.workshop.address}` : data.workshop.name,
    ...(offersLink && data.manageUrl && data.manageUntil
      ? ['', `${t.manage(formatWhen(data.manageUntil, language))}:`, data.manageUrl]
      : []),
    ...(data.workshop.phone ? ['', t.call(data.workshop.phone)] : []),
    '',
    t.regards(data.workshop.name),
  ];
  return { subject: t.subject[kind](data.workshop.name), text: lines.join('\n') };
}

export type StaffNoticeData = {
  workshop: string;
  /** The service's German name. */
  service: string;
  /** The language the customer booked in; their mails are in it. */
  language: Language;
  start: Date;
  end: Date;
  status: 'requested' | 'confirmed';
  customer: { name: string; phone: string | null; email: string | null };
  car: string | null;
  note: string | null;
  adminUrl: string;
};

const LANGUAGE_NAMES_DE: Record<Language, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  pl: 'Polnisch',
};

/** The workshop's notice of a new booking (German, like the admin). */
export function staffNotice(d: StaffNoticeData): { subject: string; text: string } {
  const when = `${formatWhen(d.start, 'de')}–${formatTime(d.end, 'de')} Uhr`;
  const lines = [
    d.status === 'requested'
      ? `Neue Terminanfrage über die Website von ${d.workshop} – bitte bestätigen oder ablehnen:`
      : `Neuer Termin über die Website von ${d.workshop} (automatisch bestätigt):`,
    '',
    `Termin: ${when}`,
    `Leistung: ${d.service}`,
    `Name: ${d.customer.name}`,
    d.customer.phone ? `Telefon: ${d.customer.phone}` : null,
    d.customer.email ? `E-Mail: ${d.customer.email}` : null,
    d.car ? `Fahrzeug: ${d.car}` : null,
    d.note ? `Hinweis: ${d.note}` : null,
    d.language !== 'de'
      ? `Sprache des Kunden: ${LANGUAGE_NAMES_DE[d.language]} (seine E-Mails gehen auf ${LANGUAGE_NAMES_DE[d.language]})`
      : null,
    '',
    `Im Admin öffnen: ${d.adminUrl}`,
    '',
    'Viele Grüße',
    'Ihr CarBot-Assistent',
  ].filter((l): l is string => l !== null);
  const subject =
    d.status === 'requested'
      ? `Terminanfrage: ${d.customer.name}, ${formatWhen(d.start, 'de')}`
      : `Neuer Termin: ${d.customer.name}, ${formatWhen(d.start, 'de')}`;
  return { subject, text: lines.join('\n') };
}
