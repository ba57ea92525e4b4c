import type { LeadInput } from './lead.ts';

/** The notification a workshop gets for a new chat lead: everything needed to call back, plus a link. */
export function leadMail(
  workshop: string,
  lead: LeadInput,
  adminUrl: string,
  updated = false,
): { subject: string; text: string } {
  const lines = [
    updated
      ? `Ein Besucher hat seine Anfrage im Chat-Assistenten von ${workshop} korrigiert. Die aktuellen Angaben:`
      : `Neue Anfrage über den Chat-Assistenten von ${workshop}:`,
    '',
    `Name: ${lead.name}`,
    lead.phone ? `Telefon: ${lead.phone}` : null,
    lead.email ? `E-Mail: ${lead.email}` : null,
    lead.car ? `Fahrzeug: ${lead.car}` : null,
    lead.wish ? `Anliegen: ${lead.wish}` : null,
    '',
    'Die Einwilligung zur Kontaktaufnahme liegt vor und ist gespeichert.',
    `Lead im Admin öffnen: ${adminUrl}`,
    '',
    'Viele Grüße',
    'Ihr CarBot-Assistent',
  ].filter((line): line is string => line !== null);
  const about = `${lead.name}${lead.car ? ` (${lead.car})` : ''}`;
  return { subject: updated ? `Lead aktualisiert: ${about}` : `Neuer Lead: ${about}`, text: lines.join('\n') };
}

/** Notification that a visitor asked for a person in the chat. */
export function handoffMail(
  workshop: string,
  question: string | null,
  adminUrl: string,
): { subject: string; text: string } {
  return {
    subject: 'Ein Besucher möchte mit einem Mitarbeiter sprechen',
    text: [
      `Im Chat auf der Website von ${workshop} wünscht sich ein Besucher eine Antwort aus dem Team.`,
      question ? `Letzte Frage: „${question}“` : null,
      '',
      `Gespräch öffnen und antworten: ${adminUrl}`,
      'Ihre Antwort erscheint direkt im Chatfenster des Besuchers, solange es geöffnet ist.',
    ]
      .filter((line): line is string => line !== null)
      .join('\n'),
  };
}
