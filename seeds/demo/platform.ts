/**
 * Platform content (tenant index 0): the shared FAQ for workshop owners, the platform blog and the marketer.
 * Rows have `workshop: null` and no tenant — the server keeps them as platform content.
 */
import type { PlatformSeed } from '../types.ts';
import { type FaqDef, faqs, type PostDef, posts } from './build.ts';
import { id } from './ids.ts';

const T = 0;

const faqDefs: FaqDef[] = [
  {
    n: 1,
    category: 'Preise',
    t: {
      de: [
        'Was kostet CarBot?',
        'Es gibt drei Tarife, jeweils monatlich zzgl. MwSt.: **Basic** für 49 € (Chat-Widget für Ihre bestehende Website, bis 100 Anfragen im Monat), **Premium** für 99 € (zusätzlich eine eigene Werkstatt-Website mit allen Vorlagen, eigene Domain, unbegrenzte Anfragen) und **Enterprise** für 199 € (mehrere Standorte, API-Zugang, individuelle Vorlagen). Jeder Tarif startet mit 14 Tagen kostenloser Testphase.',
      ],
      en: [
        'How much does CarBot cost?',
        'There are three plans, each per month plus VAT: **Basic** at €49 (chat widget for your existing website, up to 100 enquiries a month), **Premium** at €99 (plus your own workshop website with all templates, custom domain, unlimited enquiries) and **Enterprise** at €199 (multiple locations, API access, custom templates). Every plan starts with a free 14-day trial.',
      ],
    },
  },
  {
    n: 2,
    category: 'Einrichtung',
    t: {
      de: [
        'Wie baue ich das Chat-Widget auf meiner Website ein?',
        'Im Admin finden Sie unter „Client-Keys“ eine fertige Script-Zeile mit Ihrem persönlichen Schlüssel. Diese Zeile fügen Sie einmal in Ihre Website ein – bei den meisten Baukästen und bei WordPress geht das ohne Programmierkenntnisse. Hinterlegen Sie beim Schlüssel die Adresse Ihrer Website, dann funktioniert das Widget nur dort.',
      ],
      en: [
        'How do I add the chat widget to my website?',
        'In the admin under “Client keys” you will find a ready-made script line with your personal key. Paste this line into your website once – with most site builders and WordPress this requires no programming skills. Enter your website’s address for the key, and the widget will only work there.',
      ],
    },
  },
  {
    n: 3,
    category: 'Datenschutz',
    t: {
      de: [
        'Ist CarBot DSGVO-konform?',
        'Ja, Datenschutz ist von Anfang an eingebaut: Das Widget setzt keine Cookies, speichert nichts im Browser Ihrer Besucher und lädt nichts nach, bevor der Chat geöffnet wird. Kontaktdaten werden erst nach ausdrücklicher Einwilligung erfasst, die Einwilligung wird mit der Version der Datenschutzhinweise protokolliert. IP-Adressen speichern wir nicht im Klartext, Gespräche werden je nach Tarif nach 90, 180 oder 365 Tagen automatisch gelöscht. Einen Vertrag zur Auftragsverarbeitung (AVV) nach Art. 28 DSGVO schließen wir mit Ihnen ab.',
      ],
      en: [
        'Is CarBot GDPR-compliant?',
        'Yes, privacy is built in from the start: the widget sets no cookies, stores nothing in your visitors’ browsers and loads nothing before the chat is opened. Contact details are only collected after explicit consent, which is logged with the version of the privacy notice. We do not store IP addresses in plain text, and conversations are deleted automatically after 90, 180 or 365 days depending on your plan. We sign a data processing agreement (Art. 28 GDPR) with you.',
      ],
    },
  },
  {
    n: 4,
    category: 'Vertrag',
    t: {
      de: [
        'Wie kann ich kündigen?',
        'Jederzeit zum Ende des laufenden Abrechnungsmonats, direkt im Kundenportal unter „Abrechnung“ – ohne Anruf und ohne Formular. Endet die Testphase, ohne dass Sie einen Tarif gebucht haben, entstehen keine Kosten.',
      ],
      en: [
        'How can I cancel?',
        'At any time, effective at the end of the current billing month, directly in the customer portal under “Billing” – no phone call, no form. If the trial ends without you choosing a plan, nothing is charged.',
      ],
    },
  },
  {
    n: 5,
    category: 'Website',
    t: {
      de: [
        'Kann ich meine eigene Domain verwenden?',
        'Ab dem Tarif Premium ja. Sie tragen im Admin Ihre Domain ein, zum Beispiel www.ihre-werkstatt.de, und setzen bei Ihrem Domain-Anbieter einen DNS-Eintrag. Das Sicherheitszertifikat (HTTPS) richten wir automatisch ein. Ohne eigene Domain ist Ihre Website unter einer CarBot-Adresse mit Ihrem Werkstattnamen erreichbar.',
      ],
      en: [
        'Can I use my own domain?',
        'Yes, from the Premium plan. Enter your domain in the admin, for example www.your-workshop.com, and add a DNS record at your domain provider. We set up the security certificate (HTTPS) automatically. Without your own domain, your website is available at a CarBot address with your workshop’s name.',
      ],
    },
  },
  {
    n: 6,
    category: 'Sprachen',
    t: {
      de: [
        'In welchen Sprachen gibt es Website und Assistent?',
        'Website und Chat-Assistent gibt es auf Deutsch, Englisch, Türkisch und Polnisch. Sie wählen, welche Sprachen Ihre Werkstatt anbietet. Der Assistent antwortet in der Sprache des Besuchers; fehlt eine Übersetzung Ihrer Inhalte, zeigt die Website den deutschen Text.',
      ],
      en: [
        'Which languages are the website and assistant available in?',
        'The website and chat assistant are available in German, English, Turkish and Polish. You choose which languages your workshop offers. The assistant replies in the visitor’s language; if a translation of your content is missing, the website shows the German text.',
      ],
    },
  },
  {
    n: 7,
    category: 'Assistent',
    t: {
      de: [
        'Woher weiß der Assistent, was er antworten soll – erfindet er Preise?',
        'Nein. Der Assistent antwortet ausschließlich auf Grundlage Ihrer eigenen Daten: Leistungen und Preise, Öffnungszeiten, FAQ, Blogartikel und – falls vorhanden – Ihr Fahrzeugbestand. Steht ein Preis nicht in Ihren Daten, sagt er das und bietet an, Ihre Werkstatt zu kontaktieren. Möchte ein Besucher mit einem Menschen sprechen, werden Sie sofort benachrichtigt und können direkt im Admin antworten.',
      ],
      en: [
        'How does the assistant know what to say – does it make up prices?',
        'No. The assistant answers solely on the basis of your own data: services and prices, opening hours, FAQ, blog articles and – if you have one – your vehicle stock. If a price is not in your data, it says so and offers to contact your workshop. If a visitor wants to talk to a human, you are notified immediately and can reply directly from the admin.',
      ],
    },
  },
  {
    n: 8,
    category: 'Funktionen',
    t: {
      de: [
        'Kann ich mehrere Standorte und meinen Fahrzeugbestand verwalten?',
        'Mehrere Standorte mit eigener Website sind im Tarif Enterprise enthalten. Fahrzeuge können Sie in allen Tarifen von Hand pflegen oder automatisch importieren – per Feed (JSON oder CSV) von Ihrer Händlersoftware, per Webhook oder als Datei-Upload. Verkaufte Fahrzeuge verschwinden automatisch von der Website.',
      ],
      en: [
        'Can I manage several locations and my vehicle stock?',
        'Multiple locations, each with its own website, are included in the Enterprise plan. In every plan you can maintain vehicles by hand or import them automatically – via a feed (JSON or CSV) from your dealer software, via webhook or as a file upload. Sold vehicles disappear from the website automatically.',
      ],
    },
  },
];

const postDefs: PostDef[] = [
  {
    n: 1,
    slug: 'google-bewertungen-fuer-werkstaetten',
    status: 'published',
    published_at: '2026-03-03T08:00:00Z',
    author: 'Julia Werner',
    t: {
      de: {
        title: 'Google-Bewertungen: So sammeln Werkstätten mehr (echte) Rezensionen',
        excerpt:
          'Bewertungen entscheiden mit, ob ein Autofahrer anruft. Fünf Wege zu mehr Rezensionen – ohne Tricks, die Ärger bringen.',
        content: `Wer eine Werkstatt sucht, schaut zuerst auf die Sterne. Eine Werkstatt mit 4,7 Sternen aus 180 Bewertungen wirkt vertrauenswürdiger als eine mit 5,0 aus sechs. Es kommt also nicht nur auf die Note an, sondern auch auf die **Anzahl und Aktualität** der Bewertungen.

**1. Im richtigen Moment fragen.** Der beste Zeitpunkt ist die Schlüsselübergabe, wenn der Kunde zufrieden ist. Ein kurzer Satz wie „Wenn Sie zufrieden waren, freuen wir uns über eine Bewertung“ reicht oft schon.

**2. Den Weg kurz machen.** Drucken Sie einen QR-Code, der direkt zum Bewertungsformular führt, auf Rechnung und Auftragsbestätigung. Jeder zusätzliche Klick kostet Bewertungen.

**3. Auf jede Bewertung antworten.** Ein Dank für Lob und eine sachliche, freundliche Antwort auf Kritik zeigen künftigen Kunden, dass Sie sich kümmern. Nennen Sie in der Antwort keine Details zum Auftrag – der Datenschutz gilt auch hier.

**4. Keine Bewertungen kaufen oder belohnen.** Gekaufte oder mit Rabatten „erkaufte“ Bewertungen verstoßen gegen die Richtlinien der Plattformen und gegen das Wettbewerbsrecht. Das Risiko ist eine Abmahnung und die Löschung Ihres Profils – es lohnt sich nicht.

**5. Kritik als Chance nutzen.** Häufen sich Beschwerden über Wartezeiten am Telefon, ist das ein Hinweis für die Organisation. Ein Chat-Assistent auf der Website, der rund um die Uhr Fragen beantwortet, nimmt hier spürbar Druck heraus.`,
        seo_title: 'Google-Bewertungen für Werkstätten: 5 Tipps',
        seo_description:
          'Wie Kfz-Werkstätten mehr echte Google-Bewertungen bekommen: der richtige Moment, QR-Codes, Antworten auf Kritik – und was verboten ist.',
      },
      en: {
        title: 'Google reviews: how workshops collect more (genuine) reviews',
        excerpt:
          'Reviews help decide whether a driver picks up the phone. Five ways to get more – without tricks that backfire.',
        content: `When people look for a workshop, they look at the stars first. A workshop with 4.7 stars from 180 reviews looks more trustworthy than one with 5.0 from six. So it is not just the rating that matters, but also the **number and freshness** of reviews.

**1. Ask at the right moment.** The best time is when you hand back the keys and the customer is happy. A short sentence such as “If you were happy with our work, we would appreciate a review” is often enough.

**2. Keep the path short.** Print a QR code that leads straight to the review form on your invoice and job confirmation. Every extra click costs reviews.

**3. Reply to every review.** A thank-you for praise and a factual, friendly reply to criticism show future customers that you care. Do not mention details of the job in your reply – data protection applies here too.

**4. Never buy or reward reviews.** Bought reviews, or reviews “bought” with discounts, violate platform policies and competition law. The risk is a legal warning and removal of your profile – it is not worth it.

**5. Use criticism as an opportunity.** If complaints about waiting times on the phone pile up, that is a hint for your organisation. A chat assistant on your website that answers questions around the clock noticeably takes the pressure off.`,
        seo_title: 'Google reviews for workshops: 5 tips',
        seo_description:
          'How car workshops get more genuine Google reviews: the right moment, QR codes, replying to criticism – and what is not allowed.',
      },
    },
  },
  {
    n: 2,
    slug: 'ki-assistent-auf-der-werkstatt-website',
    status: 'published',
    published_at: '2026-06-18T08:00:00Z',
    author: 'Julia Werner',
    t: {
      de: {
        title: 'KI-Assistent auf der Werkstatt-Website: Was er kann – und was nicht',
        excerpt:
          'Ein Chat-Assistent beantwortet Fragen zu Preisen und Öffnungszeiten rund um die Uhr. Wo er hilft und wo der Mensch gefragt bleibt.',
        content: `Die meisten Anfragen an eine Werkstatt sind wiederkehrend: Was kostet ein Räderwechsel? Haben Sie samstags geöffnet? Kann ich mein E-Auto bei Ihnen zur Inspektion bringen? Genau hier spielt ein KI-Assistent seine Stärken aus – er antwortet sofort, auch abends und am Wochenende, wenn das Telefon nicht besetzt ist.

**Was er gut kann:** Fragen zu Leistungen, Preisen, Öffnungszeiten und Fahrzeugen im Bestand beantworten, und zwar in der Sprache des Besuchers. Außerdem nimmt er Anfragen entgegen: Name, Telefonnummer, Fahrzeug und Anliegen landen als Lead direkt bei Ihnen – aber erst, nachdem der Besucher der Datenverarbeitung zugestimmt hat.

**Was er nicht tun sollte:** Ferndiagnosen stellen oder Preise erfinden. Ein seriöser Assistent antwortet nur auf Basis Ihrer eigenen Daten. Steht ein Preis nicht in Ihrer Leistungsliste, sagt er das offen und bietet einen Rückruf an.

**Wann der Mensch übernimmt:** Bei Reklamationen, komplizierten Schäden oder wenn der Kunde es ausdrücklich wünscht. Dann sollte der Assistent das Gespräch an Ihr Team übergeben – mit einer Benachrichtigung, damit niemand vergessen wird.

Unser Fazit: Ein KI-Assistent ersetzt nicht die Beratung an der Annahme, aber er fängt die vielen Standardfragen ab und sorgt dafür, dass keine Anfrage verloren geht.`,
        seo_title: 'KI-Chat für Werkstätten: Möglichkeiten und Grenzen',
        seo_description:
          'Was ein KI-Assistent auf der Werkstatt-Website leisten kann, wo seine Grenzen liegen und wann Ihr Team übernehmen sollte.',
      },
      en: {
        title: 'An AI assistant on your workshop website: what it can – and cannot – do',
        excerpt:
          'A chat assistant answers questions about prices and opening hours around the clock. Where it helps and where people are still needed.',
        content: `Most enquiries to a workshop are recurring: How much is a wheel change? Are you open on Saturdays? Can I bring my EV to you for a service? This is exactly where an AI assistant shines – it answers instantly, even in the evening and at weekends when nobody is at the phone.

**What it does well:** answering questions about services, prices, opening hours and vehicles in stock, in the visitor’s language. It also takes enquiries: name, phone number, vehicle and request arrive with you as a lead – but only after the visitor has consented to data processing.

**What it should not do:** make remote diagnoses or invent prices. A reputable assistant only answers on the basis of your own data. If a price is not in your service list, it says so openly and offers a call-back.

**When a human takes over:** for complaints, complex damage or when the customer explicitly asks. The assistant should then hand the conversation over to your team – with a notification, so that nobody is forgotten.

Our conclusion: an AI assistant does not replace advice at the service desk, but it handles the many standard questions and makes sure no enquiry gets lost.`,
        seo_title: 'AI chat for workshops: possibilities and limits',
        seo_description:
          'What an AI assistant on a workshop website can do, where its limits are and when your team should take over.',
      },
    },
  },
  {
    n: 3,
    slug: 'digitales-marketing-fuer-kfz-werkstaetten',
    status: 'published',
    published_at: '2026-09-09T08:00:00Z',
    author: 'Julia Werner',
    t: {
      de: {
        title: 'Digitales Marketing für Kfz-Werkstätten: die Grundlagen',
        excerpt:
          'Unternehmensprofil, mobile Website, klare Preise: Mit diesen Grundlagen werden Werkstätten online gefunden.',
        content: `Fast jeder Werkstattbesuch beginnt heute mit einer Suche auf dem Smartphone: „Werkstatt in der Nähe“, „Klimaservice Preis“, „HU ohne Termin“. Wer hier nicht auftaucht, verliert Kunden an den Betrieb zwei Straßen weiter.

**Das Unternehmensprofil pflegen.** Ihr Eintrag in Karten und Suchmaschinen ist oft der erste Kontakt. Halten Sie Öffnungszeiten, Telefonnummer und Leistungen aktuell, laden Sie echte Fotos Ihrer Werkstatt und Ihres Teams hoch, und tragen Sie Sonderöffnungszeiten an Feiertagen ein.

**Eine schnelle, mobile Website.** Die Website muss auf dem Handy in Sekunden laden und die wichtigsten Fragen sofort beantworten: Was bieten Sie an, was kostet es, wann haben Sie geöffnet, wie erreicht man Sie? Ein Klick auf die Telefonnummer muss den Anruf starten.

**Preise zeigen.** Viele Werkstätten scheuen sich davor, doch „ab“-Preise für Standardleistungen schaffen Vertrauen und filtern unpassende Anfragen heraus. Niemand erwartet einen Festpreis für eine unbekannte Reparatur.

**Rechtssicher bleiben.** Impressum mit Handwerkskammer und Registerangaben, Datenschutzerklärung und ein Consent-Banner, das wirklich nichts lädt, bevor der Besucher zustimmt, gehören zur Pflicht. Auch Schriftarten sollten auf dem eigenen Server liegen.

**Regelmäßig Inhalte veröffentlichen.** Ein kurzer Blogartikel zur Reifensaison oder zur Klimaanlage im Frühjahr zeigt Kompetenz und hilft, bei genau diesen Suchanfragen gefunden zu werden.`,
        seo_title: 'Online-Marketing für Werkstätten: die Basics',
        seo_description:
          'Unternehmensprofil, mobile Website, Preise, Rechtssicherheit und Blog: die Grundlagen des digitalen Marketings für Kfz-Werkstätten.',
      },
      en: {
        title: 'Digital marketing for car workshops: the basics',
        excerpt: 'Business profile, mobile website, clear prices: the basics that get workshops found online.',
        content: `Almost every workshop visit today starts with a search on a smartphone: “garage near me”, “air-con service price”, “MOT without appointment”. If you don’t show up there, you lose customers to the business two streets away.

**Maintain your business profile.** Your listing in maps and search engines is often the first contact. Keep opening hours, phone number and services up to date, upload real photos of your workshop and team, and add special opening hours for public holidays.

**A fast, mobile website.** Your website must load on a phone within seconds and answer the key questions immediately: what do you offer, what does it cost, when are you open, how can people reach you? Tapping the phone number must start the call.

**Show prices.** Many workshops shy away from it, but “from” prices for standard services build trust and filter out unsuitable enquiries. Nobody expects a fixed price for an unknown repair.

**Stay legally compliant.** A legal notice (Impressum) with chamber of crafts and register details, a privacy policy and a consent banner that really loads nothing before the visitor agrees are mandatory in Germany. Fonts should be hosted on your own server, too.

**Publish content regularly.** A short blog article on tyre season or on air-conditioning in spring shows expertise and helps you get found for exactly those searches.`,
        seo_title: 'Online marketing for workshops: the basics',
        seo_description:
          'Business profile, mobile website, prices, legal compliance and a blog: the basics of digital marketing for car workshops.',
      },
    },
  },
];

export const platform: PlatformSeed = {
  faqs: faqs(T, null, faqDefs),
  posts: posts(T, null, postDefs),
  users: [
    {
      id: id(T, 'user', 1),
      email: 'marketing@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Julia',
      last_name: 'Werner',
      role: 'marketer',
    },
  ],
};
