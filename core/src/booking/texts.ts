/**
 * What the booking API and pages tell a visitor when something cannot be done, in the visitor's language
 * (German unless the request names another the workshop offers).
 */
import type { Language } from '../chat/language.ts';
import type { BodyRefusal } from '../http/body.ts';
import { localePath } from '../sites/i18n.ts';

export type BookingErrorCode =
  | 'BOOKING_DISABLED'
  | 'UNKNOWN_SERVICE'
  | 'SLOT_TAKEN'
  | 'SLOT_NOT_OFFERED'
  | 'INVALID_RANGE'
  | 'INVALID_LINK'
  | 'TOO_LATE'
  | 'CLOSED'
  | 'PLAN_LIMIT'
  | 'INVALID_KEY'
  | 'ORIGIN_NOT_ALLOWED'
  | 'RATE_LIMITED';

export const BOOKING_STATUS: Record<BookingErrorCode, number> = {
  BOOKING_DISABLED: 404,
  UNKNOWN_SERVICE: 400,
  SLOT_TAKEN: 409,
  SLOT_NOT_OFFERED: 400,
  INVALID_RANGE: 400,
  INVALID_LINK: 403,
  TOO_LATE: 409,
  CLOSED: 409,
  PLAN_LIMIT: 429,
  INVALID_KEY: 401,
  ORIGIN_NOT_ALLOWED: 403,
  RATE_LIMITED: 429,
};

/**
 * Refusals before the booking API itself runs: the body (see core/http/body, answered by the body-limit
 * hook with its own status and code) and a path with broken percent-encoding (400 INVALID_PATH).
 */
/** Bodies the booking API reads at most (the body-limit hook enforces it; the 413 message names it). */
export const BOOKING_BODY_BYTES = 16 * 1024;
const limit = `${BOOKING_BODY_BYTES / 1024} KB`;

export type BookingRequestRefusal = BodyRefusal | 'INVALID_PATH';

export const BOOKING_ERRORS: Record<Language, Record<BookingErrorCode | BookingRequestRefusal, string>> = {
  de: {
    BOOKING_DISABLED: 'Diese Werkstatt nimmt keine Online-Termine an. Bitte rufen Sie an.',
    UNKNOWN_SERVICE: 'Diese Leistung kann nicht online gebucht werden.',
    SLOT_TAKEN: 'Dieser Termin ist gerade vergeben. Bitte wählen Sie einen der vorgeschlagenen Termine.',
    SLOT_NOT_OFFERED: 'Zu dieser Zeit ist kein Termin möglich (Öffnungszeiten, Vorlauf oder Feiertag).',
    INVALID_RANGE: 'Bitte geben Sie einen Zeitraum von höchstens 62 Tagen an (from/to als JJJJ-MM-TT).',
    INVALID_LINK: 'Dieser Link ist ungültig oder wurde schon benutzt.',
    TOO_LATE: 'Dieser Termin kann online nicht mehr geändert werden. Bitte rufen Sie an.',
    CLOSED: 'Dieser Termin ist bereits abgesagt oder abgeschlossen.',
    PLAN_LIMIT: 'Online-Termine sind im Moment nicht möglich. Bitte rufen Sie an.',
    INVALID_KEY: 'Der Schlüssel (x-carbot-key) fehlt oder ist ungültig.',
    ORIGIN_NOT_ALLOWED: 'Dieser Schlüssel ist für diese Website nicht freigegeben.',
    RATE_LIMITED: 'Zu viele Anfragen. Bitte versuchen Sie es gleich noch einmal.',
    PAYLOAD_TOO_LARGE: `Die Anfrage ist zu groß (höchstens ${limit}). Bitte senden Sie weniger Daten.`,
    UNSUPPORTED_MEDIA_TYPE: 'Bitte senden Sie die Angaben als JSON (Content-Type: application/json).',
    INVALID_UTF8: 'Die Anfrage enthält Zeichen, die kein gültiges UTF-8 sind. Bitte senden Sie den Text in UTF-8.',
    INVALID_JSON: 'Die Anfrage enthält kein gültiges JSON-Objekt.',
    TOO_DEEP: 'Die Anfrage ist zu tief verschachtelt. Bitte senden Sie einfacheres JSON.',
    INCOMPLETE: 'Die Anfrage kam unvollständig an.',
    INVALID_PATH: 'Die Adresse enthält ungültig kodierte Zeichen. Bitte prüfen Sie den Link.',
  },
  en: {
    BOOKING_DISABLED: 'This workshop does not take online appointments. Please call.',
    UNKNOWN_SERVICE: 'This service cannot be booked online.',
    SLOT_TAKEN: 'This time has just been taken. Please choose one of the suggested times.',
    SLOT_NOT_OFFERED: 'No appointment is possible at this time (opening hours, notice or holiday).',
    INVALID_RANGE: 'Please give a range of at most 62 days (from/to as YYYY-MM-DD).',
    INVALID_LINK: 'This link is invalid or has already been used.',
    TOO_LATE: 'This appointment can no longer be changed online. Please call.',
    CLOSED: 'This appointment has already been cancelled or completed.',
    PLAN_LIMIT: 'Online appointments are not possible at the moment. Please call.',
    INVALID_KEY: 'The key (x-carbot-key) is missing or invalid.',
    ORIGIN_NOT_ALLOWED: 'This key is not enabled for this website.',
    RATE_LIMITED: 'Too many requests. Please try again in a moment.',
    PAYLOAD_TOO_LARGE: `The request is too large (at most ${limit}). Please send less data.`,
    UNSUPPORTED_MEDIA_TYPE: 'Please send the details as JSON (Content-Type: application/json).',
    INVALID_UTF8: 'The request contains characters that are not valid UTF-8. Please send the text as UTF-8.',
    INVALID_JSON: 'The request does not contain a valid JSON object.',
    TOO_DEEP: 'The request is nested too deeply. Please send simpler JSON.',
    INCOMPLETE: 'The request did not arrive in full.',
    INVALID_PATH: 'The address contains invalid encoded characters. Please check the link.',
  },
  tr: {
    BOOKING_DISABLED: 'Bu atölye çevrimiçi randevu almıyor. Lütfen arayın.',
    UNKNOWN_SERVICE: 'Bu hizmet çevrimiçi rezerve edilemez.',
    SLOT_TAKEN: 'Bu saat az önce doldu. Lütfen önerilen saatlerden birini seçin.',
    SLOT_NOT_OFFERED: 'Bu saatte randevu mümkün değil (çalışma saatleri, ön süre veya tatil).',
    INVALID_RANGE: 'Lütfen en fazla 62 günlük bir aralık girin (from/to YYYY-AA-GG olarak).',
    INVALID_LINK: 'Bu bağlantı geçersiz veya zaten kullanılmış.',
    TOO_LATE: 'Bu randevu artık çevrimiçi değiştirilemez. Lütfen arayın.',
    CLOSED: 'Bu randevu zaten iptal edilmiş veya tamamlanmış.',
    PLAN_LIMIT: 'Şu anda çevrimiçi randevu mümkün değil. Lütfen arayın.',
    INVALID_KEY: 'Anahtar (x-carbot-key) eksik veya geçersiz.',
    ORIGIN_NOT_ALLOWED: 'Bu anahtar bu web sitesi için etkin değil.',
    RATE_LIMITED: 'Çok fazla istek. Lütfen birazdan tekrar deneyin.',
    PAYLOAD_TOO_LARGE: `İstek çok büyük (en fazla ${limit}). Lütfen daha az veri gönderin.`,
    UNSUPPORTED_MEDIA_TYPE: 'Lütfen bilgileri JSON olarak gönderin (Content-Type: application/json).',
    INVALID_UTF8: 'İstek geçerli UTF-8 olmayan karakterler içeriyor. Lütfen metni UTF-8 olarak gönderin.',
    INVALID_JSON: 'İstek geçerli bir JSON nesnesi içermiyor.',
    TOO_DEEP: 'İstek çok derin iç içe geçmiş. Lütfen daha basit JSON gönderin.',
    INCOMPLETE: 'İstek eksik ulaştı.',
    INVALID_PATH: 'Adres geçersiz kodlanmış karakterler içeriyor. Lütfen bağlantıyı kontrol edin.',
  },
  pl: {
    BOOKING_DISABLED: 'Ten warsztat nie przyjmuje rezerwacji online. Prosimy zadzwonić.',
    UNKNOWN_SERVICE: 'Tej usługi nie można zarezerwować online.',
    SLOT_TAKEN: 'Ten termin został właśnie zajęty. Wybierz jeden z proponowanych terminów.',
    SLOT_NOT_OFFERED: 'O tej godzinie termin nie jest możliwy (godziny otwarcia, wyprzedzenie lub święto).',
    INVALID_RANGE: 'Podaj zakres maksymalnie 62 dni (from/to jako RRRR-MM-DD).',
    INVALID_LINK: 'Ten link jest nieprawidłowy lub został już użyty.',
    TOO_LATE: 'Tego terminu nie można już zmienić online. Prosimy zadzwonić.',
    CLOSED: 'Ten termin został już odwołany lub zakończony.',
    PLAN_LIMIT: 'Rezerwacje online nie są w tej chwili możliwe. Prosimy zadzwonić.',
    INVALID_KEY: 'Brak klucza (x-carbot-key) lub klucz jest nieprawidłowy.',
    ORIGIN_NOT_ALLOWED: 'Ten klucz nie jest włączony dla tej strony.',
    RATE_LIMITED: 'Zbyt wiele żądań. Spróbuj ponownie za chwilę.',
    PAYLOAD_TOO_LARGE: `Żądanie jest za duże (maksymalnie ${limit}). Prosimy wysłać mniej danych.`,
    UNSUPPORTED_MEDIA_TYPE: 'Prosimy wysłać dane jako JSON (Content-Type: application/json).',
    INVALID_UTF8: 'Żądanie zawiera znaki, które nie są poprawnym UTF-8. Prosimy wysłać tekst w UTF-8.',
    INVALID_JSON: 'Żądanie nie zawiera poprawnego obiektu JSON.',
    TOO_DEEP: 'Żądanie jest zbyt głęboko zagnieżdżone. Prosimy wysłać prostszy JSON.',
    INCOMPLETE: 'Żądanie nie dotarło w całości.',
    INVALID_PATH: 'Adres zawiera nieprawidłowo zakodowane znaki. Prosimy sprawdzić link.',
  },
};

/** The consent version shown with the booking form; a booking with another version is refused. */
export const BOOKING_CONSENT_VERSION = '2026-11-booking';

export const BOOKING_CONSENT: Record<Language, (workshop: string) => string> = {
  de: (w) =>
    `Ich bin einverstanden, dass ${w} meine Angaben speichert, um den Termin zu vereinbaren, und mich dazu per Telefon oder E-Mail kontaktiert.`,
  en: (w) =>
    `I agree that ${w} stores my details to arrange the appointment and contacts me about it by phone or e-mail.`,
  tr: (w) =>
    `${w} firmasının randevuyu ayarlamak için bilgilerimi saklamasını ve bu konuda benimle telefon veya e-posta ile iletişime geçmesini kabul ediyorum.`,
  pl: (w) =>
    `Zgadzam się, aby ${w} przechowywał moje dane w celu umówienia terminu i kontaktował się ze mną w tej sprawie telefonicznie lub e-mailem.`,
};

/** The booking page of a workshop website, neutral path (German slug in every language). */
export const BOOKING_PATH = '/termin';

/** Link to manage (cancel or rebook) one appointment on the workshop's booking page. */
export function manageUrl(siteOrigin: string, language: Language, id: string, signedToken: string): string {
  const params = new URLSearchParams({ termin: id, token: signedToken });
  return `${siteOrigin.replace(/\/$/, '')}${localePath(language, BOOKING_PATH)}?${params}`;
}
