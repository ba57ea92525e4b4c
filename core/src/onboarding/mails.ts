import { compose, type Mail, SIGNATURE } from '../mail/compose.ts';

export function verificationMail(input: {
  firstName: string;
  workshopName: string;
  link: string;
  validHours: number;
}): Mail {
  const greeting = input.firstName ? `Guten Tag ${input.firstName},` : 'Guten Tag,';
  return compose('Bitte bestätigen Sie Ihre E-Mail-Adresse für CarBot', [
    greeting,
    `vielen Dank für die Registrierung von „${input.workshopName}“ bei CarBot. Bitte bestätigen Sie Ihre E-Mail-Adresse – danach können Sie sich anmelden, und Ihre 14-tägige kostenlose Testphase beginnt.`,
    { link: input.link, label: 'E-Mail-Adresse bestätigen' },
    `Der Link ist ${input.validHours} Stunden gültig. Falls Sie sich nicht bei CarBot registriert haben, ignorieren Sie diese E-Mail einfach; es wird dann nichts freigeschaltet.`,
    SIGNATURE,
  ]);
}
