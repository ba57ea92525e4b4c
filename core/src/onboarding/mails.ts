import { compose, type Mail, SIGNATURE } from '../mail/compose.ts';

export function verificationMail(input: {
  firstName: string;
  workshopName: string;
  link: string;
  validHours: number;
  /** From the plan the workshop registered with (`plans.trial_days`). */
  trialDays: number;
}): Mail {
  const greeting = input.firstName ? `Guten Tag ${input.firstName},` : 'Guten Tag,';
  return compose('Bitte bestätigen Sie Ihre E-Mail-Adresse für CarBot', [
    greeting,
    `vielen Dank für die Registrierung von „${input.workshopName}“ bei CarBot. Bitte bestätigen Sie Ihre E-Mail-Adresse – danach können Sie sich anmelden, und Ihre ${input.trialDays}-tägige kostenlose Testphase beginnt.`,
    { link: input.link, label: 'E-Mail-Adresse bestätigen' },
    `Der Link ist ${input.validHours} Stunden gültig. Falls Sie sich nicht bei CarBot registriert haben, ignorieren Sie diese E-Mail einfach; es wird dann nichts freigeschaltet.`,
    SIGNATURE,
  ]);
}

/**
 * To the holder of an address that already has an active account, when someone registers with it: the
 * registration form answers the same for every address, so this mail is where the truth goes.
 */
export function registrationAttemptMail(input: { firstName: string; loginLink: string; resetLink: string }): Mail {
  const greeting = input.firstName ? `Guten Tag ${input.firstName},` : 'Guten Tag,';
  return compose('Registrierungsversuch mit Ihrer E-Mail-Adresse bei CarBot', [
    greeting,
    'gerade hat jemand versucht, mit Ihrer E-Mail-Adresse ein neues CarBot-Konto zu registrieren. Zu dieser Adresse gibt es bereits ein Konto, deshalb wurde nichts angelegt oder geändert.',
    'Waren Sie das? Dann melden Sie sich einfach mit Ihrem bestehenden Konto an:',
    { link: input.loginLink, label: 'Zur Anmeldung' },
    'Passwort vergessen? Auf der Anmeldeseite können Sie unter „Passwort vergessen“ ein neues festlegen:',
    { link: input.resetLink, label: 'Passwort zurücksetzen' },
    'Waren Sie es nicht, müssen Sie nichts tun; Ihr Konto bleibt unverändert.',
    SIGNATURE,
  ]);
}

/** Invitation of a new user into a workshop's account; the link leads to setting a password. */
export function invitationMail(input: { tenantName: string; roleName: string; link: string }): Mail {
  return compose(`Einladung zu CarBot: ${input.tenantName}`, [
    'Guten Tag,',
    `Sie wurden eingeladen, bei „${input.tenantName}“ in CarBot mitzuarbeiten (Rolle: ${input.roleName}). Bitte legen Sie über den folgenden Link Ihr Passwort fest; danach können Sie sich anmelden.`,
    { link: input.link, label: 'Einladung annehmen' },
    'Falls Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail einfach; ohne Passwort wird das Konto nicht aktiv.',
    SIGNATURE,
  ]);
}
