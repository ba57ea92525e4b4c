/**
 * Demo tenant 4: Oldtimer-Werkstatt Brandl, Stuttgart — a one-man classic-car specialist on a Basic trial.
 * Basic has no website, so the workshop stays a draft and uses the chat widget only (on its existing site).
 * All names, numbers and addresses are fictitious (mobile number from the Bundesnetzagentur media range).
 */
import type { Row, TenantSeed } from '../types.ts';
import { type FaqDef, faqs, type PostDef, posts, type ServiceDef, services } from './build.ts';
import { id } from './ids.ts';

const T = 4;
const WORKSHOP = id(T, 'workshop', 1);

const workshop: Row = {
  id: WORKSHOP,
  status: 'draft',
  name: 'Oldtimer-Werkstatt Brandl',
  slug: 'oldtimer-brandl',
  template: 'oldtimer',
  founded_year: 2009,
  badges: ['meisterbetrieb', 'oldtimer'],
  languages: ['de', 'en'],
  color_primary: null,
  color_accent: null,
  street: 'Pragstraße 88',
  postal_code: '70376',
  city: 'Stuttgart',
  country: 'DE',
  latitude: 48.8093,
  longitude: 9.1969,
  phone: '+49 152 28817386',
  email: 'werkstatt.brandl@example.de',
  opening_hours: {
    mo: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    tu: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    we: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    th: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    fr: [['08:00', '13:00']],
    sa: [],
    su: [],
  },
  custom_domains: [],
  legal_name: 'Oldtimer-Werkstatt Brandl, Inhaber Markus Brandl',
  legal_form: 'Einzelunternehmen',
  managing_director: 'Markus Brandl',
  handwerkskammer: 'Handwerkskammer Region Stuttgart',
  register_court: null,
  register_number: null,
  vat_id: 'DE359214864',
  content_responsible: 'Markus Brandl, Pragstraße 88, 70376 Stuttgart',
  translations: [
    {
      languages_code: 'de',
      tagline: 'Pflege, Reparatur und Restaurierung klassischer Automobile in Stuttgart-Bad Cannstatt',
      about: `Kfz-Meister Markus Brandl hat sein Handwerk in einer Stuttgarter Markenwerkstatt gelernt – und ist bei den Klassikern hängen geblieben. Seit 2009 betreibt er in Bad Cannstatt eine kleine Spezialwerkstatt für Oldtimer und Youngtimer, vom VW Käfer über den Mercedes „Strich-Acht“ bis zum Porsche 911 der G-Serie.

Wir arbeiten mit Zeit und Sorgfalt: Vergaser, Zündung, Bremsen, Rostvorsorge und Elektrik bis hin zur kompletten Restaurierung. Jede Arbeit dokumentieren wir mit Fotos – so bleibt die Geschichte Ihres Fahrzeugs nachvollziehbar, und das erhält seinen Wert.

Auf dem Weg zum **H-Kennzeichen** begleiten wir Sie von der ersten Bestandsaufnahme bis zum Gutachten, das ein Prüfingenieur einer anerkannten Prüforganisation bei uns in der Werkstatt erstellt. Termine gibt es nur nach Vereinbarung.`,
      seo_description:
        'Oldtimer-Werkstatt in Stuttgart-Bad Cannstatt: Wartung, Vergaser, Bremsen, Rostschutz, Restaurierung und H-Kennzeichen für Klassiker.',
    },
    {
      languages_code: 'en',
      tagline: 'Care, repair and restoration of classic cars in Stuttgart-Bad Cannstatt',
      about: `Master mechanic Markus Brandl learned his trade at a Stuttgart brand workshop – and fell for the classics. Since 2009 he has run a small specialist workshop for classic and modern-classic cars in Bad Cannstatt, from the VW Beetle and the Mercedes “Stroke Eight” to the G-series Porsche 911.

We work with time and care: carburettors, ignition, brakes, rust prevention and electrics, right up to full restorations. We document every job with photos – so your car’s history stays traceable, which preserves its value.

On the way to historic registration (**H plate**) we support you from the first assessment to the expert report, which an engineer from a recognised testing organisation prepares at our workshop. Visits by appointment only.`,
      seo_description:
        'Classic car workshop in Stuttgart-Bad Cannstatt: servicing, carburettors, brakes, rust protection, restoration and historic H-plate approval.',
    },
  ],
};

const serviceDefs: ServiceDef[] = [
  {
    n: 1,
    category: 'oldtimer',
    price: 249,
    from: true,
    minutes: 180,
    t: {
      de: [
        'Jahreswartung für Oldtimer und Youngtimer',
        'Ölwechsel mit passendem Mineral- oder Teilsynthetiköl, Abschmieren, Ventilspiel und Zündung prüfen und einstellen, Vergaser synchronisieren, Bremsen und Lenkung kontrollieren – mit Fotoprotokoll.',
      ],
      en: [
        'Annual service for classic and modern-classic cars',
        'Oil change with suitable mineral or semi-synthetic oil, chassis lubrication, checking and adjusting valve clearance and ignition, carburettor synchronisation, brake and steering check – with a photo report.',
      ],
    },
  },
  {
    n: 2,
    category: 'oldtimer',
    price: 229,
    from: true,
    minutes: 120,
    t: {
      de: [
        'H-Kennzeichen: Vorbereitung und Gutachten nach § 23 StVZO',
        'Wir prüfen vorab, ob Ihr Fahrzeug die Voraussetzungen erfüllt (mindestens 30 Jahre, weitgehend original, gepflegter Zustand), und bereiten es vor. Das Oldtimergutachten erstellt ein Prüfingenieur einer anerkannten Prüforganisation bei uns im Haus. Preis inkl. Gutachtengebühr, zzgl. eventuell nötiger Arbeiten.',
      ],
      en: [
        'Historic H plate: preparation and expert report (§ 23 StVZO)',
        'We check in advance whether your car meets the requirements (at least 30 years old, largely original, well-kept condition) and prepare it. The classic-car report is prepared on our premises by an engineer from a recognised testing organisation. Price includes the report fee, plus any work required.',
      ],
    },
  },
  {
    n: 3,
    category: 'hu_au',
    price: 149,
    minutes: 90,
    t: {
      de: [
        'HU/AU für Oldtimer',
        'Hauptuntersuchung mit Abgasuntersuchung, abgenommen von einem Prüfingenieur bei uns in der Werkstatt. Wir kennen die Besonderheiten älterer Fahrzeuge und bereiten Ihr Auto gezielt vor. Preis inkl. Prüfgebühr.',
      ],
      en: [
        'Roadworthiness test (HU/AU) for classics',
        'Roadworthiness and emissions test, carried out by a test engineer at our workshop. We know the particularities of older vehicles and prepare your car specifically. Price includes the test fee.',
      ],
    },
  },
  {
    n: 4,
    category: 'motor',
    price: 189,
    from: true,
    minutes: 240,
    t: {
      de: [
        'Vergaser reinigen und einstellen',
        'Ausbau, Ultraschallreinigung, neue Dichtungen und Schwimmernadelventil, Einbau und Einstellung von Leerlauf und Gemisch mit Abgastester. Mehrvergaseranlagen werden synchronisiert (Preis je Vergaser).',
      ],
      en: [
        'Carburettor cleaning and tuning',
        'Removal, ultrasonic cleaning, new gaskets and float needle valve, refitting and adjustment of idle and mixture with an exhaust gas analyser. Multi-carburettor setups are synchronised (price per carburettor).',
      ],
    },
  },
  {
    n: 5,
    category: 'motor',
    price: 119,
    from: true,
    minutes: 90,
    t: {
      de: [
        'Zündanlage prüfen und einstellen',
        'Unterbrecherkontakte, Kondensator, Verteilerkappe, Verteilerfinger und Zündkerzen prüfen oder erneuern, Schließwinkel und Zündzeitpunkt mit Stroboskop einstellen. Auf Wunsch Umrüstung auf kontaktlose Zündung.',
      ],
      en: [
        'Ignition system check and adjustment',
        'Checking or renewing contact breaker points, condenser, distributor cap, rotor arm and spark plugs, setting dwell angle and ignition timing with a strobe. Conversion to contactless ignition on request.',
      ],
    },
  },
  {
    n: 6,
    category: 'bremsen',
    price: 449,
    from: true,
    minutes: 480,
    t: {
      de: [
        'Bremsanlage überholen',
        'Trommel- oder Scheibenbremsen zerlegen, Radbremszylinder bzw. Bremssättel instand setzen oder erneuern, neue Bremsschläuche und Bremsflüssigkeit. Preis je Achse nach Befund.',
      ],
      en: [
        'Brake system overhaul',
        'Dismantling drum or disc brakes, rebuilding or replacing wheel cylinders or calipers, new brake hoses and fluid. Price per axle depending on findings.',
      ],
    },
  },
  {
    n: 7,
    category: 'karosserie',
    price: 690,
    from: true,
    minutes: 960,
    t: {
      de: [
        'Rostschutz und Hohlraumkonservierung',
        'Unterboden reinigen, Rostnester behandeln, Hohlräume mit kriechfähigem Wachs fluten und Unterbodenschutz auftragen. Die beste Investition in den Werterhalt Ihres Klassikers. Dauer etwa zwei Werktage.',
      ],
      en: [
        'Rust protection and cavity preservation',
        'Cleaning the underbody, treating rust spots, flooding cavities with penetrating wax and applying underbody protection. The best investment in preserving your classic’s value. Takes about two working days.',
      ],
    },
  },
  {
    n: 8,
    category: 'oldtimer',
    price: null,
    minutes: null,
    t: {
      de: [
        'Restaurierung (Teil- oder Vollrestaurierung)',
        'Von der Bestandsaufnahme über Karosserie- und Mechanikarbeiten bis zur Endabnahme – in abgestimmten Etappen mit Budget je Bauabschnitt und lückenloser Fotodokumentation. Preis nach Aufwand und Absprache.',
      ],
      en: [
        'Restoration (partial or full)',
        'From the initial assessment through body and mechanical work to final approval – in agreed stages with a budget per stage and complete photo documentation. Price according to effort, by arrangement.',
      ],
    },
  },
  {
    n: 9,
    category: 'oldtimer',
    price: 149,
    minutes: 120,
    t: {
      de: [
        'Saisonservice: Ein- und Auswinterung',
        'Im Herbst: Ölwechsel, Reifendruck erhöhen, Batterie abklemmen oder an Erhaltungsladung, Konservierung. Im Frühjahr: Sichtprüfung, Flüssigkeiten, Bremsen und Probefahrt. Preis für beide Termine zusammen.',
      ],
      en: [
        'Seasonal service: laying up and recommissioning',
        'In autumn: oil change, raising tyre pressure, disconnecting the battery or fitting a maintenance charger, preservation. In spring: visual check, fluids, brakes and a test drive. Price covers both appointments.',
      ],
    },
  },
  {
    n: 10,
    category: 'elektrik',
    price: 89,
    minutes: 60,
    t: {
      de: [
        'Fehlersuche Elektrik (6 V und 12 V), pro Stunde',
        'Kabelbäume, Lichtmaschine oder Dynastarter, Regler, Relais und Schalter: Wir finden Fehler in klassischer Fahrzeugelektrik systematisch und reparieren originalgetreu.',
      ],
      en: [
        'Electrical fault finding (6 V and 12 V), per hour',
        'Wiring looms, dynamo or dynastart, regulators, relays and switches: we trace faults in classic vehicle electrics systematically and repair them true to original.',
      ],
    },
  },
  {
    n: 11,
    category: 'sonstiges',
    price: 99,
    from: true,
    minutes: null,
    t: {
      de: [
        'Transport im geschlossenen Anhänger',
        'Wir holen Ihren Klassiker im geschlossenen Autotransporter ab und bringen ihn zurück. Festpreis bis 30 km um Stuttgart, darüber nach Entfernung.',
      ],
      en: [
        'Transport in an enclosed trailer',
        'We collect your classic in an enclosed car trailer and bring it back. Fixed price up to 30 km around Stuttgart, beyond that by distance.',
      ],
    },
  },
];

const faqDefs: FaqDef[] = [
  {
    n: 1,
    category: 'Termine',
    t: {
      de: [
        'Wie bekomme ich einen Termin?',
        'Rufen Sie an oder schreiben Sie unserem Chat-Assistenten mit Fahrzeug, Baujahr und Anliegen. Da wir eine kleine Werkstatt sind, arbeiten wir nur mit Termin; für Wartungen sind es meist zwei bis drei Wochen Vorlauf, für Restaurierungen länger.',
      ],
      en: [
        'How do I get an appointment?',
        'Call us or message our chat assistant with your vehicle, year of manufacture and request. As a small workshop we work by appointment only; for services the lead time is usually two to three weeks, for restorations longer.',
      ],
    },
  },
  {
    n: 2,
    category: 'H-Kennzeichen',
    t: {
      de: [
        'Bekommt mein Auto ein H-Kennzeichen?',
        'Voraussetzung ist, dass die Erstzulassung mindestens 30 Jahre zurückliegt, das Fahrzeug weitgehend im Originalzustand ist (zeitgenössische Umbauten sind erlaubt) und es sich in gepflegtem Zustand befindet. Ob das zutrifft, klären wir bei einer Vorbesichtigung. Das Gutachten nach § 23 StVZO erstellt ein Prüfingenieur bei uns im Haus.',
      ],
      en: [
        'Will my car qualify for an H plate?',
        'It must have been first registered at least 30 years ago, be largely in original condition (period modifications are allowed) and be well kept. We clarify this during a preliminary inspection. The report under § 23 StVZO is prepared by a test engineer at our workshop.',
      ],
    },
  },
  {
    n: 3,
    category: 'Ersatzteile',
    t: {
      de: [
        'Woher bekommen Sie Ersatzteile für alte Autos?',
        'Von Markenclubs, spezialisierten Händlern, Herstellern von Nachfertigungen und aus einem über Jahre gewachsenen Netzwerk. Wo möglich, verwenden wir Originalteile oder originalgetreue Nachfertigungen; Abweichungen besprechen wir vorher mit Ihnen.',
      ],
      en: [
        'Where do you get parts for old cars?',
        'From marque clubs, specialist dealers, makers of reproduction parts and a network built up over many years. Wherever possible we use original or faithful reproduction parts; we discuss any deviations with you first.',
      ],
    },
  },
  {
    n: 4,
    category: 'Kosten',
    t: {
      de: [
        'Bekomme ich einen Kostenvoranschlag?',
        'Ja. Für Reparaturen erhalten Sie einen schriftlichen Kostenvoranschlag. Bei Restaurierungen arbeiten wir in Etappen: Nach der Bestandsaufnahme legen wir für jeden Abschnitt ein Budget fest, und Sie entscheiden Schritt für Schritt.',
      ],
      en: [
        'Will I get a cost estimate?',
        'Yes. For repairs you receive a written cost estimate. Restorations are done in stages: after the initial assessment we set a budget for each stage, and you decide step by step.',
      ],
    },
  },
  {
    n: 5,
    category: 'Bezahlung',
    t: {
      de: [
        'Wie kann ich bezahlen?',
        'Bar, mit Girocard oder per Überweisung. Bei Restaurierungen vereinbaren wir Abschlagszahlungen je abgeschlossenem Bauabschnitt.',
      ],
      en: [
        'How can I pay?',
        'In cash, by Girocard or by bank transfer. For restorations we agree on instalments for each completed stage.',
      ],
    },
  },
  {
    n: 6,
    category: 'Service',
    t: {
      de: [
        'Holen Sie mein Fahrzeug ab?',
        'Ja, mit unserem geschlossenen Anhänger. Im Umkreis von 30 km um Stuttgart kostet der Transport pauschal ab 99 €; nicht fahrbereite Fahrzeuge sind kein Problem.',
      ],
      en: [
        'Do you collect my vehicle?',
        'Yes, with our enclosed trailer. Within 30 km of Stuttgart the transport costs a flat rate from €99; vehicles that are not roadworthy are no problem.',
      ],
    },
  },
  {
    n: 7,
    category: 'Ersatzmobilität',
    t: {
      de: [
        'Bekomme ich einen Ersatzwagen?',
        'Einen eigenen Ersatzwagen haben wir nicht. Die Stadtbahnhaltestelle ist aber nur wenige Minuten entfernt, und wir stimmen Abgabe und Abholung gern so ab, dass Ihr Alltagsauto nicht betroffen ist.',
      ],
      en: [
        'Can I get a courtesy car?',
        'We do not have our own courtesy car. But the light-rail stop is only a few minutes away, and we are happy to schedule drop-off and collection so that your everyday car is not affected.',
      ],
    },
  },
  {
    n: 8,
    category: 'Service',
    t: {
      de: [
        'Wie lange dauert eine Reparatur?',
        'Wartungen erledigen wir meist an einem Tag. Bei Reparaturen hängt es oft an der Teileversorgung – manche Teile sind in Tagen da, andere brauchen Wochen. Wir sagen Ihnen vorher ehrlich, womit Sie rechnen können.',
      ],
      en: [
        'How long does a repair take?',
        'Services are usually done in a day. For repairs it often depends on parts availability – some parts arrive in days, others take weeks. We tell you honestly in advance what to expect.',
      ],
    },
  },
  {
    n: 9,
    category: 'Service',
    t: {
      de: [
        'Arbeiten Sie auch an Youngtimern und Alltagsautos?',
        'Youngtimer ab etwa 20 Jahren betreuen wir gern, ebenso Alltagsautos unserer Oldtimerkunden. Für moderne Fahrzeuge mit aufwendiger Elektronik empfehlen wir eine darauf spezialisierte Werkstatt.',
      ],
      en: [
        'Do you also work on modern classics and everyday cars?',
        'We are happy to look after modern classics from about 20 years old, as well as the everyday cars of our classic-car customers. For modern vehicles with complex electronics we recommend a workshop specialised in them.',
      ],
    },
  },
  {
    n: 10,
    category: 'Einlagerung',
    t: {
      de: [
        'Bieten Sie ein Winterlager an?',
        'Wir haben eine begrenzte Zahl trockener Stellplätze in einer beheizten Halle, die wir vorrangig an Kunden mit Saisonservice vergeben. Fragen Sie am besten bis Ende September nach einem Platz.',
      ],
      en: [
        'Do you offer winter storage?',
        'We have a limited number of dry spaces in a heated hall, which we allocate primarily to customers with our seasonal service. Ask for a space by the end of September.',
      ],
    },
  },
];

const postDefs: PostDef[] = [
  {
    n: 1,
    slug: 'h-kennzeichen-voraussetzungen-und-ablauf',
    status: 'published',
    published_at: '2026-05-04T07:00:00Z',
    author: 'Markus Brandl',
    t: {
      de: {
        title: 'H-Kennzeichen: Voraussetzungen und Ablauf',
        excerpt:
          'Was ein Oldtimer für das H-Kennzeichen mitbringen muss, wie das Gutachten abläuft und was es Ihnen bringt.',
        content: `Das H-Kennzeichen weist ein Fahrzeug als „kraftfahrzeugtechnisches Kulturgut“ aus. Die wichtigste Voraussetzung: Die **Erstzulassung liegt mindestens 30 Jahre zurück**. Außerdem muss das Auto weitgehend dem Originalzustand entsprechen und in gutem Erhaltungszustand sein.

Umbauten sind nicht grundsätzlich ein Ausschlussgrund. Zeitgenössische Veränderungen – also solche, die in den ersten Jahren nach der Erstzulassung üblich waren – werden in der Regel akzeptiert. Moderne Alufelgen, ein aktuelles Radio im Armaturenbrett oder ein getunter Motor aus neuerer Zeit können dagegen Probleme machen.

Für das H-Kennzeichen braucht es ein Gutachten nach § 23 StVZO. Ein Prüfingenieur begutachtet dabei Originalität und Zustand von Karosserie, Technik und Innenraum; meist wird es mit der Hauptuntersuchung kombiniert. Mit dem Gutachten geht es dann zur Zulassungsstelle.

Der Lohn: eine pauschale Kfz-Steuer, die bei vielen älteren Fahrzeugen günstiger ist als die Steuer nach Hubraum, und freie Fahrt in Umweltzonen ohne Plakette. Vor allem aber ist das H-Kennzeichen ein Qualitätssiegel, das beim Verkauf Vertrauen schafft.`,
        seo_title: 'H-Kennzeichen: Voraussetzungen und Ablauf',
        seo_description:
          '30 Jahre, Originalzustand, Gutachten nach § 23 StVZO: So bekommt Ihr Oldtimer das H-Kennzeichen – erklärt von der Oldtimer-Werkstatt Brandl.',
      },
      en: {
        title: 'Historic H plates: requirements and process',
        excerpt: 'What a classic car needs for an H plate, how the expert report works and what you gain.',
        content: `The German H plate identifies a vehicle as part of automotive cultural heritage. The key requirement: **first registration at least 30 years ago**. In addition, the car must be largely in original condition and well preserved.

Modifications are not automatically a reason for refusal. Period modifications – those that were common in the first years after registration – are usually accepted. Modern alloy wheels, a current radio in the dashboard or a recently tuned engine, on the other hand, can cause problems.

The H plate requires an expert report under § 23 StVZO. A test engineer assesses the originality and condition of the body, mechanics and interior; it is usually combined with the roadworthiness test. With the report you then go to the registration office.

The reward: a flat-rate vehicle tax, which for many older cars is cheaper than tax based on engine size, and free access to low-emission zones without a sticker. Above all, the H plate is a seal of quality that builds trust when you sell.`,
        seo_title: 'Historic H plate: requirements and process',
        seo_description:
          '30 years, original condition, expert report under § 23 StVZO: how your classic car gets an H plate – explained by Oldtimer-Werkstatt Brandl.',
      },
    },
  },
  {
    n: 2,
    slug: 'oldtimer-richtig-einwintern',
    status: 'published',
    published_at: '2026-10-15T07:00:00Z',
    author: 'Markus Brandl',
    t: {
      de: {
        title: 'Oldtimer richtig einwintern: So übersteht Ihr Klassiker die kalte Jahreszeit',
        excerpt:
          'Volltanken, Öl wechseln, Batterie versorgen: Mit diesen Schritten startet Ihr Oldtimer im Frühjahr problemlos.',
        content: `Streusalz und Feuchtigkeit sind die größten Feinde alter Autos. Deshalb machen die meisten Oldtimer im Winter Pause – und die Vorbereitung darauf entscheidet, wie gut der Start im Frühjahr gelingt.

**Vor dem Abstellen:** Waschen Sie das Auto gründlich, auch den Unterboden, und lassen Sie es vollständig trocknen. Wechseln Sie das Öl *vor* der Standzeit, denn gebrauchtes Öl enthält Säuren, die über Monate Lager und Dichtungen angreifen. Tanken Sie voll, damit sich im Tank kein Kondenswasser bildet.

**Der Stellplatz:** Ideal ist eine trockene, gut belüftete Garage. Eine atmungsaktive Abdeckplane schützt vor Staub, ohne Feuchtigkeit einzuschließen – Plastikfolie ist tabu. Erhöhen Sie den Reifendruck um etwa 0,5 bar oder bocken Sie das Auto auf, um Standplatten zu vermeiden.

**Batterie und Bremsen:** Klemmen Sie die Batterie ab oder hängen Sie sie an ein Erhaltungsladegerät. Ziehen Sie die Handbremse nicht an, sonst können die Beläge festrosten; legen Sie stattdessen einen Gang ein und sichern Sie das Auto mit Unterlegkeilen.

Übrigens: Mit einem Saisonkennzeichen sparen Sie Steuer und Versicherung für die Monate, in denen das Auto ohnehin steht.`,
        seo_title: 'Oldtimer einwintern: die wichtigsten Schritte',
        seo_description:
          'Ölwechsel, volltanken, Batterie und Stellplatz: So wintern Sie Ihren Oldtimer richtig ein – Tipps der Oldtimer-Werkstatt Brandl in Stuttgart.',
      },
      en: {
        title: 'Laying up a classic car for winter the right way',
        excerpt:
          'Fill the tank, change the oil, look after the battery: with these steps your classic starts easily in spring.',
        content: `Road salt and moisture are the biggest enemies of old cars. That is why most classics take a break in winter – and the preparation decides how smoothly they start again in spring.

**Before parking:** Wash the car thoroughly, including the underbody, and let it dry completely. Change the oil *before* storage, because used oil contains acids that attack bearings and seals over the months. Fill the tank so that no condensation forms inside.

**The parking space:** A dry, well-ventilated garage is ideal. A breathable cover protects against dust without trapping moisture – plastic sheeting is a no-go. Increase tyre pressure by about 0.5 bar or put the car on stands to avoid flat spots.

**Battery and brakes:** Disconnect the battery or connect a maintenance charger. Do not apply the handbrake, or the linings may rust in place; instead, engage a gear and secure the car with wheel chocks.

By the way: a seasonal number plate saves you tax and insurance for the months when the car is parked anyway.`,
        seo_title: 'Laying up a classic car for winter',
        seo_description:
          'Oil change, full tank, battery and storage: how to lay up your classic car for winter – tips from Oldtimer-Werkstatt Brandl in Stuttgart.',
      },
    },
  },
  {
    n: 3,
    slug: 'e10-im-oldtimer',
    status: 'draft',
    published_at: null,
    author: 'Markus Brandl',
    t: {
      de: {
        title: 'E10 im Oldtimer: Was Sie tanken sollten',
        excerpt: 'Warum viele Klassiker kein E10 vertragen und welcher Kraftstoff die bessere Wahl ist.',
        content: `E10 enthält bis zu zehn Prozent Ethanol. Für moderne Motoren ist das kein Problem, für viele Oldtimer schon: Ethanol kann ältere Kraftstoffschläuche, Dichtungen und Vergaserteile angreifen und zieht Wasser an, was Korrosion im Tank begünstigt.

Ob Ihr Fahrzeug E10-verträglich ist, verrät die Liste der Deutschen Automobil Treuhand (DAT) oder eine Anfrage beim Hersteller. Für die meisten Fahrzeuge, die vor den 1990er-Jahren gebaut wurden, lautet die Antwort: lieber nicht.

Sicherer ist Super (E5) oder Super Plus. Wer sein Auto länger stehen lässt, sollte ohnehin vollgetankt abstellen – und gegebenenfalls einen Kraftstoffstabilisator zugeben.

Haben Sie versehentlich E10 getankt, ist das kein Grund zur Panik: Tanken Sie bei nächster Gelegenheit mit E5 nach. Bei älteren Gummileitungen lohnt sich aber ein Blick bei der nächsten Wartung.`,
        seo_title: 'E10 im Oldtimer: ja oder nein?',
        seo_description:
          'Warum viele Oldtimer kein E10 vertragen, wie Sie die Verträglichkeit prüfen und welcher Kraftstoff die bessere Wahl ist.',
      },
      en: {
        title: 'E10 in a classic car: what you should fill up with',
        excerpt: 'Why many classics do not tolerate E10 and which fuel is the better choice.',
        content: `E10 contains up to ten per cent ethanol. That is no problem for modern engines, but it is for many classics: ethanol can attack older fuel hoses, seals and carburettor parts, and it absorbs water, which promotes corrosion in the tank.

Whether your vehicle is E10-compatible can be found in the list published by Deutsche Automobil Treuhand (DAT) or by asking the manufacturer. For most vehicles built before the 1990s the answer is: better not.

Super (E5) or Super Plus is the safer choice. If you leave your car parked for a long time, fill it up anyway – and add a fuel stabiliser if necessary.

If you have filled up with E10 by mistake, there is no need to panic: top up with E5 at the next opportunity. With older rubber lines, though, it is worth a look at the next service.`,
        seo_title: 'E10 in a classic car: yes or no?',
        seo_description:
          'Why many classic cars do not tolerate E10, how to check compatibility and which fuel is the better choice.',
      },
    },
  },
];

export const seed: TenantSeed = {
  tenant: {
    id: id(T, 'tenant', 1),
    name: 'Oldtimer-Werkstatt Brandl',
    plan: 'basic',
    subscription_status: 'trialing',
    // Relative to seeding, so the demo trial is running whenever the demo is set up (and in every test run).
    trial_ends_at: new Date(Date.now() + 6 * 86_400_000).toISOString(),
    billing_email: 'buchhaltung.brandl@example.com',
    billing_country: 'DE',
    vat_id: 'DE359214864',
  },
  workshops: [workshop],
  services: services(T, WORKSHOP, serviceDefs),
  faqs: faqs(T, WORKSHOP, faqDefs),
  posts: posts(T, WORKSHOP, postDefs),
  vehicles: [],
  users: [
    {
      id: id(T, 'user', 1),
      email: 'owner.brandl@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Markus',
      last_name: 'Brandl',
      role: 'owner',
    },
    {
      id: id(T, 'user', 2),
      email: 'staff.brandl@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Sophie',
      last_name: 'Kern',
      role: 'staff',
    },
  ],
};
