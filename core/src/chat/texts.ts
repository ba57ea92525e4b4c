import { z } from 'zod';
import { multiLineText } from '../text/input.ts';
import type { Language } from './language.ts';

/** Version of the privacy notice the visitor agrees to; stored with every consent. */
export const CONSENT_POLICY_VERSION = '2026-11';

type Texts = {
  consent: (workshop: string) => string;
  greeting: (workshop: string) => string;
  priceOnRequest: string;
  leadThanks: string;
  leadLimit: (phone: string | null) => string;
  /** A second submit in the same conversation corrects the first lead instead of adding one. */
  leadUpdated: string;
  handoff: string;
  /** Said once when the visitor writes while staff have the conversation; the assistant stays quiet. */
  staffWillAnswer: string;
  /** The words of the consent text that link to the workshop's privacy page. */
  privacyLink: string;
  /** The chat menu's link that erases the visitor's own conversation (GDPR Art. 17), its question and result. */
  erase: { label: string; confirm: string; done: string };
  errors: Record<ErrorCode, string>;
};

export type ErrorCode =
  | 'INVALID_KEY'
  | 'ORIGIN_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_MESSAGE'
  | 'INVALID_SESSION'
  | 'NOT_FOUND'
  | 'UNAVAILABLE';

export const TEXTS: Record<Language, Texts> = {
  de: {
    consent: (w) =>
      `Ich bin einverstanden, dass ${w} meine Angaben aus diesem Chat speichert und mich zu meiner Anfrage kontaktiert. Die Einwilligung kann ich jederzeit widerrufen. Details in der Datenschutzerklärung.`,
    greeting: (w) =>
      `Hallo! Ich bin der digitale Assistent von ${w}. Fragen Sie mich zu Leistungen, Preisen, Öffnungszeiten oder Fahrzeugen.`,
    priceOnRequest: '(Preis auf Anfrage)',
    leadThanks: 'Vielen Dank! Ihre Anfrage ist bei uns angekommen – wir melden uns so bald wie möglich.',
    leadUpdated: 'Danke! Wir haben Ihre Anfrage mit den neuen Angaben aktualisiert.',
    leadLimit: (phone) =>
      `Vielen Dank! Ihre Anfrage haben wir per E-Mail an das Team weitergegeben.${phone ? ` Schneller geht es telefonisch unter ${phone}.` : ''}`,
    handoff:
      'Ich habe das Team informiert. Eine Mitarbeiterin oder ein Mitarbeiter antwortet Ihnen hier im Chat, sobald jemand frei ist.',
    staffWillAnswer:
      'Ihre Nachricht ist beim Team angekommen. Eine Mitarbeiterin oder ein Mitarbeiter antwortet Ihnen hier im Chat.',
    privacyLink: 'Datenschutzerklärung',
    erase: {
      label: 'Gespräch löschen',
      confirm: 'Dieses Gespräch mit allen Ihren Angaben darin endgültig löschen?',
      done: 'Ihr Gespräch und Ihre Angaben darin sind gelöscht.',
    },
    errors: {
      INVALID_KEY: 'Dieses Chat-Widget ist nicht (mehr) gültig.',
      ORIGIN_NOT_ALLOWED: 'Das Chat-Widget ist für diese Website nicht freigeschaltet.',
      RATE_LIMITED: 'Sie schreiben gerade sehr schnell. Bitte warten Sie einen Moment.',
      PAYLOAD_TOO_LARGE: 'Die Nachricht ist zu lang.',
      INVALID_MESSAGE: 'Bitte schreiben Sie eine Nachricht mit höchstens 1000 Zeichen.',
      INVALID_SESSION: 'Dieses Gespräch ist abgelaufen. Bitte starten Sie den Chat neu.',
      NOT_FOUND: 'Nicht gefunden.',
      UNAVAILABLE: 'Der Chat ist gerade nicht verfügbar. Bitte rufen Sie uns an.',
    },
  },
  en: {
    consent: (w) =>
      `I agree that ${w} stores the details from this chat and contacts me about my request. I can withdraw this consent at any time. Details in the privacy policy.`,
    greeting: (w) =>
      `Hello! I am the digital assistant of ${w}. Ask me about services, prices, opening hours or vehicles.`,
    priceOnRequest: '(price on request)',
    leadThanks: 'Thank you! We have received your request and will get back to you as soon as possible.',
    leadUpdated: 'Thank you! We have updated your request with the new details.',
    leadLimit: (phone) =>
      `Thank you! We have passed your request on to the team by e-mail.${phone ? ` It is quicker to call us at ${phone}.` : ''}`,
    handoff: 'I have let the team know. A member of staff will answer you here in the chat as soon as someone is free.',
    staffWillAnswer: 'Your message has reached the team. A member of staff will answer you here in the chat.',
    privacyLink: 'privacy policy',
    erase: {
      label: 'Delete conversation',
      confirm: 'Delete this conversation and all the details you gave in it for good?',
      done: 'Your conversation and the details you gave in it have been deleted.',
    },
    errors: {
      INVALID_KEY: 'This chat widget is not valid (any more).',
      ORIGIN_NOT_ALLOWED: 'The chat widget is not enabled for this website.',
      RATE_LIMITED: 'You are writing very fast. Please wait a moment.',
      PAYLOAD_TOO_LARGE: 'The message is too long.',
      INVALID_MESSAGE: 'Please write a message of at most 1000 characters.',
      INVALID_SESSION: 'This conversation has expired. Please restart the chat.',
      NOT_FOUND: 'Not found.',
      UNAVAILABLE: 'The chat is not available right now. Please call us.',
    },
  },
  tr: {
    consent: (w) =>
      `${w} tarafından bu sohbetteki bilgilerimin saklanmasını ve talebim hakkında benimle iletişime geçilmesini kabul ediyorum. Onayımı istediğim zaman geri alabilirim. Ayrıntılar gizlilik politikasında.`,
    greeting: (w) =>
      `Merhaba! Ben ${w} dijital asistanıyım. Hizmetler, fiyatlar, çalışma saatleri veya araçlar hakkında sorabilirsiniz.`,
    priceOnRequest: '(fiyat talep üzerine)',
    leadThanks: 'Teşekkürler! Talebiniz bize ulaştı, en kısa sürede size dönüş yapacağız.',
    leadUpdated: 'Teşekkürler! Talebinizi yeni bilgilerle güncelledik.',
    leadLimit: (phone) =>
      `Teşekkürler! Talebinizi e-posta ile ekibimize ilettik.${phone ? ` Daha hızlı ulaşmak için ${phone} numarasını arayabilirsiniz.` : ''}`,
    handoff: 'Ekibi bilgilendirdim. Bir çalışanımız müsait olur olmaz size burada sohbetten yanıt verecek.',
    staffWillAnswer: 'Mesajınız ekibimize ulaştı. Bir çalışanımız size burada sohbetten yanıt verecek.',
    privacyLink: 'gizlilik politikasında',
    erase: {
      label: 'Sohbeti sil',
      confirm: 'Bu sohbet ve içindeki tüm bilgileriniz kalıcı olarak silinsin mi?',
      done: 'Sohbetiniz ve içindeki bilgileriniz silindi.',
    },
    errors: {
      INVALID_KEY: 'Bu sohbet aracı geçerli değil.',
      ORIGIN_NOT_ALLOWED: 'Sohbet aracı bu web sitesi için etkin değil.',
      RATE_LIMITED: 'Çok hızlı yazıyorsunuz. Lütfen biraz bekleyin.',
      PAYLOAD_TOO_LARGE: 'Mesaj çok uzun.',
      INVALID_MESSAGE: 'Lütfen en fazla 1000 karakterlik bir mesaj yazın.',
      INVALID_SESSION: 'Bu sohbetin süresi doldu. Lütfen sohbeti yeniden başlatın.',
      NOT_FOUND: 'Bulunamadı.',
      UNAVAILABLE: 'Sohbet şu anda kullanılamıyor. Lütfen bizi arayın.',
    },
  },
  pl: {
    consent: (w) =>
      `Zgadzam się, aby ${w} zapisał dane z tego czatu i skontaktował się ze mną w sprawie mojego zapytania. Zgodę mogę w każdej chwili wycofać. Szczegóły w polityce prywatności.`,
    greeting: (w) =>
      `Dzień dobry! Jestem cyfrowym asystentem ${w}. Proszę pytać o usługi, ceny, godziny otwarcia lub pojazdy.`,
    priceOnRequest: '(cena na zapytanie)',
    leadThanks: 'Dziękujemy! Otrzymaliśmy zapytanie i odezwiemy się najszybciej, jak to możliwe.',
    leadUpdated: 'Dziękujemy! Zaktualizowaliśmy zapytanie o nowe dane.',
    leadLimit: (phone) =>
      `Dziękujemy! Przekazaliśmy zapytanie zespołowi e-mailem.${phone ? ` Szybciej będzie zadzwonić pod numer ${phone}.` : ''}`,
    handoff: 'Poinformowałem zespół. Pracownik odpowie tutaj na czacie, gdy tylko będzie dostępny.',
    staffWillAnswer: 'Wiadomość dotarła do zespołu. Pracownik odpowie tutaj na czacie.',
    privacyLink: 'polityce prywatności',
    erase: {
      label: 'Usuń rozmowę',
      confirm: 'Usunąć na stałe tę rozmowę i wszystkie podane w niej dane?',
      done: 'Rozmowa i podane w niej dane zostały usunięte.',
    },
    errors: {
      INVALID_KEY: 'Ten widżet czatu jest nieważny.',
      ORIGIN_NOT_ALLOWED: 'Widżet czatu nie jest włączony dla tej strony.',
      RATE_LIMITED: 'Piszesz bardzo szybko. Proszę chwilę poczekać.',
      PAYLOAD_TOO_LARGE: 'Wiadomość jest za długa.',
      INVALID_MESSAGE: 'Proszę napisać wiadomość o długości maks. 1000 znaków.',
      INVALID_SESSION: 'Ta rozmowa wygasła. Proszę uruchomić czat ponownie.',
      NOT_FOUND: 'Nie znaleziono.',
      UNAVAILABLE: 'Czat jest teraz niedostępny. Prosimy o telefon.',
    },
  },
};

/** A visitor's chat message: text, at most 1000 characters, no control characters but line breaks. */
const chatMessage = multiLineText.pipe(z.string().min(1).max(1000));

export function cleanMessage(raw: unknown): string | null {
  const parsed = chatMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
