/**
 * Demo tenant 2: Kfz-Meisterbetrieb Schneider, Hamburg — a small family-run master workshop on a Premium trial,
 * website in German, English and Polish, no vehicle stock. All names, numbers and addresses are fictitious.
 */
import type { Row, TenantSeed } from '../types.ts';
import { type FaqDef, faqs, type PostDef, posts, type ServiceDef, services } from './build.ts';
import { id } from './ids.ts';

const T = 2;
const WORKSHOP = id(T, 'workshop', 1);

const workshop: Row = {
  id: WORKSHOP,
  status: 'published',
  name: 'Kfz-Meisterbetrieb Schneider',
  slug: 'kfz-schneider',
  template: 'klassisch',
  languages: ['de', 'en', 'pl'],
  badges: ['meisterbetrieb', 'innungsbetrieb', 'alle-marken'],
  color_primary: null,
  color_accent: null,
  street: 'Billstraße 84',
  postal_code: '20539',
  city: 'Hamburg',
  country: 'DE',
  latitude: 53.5407,
  longitude: 10.0461,
  phone: '+49 40 66969-240',
  email: 'werkstatt.schneider@example.de',
  opening_hours: {
    mo: [
      ['07:30', '12:30'],
      ['13:15', '17:30'],
    ],
    tu: [
      ['07:30', '12:30'],
      ['13:15', '17:30'],
    ],
    we: [
      ['07:30', '12:30'],
      ['13:15', '17:30'],
    ],
    th: [
      ['07:30', '12:30'],
      ['13:15', '17:30'],
    ],
    fr: [['07:30', '14:00']],
    sa: [],
    su: [],
  },
  custom_domains: [],
  legal_name: 'Kfz-Meisterbetrieb Schneider e. K.',
  legal_form: 'e. K.',
  managing_director: 'Jan Schneider',
  handwerkskammer: 'Handwerkskammer Hamburg',
  register_court: 'Amtsgericht Hamburg',
  register_number: 'HRA 127384',
  vat_id: 'DE275936147',
  content_responsible: 'Jan Schneider, Billstraße 84, 20539 Hamburg',
  translations: [
    {
      languages_code: 'de',
      tagline: 'Ehrliche Reparaturen vom Meister – seit drei Generationen in Hamburg-Rothenburgsort',
      about: `Seit drei Generationen schraubt Familie Schneider in Hamburg-Rothenburgsort an Autos. Kfz-Meister Jan Schneider führt den Betrieb heute mit vier Gesellen, einer Auszubildenden und Serviceberaterin Katarzyna Nowak – klein genug, dass wir Sie beim Namen kennen, groß genug für fast jede Reparatur.

Wir warten und reparieren Pkw und Transporter aller Marken bis 3,5 Tonnen. Schwerpunkte sind Inspektionen, Bremsen, Fahrwerk, Klimaanlagen und die Vorbereitung auf die Hauptuntersuchung, die zweimal pro Woche direkt bei uns im Haus stattfindet.

Bei uns gibt es keine versteckten Kosten: Sie erfahren vorher, was die Reparatur kostet, und bekommen die ausgebauten Altteile auf Wunsch gezeigt. *Mówimy również po polsku.*`,
      seo_description:
        'Kfz-Meisterbetrieb Schneider in Hamburg-Rothenburgsort: Inspektion, Bremsen, Klimaservice und HU/AU im Haus für alle Marken – fair und ehrlich.',
    },
    {
      languages_code: 'en',
      tagline: 'Honest repairs by a master mechanic – three generations in Hamburg-Rothenburgsort',
      about: `The Schneider family has been working on cars in Hamburg-Rothenburgsort for three generations. Today master mechanic Jan Schneider runs the business with four technicians, an apprentice and service adviser Katarzyna Nowak – small enough to know you by name, big enough for almost any repair.

We service and repair cars and vans of all makes up to 3.5 tonnes. Our focus is on scheduled servicing, brakes, suspension, air conditioning and preparing for the roadworthiness test, which takes place on our premises twice a week.

There are no hidden costs with us: you know the price of the repair beforehand, and on request we show you the old parts we removed. We also speak Polish.`,
      seo_description:
        'Kfz-Meisterbetrieb Schneider in Hamburg: servicing, brakes, air-con service and in-house roadworthiness tests for all makes – fair and honest.',
    },
    {
      languages_code: 'pl',
      tagline: 'Uczciwe naprawy od mistrza – od trzech pokoleń w Hamburgu-Rothenburgsort',
      about: `Rodzina Schneiderów naprawia samochody w hamburskiej dzielnicy Rothenburgsort od trzech pokoleń. Dziś zakład prowadzi mistrz mechaniki pojazdowej Jan Schneider z czterema mechanikami, jedną praktykantką i doradczynią serwisową Katarzyną Nowak – jesteśmy na tyle mali, że znamy Państwa z imienia, i na tyle duzi, by wykonać niemal każdą naprawę.

Serwisujemy i naprawiamy samochody osobowe i dostawcze wszystkich marek do 3,5 tony. Specjalizujemy się w przeglądach, hamulcach, zawieszeniu, klimatyzacji oraz przygotowaniu do przeglądu technicznego, który dwa razy w tygodniu odbywa się bezpośrednio u nas.

U nas nie ma ukrytych kosztów: przed naprawą wiedzą Państwo, ile ona kosztuje, a na życzenie pokazujemy wymontowane stare części. **Mówimy po polsku** – wystarczy zapytać o panią Katarzynę.`,
      seo_description:
        'Warsztat Schneider w Hamburgu: przeglądy, hamulce, serwis klimatyzacji i przegląd techniczny na miejscu dla wszystkich marek. Mówimy po polsku.',
    },
  ],
};

const serviceDefs: ServiceDef[] = [
  {
    n: 1,
    category: 'inspektion',
    price: 189,
    from: true,
    minutes: 120,
    t: {
      de: [
        'Inspektion nach Herstellervorgaben',
        'Wartung nach Serviceplan des Herstellers mit Stempel im Serviceheft bzw. Eintrag ins digitale Serviceheft. Ihre Garantie bleibt erhalten. Festpreis nach Modell – fragen Sie uns einfach.',
      ],
      en: [
        'Manufacturer-specified service',
        "Maintenance according to the manufacturer's service plan with a stamp in the service book or an entry in the digital service record. Your warranty stays valid. Fixed price depending on the model – just ask us.",
      ],
      pl: [
        'Przegląd według zaleceń producenta',
        'Obsługa według planu serwisowego producenta z pieczątką w książce serwisowej lub wpisem do cyfrowej historii serwisowej. Gwarancja pozostaje w mocy. Stała cena zależna od modelu – wystarczy zapytać.',
      ],
    },
  },
  {
    n: 2,
    category: 'motor',
    price: 99,
    from: true,
    minutes: 45,
    t: {
      de: [
        'Ölwechsel inkl. Ölfilter',
        'Markenöl mit der passenden Herstellerfreigabe (bis 5 Liter), neuer Ölfilter und neue Ablassschraubendichtung, Serviceintervall zurücksetzen.',
      ],
      en: [
        'Oil change incl. oil filter',
        'Brand-name oil with the right manufacturer approval (up to 5 litres), new oil filter and drain plug seal, service interval reset.',
      ],
      pl: [
        'Wymiana oleju z filtrem',
        'Markowy olej z odpowiednią normą producenta (do 5 litrów), nowy filtr oleju i nowa uszczelka korka spustowego, reset interwału serwisowego.',
      ],
    },
  },
  {
    n: 3,
    category: 'hu_au',
    price: 139,
    minutes: 60,
    t: {
      de: [
        'HU/AU (Hauptuntersuchung mit Abgasuntersuchung)',
        'Dienstags und donnerstags prüft ein Prüfingenieur einer amtlich anerkannten Prüforganisation bei uns im Haus. Vorab-Check inklusive; kleine Mängel beheben wir nach Rücksprache gleich vor Ort. Preis inkl. Prüfgebühr.',
      ],
      en: [
        'Roadworthiness test (HU/AU incl. emissions)',
        'On Tuesdays and Thursdays an engineer from an officially recognised testing organisation inspects cars on our premises. Pre-check included; with your approval we fix minor defects on the spot. Price includes the test fee.',
      ],
      pl: [
        'Przegląd techniczny HU/AU z badaniem spalin',
        'We wtorki i czwartki rzeczoznawca z urzędowo uznanej organizacji kontrolnej przeprowadza badania u nas na miejscu. Wstępna kontrola w cenie; drobne usterki po uzgodnieniu usuwamy od razu. Cena zawiera opłatę za badanie.',
      ],
    },
  },
  {
    n: 4,
    category: 'reifen',
    price: 35,
    minutes: 30,
    t: {
      de: [
        'Räderwechsel (Sommer/Winter)',
        'Komplette Räder umstecken, Luftdruck einstellen, Radschrauben mit Drehmoment anziehen. Wir sagen Ihnen, wie viel Profil Ihre Reifen noch haben.',
      ],
      en: [
        'Wheel change (summer/winter)',
        'Swapping complete wheels, setting tyre pressure and tightening wheel bolts to torque. We tell you how much tread your tyres have left.',
      ],
      pl: [
        'Sezonowa zamiana kół (lato/zima)',
        'Zamiana kompletnych kół, ustawienie ciśnienia i dokręcenie śrub z właściwym momentem. Informujemy, ile bieżnika zostało na oponach.',
      ],
    },
  },
  {
    n: 5,
    category: 'reifen',
    price: 49,
    minutes: 10,
    t: {
      de: [
        'Reifeneinlagerung (pro Saison)',
        'Trockene, saubere Lagerung Ihrer Räder in unserem Reifenlager, inklusive Wäsche und Zustandsprüfung.',
      ],
      en: [
        'Tyre storage (per season)',
        'Dry, clean storage of your wheels in our tyre store, including washing and a condition check.',
      ],
      pl: [
        'Przechowywanie kół (za sezon)',
        'Suche i czyste przechowywanie kół w naszym magazynie opon, wraz z myciem i kontrolą stanu.',
      ],
    },
  },
  {
    n: 6,
    category: 'bremsen',
    price: 169,
    from: true,
    minutes: 90,
    t: {
      de: [
        'Bremsbeläge vorn erneuern',
        'Neue Markenbremsbeläge an der Vorderachse, Führungen reinigen und schmieren, Probefahrt. Preis je nach Fahrzeug.',
      ],
      en: [
        'Front brake pad replacement',
        'New branded brake pads on the front axle, guides cleaned and lubricated, test drive. Price depends on the vehicle.',
      ],
      pl: [
        'Wymiana klocków hamulcowych z przodu',
        'Nowe markowe klocki na przedniej osi, czyszczenie i smarowanie prowadnic, jazda próbna. Cena zależy od pojazdu.',
      ],
    },
  },
  {
    n: 7,
    category: 'bremsen',
    price: 349,
    from: true,
    minutes: 120,
    t: {
      de: [
        'Bremsscheiben und -beläge vorn',
        'Bremsscheiben und Beläge an der Vorderachse komplett erneuern, inklusive Verschleißkontakt und Bremsenprüfstand.',
      ],
      en: [
        'Front brake discs and pads',
        'Complete replacement of brake discs and pads on the front axle, including wear sensor and a brake test on the roller bench.',
      ],
      pl: [
        'Tarcze i klocki hamulcowe z przodu',
        'Kompletna wymiana tarcz i klocków na przedniej osi wraz z czujnikiem zużycia i kontrolą na rolkach hamulcowych.',
      ],
    },
  },
  {
    n: 8,
    category: 'klima',
    price: 99,
    from: true,
    minutes: 60,
    t: {
      de: [
        'Klimaservice',
        'Kältemittel absaugen und neu befüllen, Kompressoröl ergänzen, Dichtheit prüfen. Ab 99 € bei R134a; bei R1234yf nennen wir Ihnen den Preis vorab.',
      ],
      en: [
        'Air-conditioning service',
        'Refrigerant extracted and refilled, compressor oil topped up, leak test. From €99 with R134a; for R1234yf we quote the price in advance.',
      ],
      pl: [
        'Serwis klimatyzacji',
        'Odsysanie i ponowne napełnienie czynnika, uzupełnienie oleju sprężarki, kontrola szczelności. Od 99 € przy R134a; przy R1234yf podajemy cenę z góry.',
      ],
    },
  },
  {
    n: 9,
    category: 'elektrik',
    price: 59,
    minutes: 30,
    t: {
      de: [
        'Fehlerdiagnose',
        'Fehlerspeicher auslesen, Messwerte prüfen und Ursache eingrenzen. Bei anschließender Reparatur bei uns verrechnen wir die Diagnose.',
      ],
      en: [
        'Fault diagnosis',
        'Reading the fault memory, checking live data and narrowing down the cause. If we then do the repair, the diagnosis is credited.',
      ],
      pl: [
        'Diagnostyka usterek',
        'Odczyt pamięci błędów, sprawdzenie parametrów i ustalenie przyczyny. Przy naprawie u nas koszt diagnostyki jest zaliczany.',
      ],
    },
  },
  {
    n: 10,
    category: 'motor',
    price: 489,
    from: true,
    minutes: 240,
    t: {
      de: [
        'Zahnriemenwechsel inkl. Wasserpumpe',
        'Zahnriemen, Spannrolle, Umlenkrollen und Wasserpumpe im Satz erneuern, Kühlmittel auffüllen, Steuerzeiten prüfen.',
      ],
      en: [
        'Timing belt replacement incl. water pump',
        'Replacing the timing belt, tensioner, idler pulleys and water pump as a kit, refilling coolant and checking valve timing.',
      ],
      pl: [
        'Wymiana paska rozrządu z pompą wody',
        'Wymiana kompletu: pasek rozrządu, rolka napinająca, rolki prowadzące i pompa wody, uzupełnienie płynu chłodzącego, kontrola faz rozrządu.',
      ],
    },
  },
  {
    n: 11,
    category: 'sonstiges',
    price: 89,
    minutes: 60,
    t: {
      de: [
        'Achsvermessung',
        'Spur und Sturz vermessen und einstellen, mit Protokoll vorher/nachher. Schont die Reifen und sorgt für sauberen Geradeauslauf.',
      ],
      en: [
        'Wheel alignment',
        'Measuring and adjusting toe and camber, with a before/after report. Saves your tyres and keeps the car running straight.',
      ],
      pl: [
        'Ustawienie geometrii kół',
        'Pomiar i regulacja zbieżności i pochylenia kół z raportem przed i po. Oszczędza opony i zapewnia stabilną jazdę na wprost.',
      ],
    },
  },
  {
    n: 12,
    category: 'sonstiges',
    price: 329,
    from: true,
    minutes: 150,
    t: {
      de: [
        'Stoßdämpfer vorn erneuern',
        'Austausch beider Stoßdämpfer bzw. Federbeine an der Vorderachse inklusive Domlager und anschließender Achsvermessung.',
      ],
      en: [
        'Front shock absorber replacement',
        'Replacing both front shock absorbers or struts including top mounts, followed by a wheel alignment.',
      ],
      pl: [
        'Wymiana amortyzatorów z przodu',
        'Wymiana obu przednich amortyzatorów lub kolumn wraz z poduszkami i następnie ustawieniem geometrii kół.',
      ],
    },
  },
  {
    n: 13,
    category: 'elektrik',
    price: 15,
    minutes: 15,
    t: {
      de: [
        'Batterie-Check',
        'Belastungstest der Starterbatterie und Prüfung der Lichtmaschine. Besonders vor dem Winter sinnvoll; beim Kauf einer neuen Batterie kostenlos.',
      ],
      en: [
        'Battery check',
        'Load test of the starter battery and alternator check. Especially useful before winter; free when you buy a new battery.',
      ],
      pl: [
        'Kontrola akumulatora',
        'Test obciążeniowy akumulatora i kontrola alternatora. Szczególnie przydatne przed zimą; bezpłatnie przy zakupie nowego akumulatora.',
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
        'Wie vereinbare ich einen Termin?',
        'Rufen Sie uns an (+49 40 66969-240), schreiben Sie unserem Chat-Assistenten oder kommen Sie während der Öffnungszeiten vorbei. Für kleinere Arbeiten finden wir meist schon in derselben Woche einen Termin.',
      ],
      en: [
        'How do I book an appointment?',
        'Call us (+49 40 66969-240), message our chat assistant or drop by during opening hours. For smaller jobs we can usually find a slot the same week.',
      ],
      pl: [
        'Jak umówić wizytę?',
        'Prosimy zadzwonić (+49 40 66969-240), napisać do naszego asystenta czatu lub przyjść w godzinach otwarcia. Na mniejsze prace zwykle znajdziemy termin jeszcze w tym samym tygodniu.',
      ],
    },
  },
  {
    n: 2,
    category: 'Ersatzmobilität',
    t: {
      de: [
        'Haben Sie einen Ersatzwagen?',
        'Wir haben zwei Werkstattwagen. Bei Reparaturen ab 500 € sind sie kostenlos, sonst berechnen wir 19 € pro Tag. Bitte rechtzeitig reservieren. Die S-Bahn-Station Rothenburgsort ist außerdem nur wenige Gehminuten entfernt.',
      ],
      en: [
        'Do you have a courtesy car?',
        'We have two courtesy cars. They are free for repairs from €500, otherwise we charge €19 per day. Please reserve early. The Rothenburgsort S-Bahn station is also just a few minutes’ walk away.',
      ],
      pl: [
        'Czy macie samochód zastępczy?',
        'Mamy dwa samochody zastępcze. Przy naprawach od 500 € są bezpłatne, w pozostałych przypadkach kosztują 19 € dziennie. Prosimy o wcześniejszą rezerwację. Stacja S-Bahn Rothenburgsort jest kilka minut pieszo od warsztatu.',
      ],
    },
  },
  {
    n: 3,
    category: 'Bezahlung',
    t: {
      de: [
        'Welche Zahlungsarten akzeptieren Sie?',
        'Bar, Girocard und Kreditkarte. Stammkunden und Firmen können auch per Überweisung innerhalb von 14 Tagen bezahlen.',
      ],
      en: [
        'Which payment methods do you accept?',
        'Cash, Girocard and credit card. Regular customers and businesses can also pay by bank transfer within 14 days.',
      ],
      pl: [
        'Jakie formy płatności akceptujecie?',
        'Gotówka, karta Girocard i karta kredytowa. Stali klienci i firmy mogą też zapłacić przelewem w ciągu 14 dni.',
      ],
    },
  },
  {
    n: 4,
    category: 'Garantie',
    t: {
      de: [
        'Bleibt meine Herstellergarantie erhalten, wenn Sie die Inspektion machen?',
        'Ja. Dank der EU-Gruppenfreistellungsverordnung (GVO) dürfen freie Werkstätten Inspektionen während der Garantiezeit durchführen. Wir arbeiten nach Herstellervorgaben, verwenden Originalteile oder gleichwertige Teile und dokumentieren alles im Serviceheft.',
      ],
      en: [
        'Does my manufacturer warranty remain valid if you do the service?',
        'Yes. Thanks to the EU Block Exemption Regulation, independent workshops may carry out services during the warranty period. We follow the manufacturer’s specifications, use original or equivalent parts and document everything in the service book.',
      ],
      pl: [
        'Czy gwarancja producenta pozostaje ważna, jeśli przegląd robicie Wy?',
        'Tak. Dzięki unijnemu rozporządzeniu o wyłączeniach grupowych (GVO) niezależne warsztaty mogą wykonywać przeglądy w okresie gwarancji. Pracujemy według zaleceń producenta, używamy części oryginalnych lub równoważnych i wszystko dokumentujemy w książce serwisowej.',
      ],
    },
  },
  {
    n: 5,
    category: 'Service',
    t: {
      de: [
        'Holen Sie mein Auto ab?',
        'In Rothenburgsort, Hamm, Veddel und Billstedt holen wir Ihr Auto kostenlos ab und bringen es wieder zurück. Im übrigen Hamburger Stadtgebiet kostet der Hol- und Bringservice 25 €.',
      ],
      en: [
        'Do you collect my car?',
        'In Rothenburgsort, Hamm, Veddel and Billstedt we collect and return your car free of charge. Elsewhere in Hamburg the pick-up and delivery service costs €25.',
      ],
      pl: [
        'Czy odbieracie auto od klienta?',
        'W dzielnicach Rothenburgsort, Hamm, Veddel i Billstedt bezpłatnie odbieramy i odwozimy auto. Na pozostałym obszarze Hamburga usługa kosztuje 25 €.',
      ],
    },
  },
  {
    n: 6,
    category: 'HU/AU',
    t: {
      de: [
        'Wann kann ich zur HU kommen?',
        'Der Prüfingenieur ist dienstags und donnerstags bei uns. Bringen Sie das Auto am besten bis 9 Uhr, dann ist es in der Regel mittags fertig. Ist die Plakette schon mehr als zwei Monate überfällig, wird eine erweiterte Prüfung mit Aufpreis fällig – also lieber rechtzeitig kommen.',
      ],
      en: [
        'When can I come for the roadworthiness test?',
        'The test engineer is here on Tuesdays and Thursdays. Bring your car by 9 am and it is usually ready by noon. If your sticker is more than two months overdue, an extended inspection with a surcharge applies – so better come in time.',
      ],
      pl: [
        'Kiedy mogę przyjechać na przegląd techniczny?',
        'Rzeczoznawca jest u nas we wtorki i czwartki. Najlepiej przywieźć auto do godziny 9, wtedy zwykle jest gotowe w południe. Jeśli termin przeglądu minął ponad dwa miesiące temu, obowiązuje rozszerzone badanie z dopłatą – dlatego warto przyjechać na czas.',
      ],
    },
  },
  {
    n: 7,
    category: 'Reifen',
    t: {
      de: [
        'Kann ich meine Reifen bei Ihnen einlagern?',
        'Ja, für 49 € pro Saison inklusive Wäsche und Zustandsprüfung. Beim nächsten Räderwechsel liegen Ihre Räder dann schon bereit.',
      ],
      en: [
        'Can I store my tyres with you?',
        'Yes, for €49 per season including washing and a condition check. At the next wheel change your wheels are ready and waiting.',
      ],
      pl: [
        'Czy mogę przechowywać u Was opony?',
        'Tak, za 49 € za sezon, wraz z myciem i kontrolą stanu. Przy następnej zmianie kół czekają już przygotowane.',
      ],
    },
  },
  {
    n: 8,
    category: 'Service',
    t: {
      de: [
        'Wie lange dauert eine Inspektion?',
        'Eine normale Inspektion dauert zwei bis drei Stunden. Wenn Sie das Auto morgens bringen, können Sie es meist am Nachmittag abholen. Räderwechsel und Ölwechsel erledigen wir, während Sie bei einem Kaffee warten.',
      ],
      en: [
        'How long does a service take?',
        'A regular service takes two to three hours. If you drop the car off in the morning, you can usually collect it in the afternoon. Wheel and oil changes are done while you wait with a coffee.',
      ],
      pl: [
        'Ile trwa przegląd?',
        'Zwykły przegląd trwa od dwóch do trzech godzin. Jeśli zostawią Państwo auto rano, zwykle można je odebrać po południu. Zmianę kół i wymianę oleju wykonujemy, gdy Państwo czekają przy kawie.',
      ],
    },
  },
  {
    n: 9,
    category: 'Ersatzteile',
    t: {
      de: [
        'Welche Ersatzteile verwenden Sie?',
        'Originalteile oder Teile in Erstausrüsterqualität von Markenherstellern. Billigteile ohne Herkunftsnachweis bauen wir nicht ein. Mitgebrachte Teile verbauen wir nur nach Absprache und ohne Gewährleistung auf das Teil.',
      ],
      en: [
        'Which spare parts do you use?',
        'Original parts or OE-quality parts from branded manufacturers. We do not fit cheap parts of unknown origin. Parts you bring yourself are fitted only by arrangement and without warranty on the part.',
      ],
      pl: [
        'Jakich części zamiennych używacie?',
        'Części oryginalnych lub części w jakości pierwszego montażu od markowych producentów. Nie montujemy tanich części niewiadomego pochodzenia. Części przywiezione przez klienta montujemy tylko po uzgodnieniu i bez gwarancji na samą część.',
      ],
    },
  },
  {
    n: 10,
    category: 'Kosten',
    t: {
      de: [
        'Bekomme ich vor der Reparatur einen Kostenvoranschlag?',
        'Ja, immer. Sie bekommen den Kostenvoranschlag schriftlich oder per E-Mail. Zeigt sich während der Reparatur, dass mehr zu tun ist, rufen wir Sie an, bevor wir weitermachen.',
      ],
      en: [
        'Do I get a cost estimate before the repair?',
        'Yes, always. You receive the estimate in writing or by email. If it turns out during the repair that more needs doing, we call you before we continue.',
      ],
      pl: [
        'Czy przed naprawą otrzymam kosztorys?',
        'Tak, zawsze. Kosztorys otrzymują Państwo na piśmie lub e-mailem. Jeśli w trakcie naprawy okaże się, że trzeba zrobić więcej, dzwonimy, zanim będziemy kontynuować.',
      ],
    },
  },
  {
    n: 11,
    category: 'Service',
    t: {
      de: [
        'Kann ich mich bei Ihnen auch auf Polnisch beraten lassen?',
        'Ja. Unsere Serviceberaterin Katarzyna Nowak spricht Polnisch. Sagen Sie bei der Terminvereinbarung einfach Bescheid, dann plant sie Ihre Annahme persönlich ein.',
      ],
      en: [
        'Can I get advice in Polish?',
        'Yes. Our service adviser Katarzyna Nowak speaks Polish. Just let us know when booking and she will handle your drop-off personally.',
      ],
      pl: [
        'Czy mogę uzyskać poradę po polsku?',
        'Tak. Nasza doradczyni serwisowa Katarzyna Nowak mówi po polsku. Wystarczy wspomnieć o tym przy umawianiu wizyty, a osobiście zajmie się przyjęciem Państwa auta.',
      ],
    },
  },
];

const postDefs: PostDef[] = [
  {
    n: 1,
    slug: 'hu-plakette-abgelaufen-was-jetzt',
    status: 'published',
    published_at: '2026-03-17T08:00:00Z',
    author: 'Jan Schneider',
    t: {
      de: {
        title: 'HU-Plakette abgelaufen – was jetzt?',
        excerpt: 'Wie viel Zeit Sie haben, welche Bußgelder drohen und warum sich ein Vorab-Check lohnt.',
        content: `Die Zahl in der Mitte der Plakette am hinteren Kennzeichen – und ihre Farbe – verrät, in welchem Jahr die nächste Hauptuntersuchung fällig ist; die Zahl, die oben in der 12-Uhr-Position steht, nennt den Monat. Fällig ist die HU bis zum Ende dieses Monats.

Wer ein paar Wochen drüber ist, muss nicht in Panik geraten – aber ab **mehr als zwei Monaten** Überziehung wird es teurer. Dann droht ein Verwarnungsgeld, und bei der HU wird eine erweiterte Prüfung fällig, die etwa 20 Prozent mehr kostet. Ab mehr als acht Monaten gibt es zusätzlich einen Punkt in Flensburg.

Unser Rat: Lassen Sie das Auto vor der HU kurz durchsehen. Typische Mängel wie defekte Leuchtmittel, abgefahrene Wischerblätter, verschlissene Bremsen oder ausgeschlagene Gelenke lassen sich vorher günstig beheben. So vermeiden Sie eine Nachprüfung und einen zweiten Termin.

Bei uns ist der Prüfingenieur dienstags und donnerstags im Haus. Den Vorab-Check gibt es zur HU/AU gratis dazu.`,
        seo_title: 'HU abgelaufen: Fristen, Bußgeld, Tipps',
        seo_description:
          'HU-Plakette überzogen? Wie lange Sie Zeit haben, welche Bußgelder drohen und wie ein Vorab-Check Nachprüfungen erspart.',
      },
      en: {
        title: 'Roadworthiness sticker expired – what now?',
        excerpt: 'How much time you have, which fines apply and why a pre-check pays off.',
        content: `The number in the middle of the sticker on your rear number plate – and its colour – shows the year the next roadworthiness test (HU) is due; the number at the 12 o’clock position gives the month. The test is due by the end of that month.

If you are a few weeks late, there is no need to panic – but once you are **more than two months** overdue it gets more expensive. You face a fine, and the test itself becomes an extended inspection costing about 20 per cent more. After more than eight months you also get a penalty point.

Our advice: have your car checked briefly before the test. Typical defects such as broken bulbs, worn wiper blades, worn brakes or loose joints can be fixed cheaply beforehand. That way you avoid a re-test and a second appointment.

Our test engineer is on site on Tuesdays and Thursdays. The pre-check comes free with every HU/AU.`,
        seo_title: 'Roadworthiness test overdue: deadlines and fines',
        seo_description:
          'HU sticker expired? How long you have, which fines apply and how a pre-check saves you a re-test – from a Hamburg master workshop.',
      },
    },
  },
  {
    n: 2,
    slug: 'bremsen-warnsignale-erkennen',
    status: 'published',
    published_at: '2026-08-25T07:30:00Z',
    author: 'Jan Schneider',
    t: {
      de: {
        title: 'Bremsen: Diese Warnsignale sollten Sie ernst nehmen',
        excerpt: 'Quietschen, Schleifen, Vibrationen: Woran Sie erkennen, dass Ihre Bremsen in die Werkstatt müssen.',
        content: `Die Bremse ist das wichtigste Sicherheitsbauteil am Auto – und sie meldet sich meist rechtzeitig, wenn etwas nicht stimmt. Man muss nur hinhören.

**Quietschen oder Schleifen:** Ein hohes Quietschen beim Bremsen kann von einer Verschleißanzeige kommen. Ein metallisches Schleifen ist ernster: Dann reibt womöglich schon die Trägerplatte des Belags auf der Scheibe. Jetzt sollten Sie nicht mehr lange warten.

**Vibrationen im Lenkrad oder Pedal:** Rubbelt es beim Bremsen, sind die Bremsscheiben oft verzogen oder ungleichmäßig abgenutzt. Das verlängert den Bremsweg und wird mit der Zeit schlimmer.

**Das Auto zieht zur Seite oder das Pedal wird weich:** Das kann auf einen festsitzenden Bremssattel, Luft im System oder alte Bremsflüssigkeit hindeuten. Bremsflüssigkeit zieht Wasser an und sollte je nach Hersteller alle zwei Jahre gewechselt werden.

Im Zweifel gilt: lieber einmal zu früh prüfen lassen. Die Sichtprüfung der Bremsen dauert bei uns nur ein paar Minuten und kostet Sie nichts.`,
        seo_title: 'Bremsen prüfen: die wichtigsten Warnsignale',
        seo_description:
          'Quietschen, Schleifen, Vibrationen oder weiches Pedal? Diese Warnsignale der Bremsen sollten Sie kennen – vom Kfz-Meister aus Hamburg.',
      },
      en: {
        title: 'Brakes: warning signs you should take seriously',
        excerpt: 'Squealing, grinding, vibrations: how to tell that your brakes need a workshop.',
        content: `The brakes are the most important safety component of your car – and they usually let you know in good time when something is wrong. You just have to listen.

**Squealing or grinding:** A high-pitched squeal when braking may come from a wear indicator. A metallic grinding noise is more serious: the backing plate of the pad may already be rubbing on the disc. Don’t wait long now.

**Vibrations in the steering wheel or pedal:** If the car judders when braking, the discs are often warped or unevenly worn. This lengthens the stopping distance and gets worse over time.

**The car pulls to one side or the pedal feels soft:** This can point to a sticking caliper, air in the system or old brake fluid. Brake fluid absorbs water and, depending on the manufacturer, should be changed every two years.

When in doubt: better have it checked once too early. A visual brake check only takes a few minutes with us and costs you nothing.`,
        seo_title: 'Brake check: the key warning signs',
        seo_description:
          'Squealing, grinding, vibrations or a soft pedal? The brake warning signs you should know – from a master mechanic in Hamburg.',
      },
    },
  },
  {
    n: 3,
    slug: 'klimaanlage-im-fruehjahr-pruefen',
    status: 'draft',
    published_at: null,
    author: 'Katarzyna Nowak',
    t: {
      de: {
        title: 'Klimaanlage im Frühjahr prüfen lassen – warum sich das lohnt',
        excerpt: 'Eine Klimaanlage verliert jedes Jahr Kältemittel. Wir erklären, wann ein Klimaservice fällig ist.',
        content: `Auch eine völlig dichte Klimaanlage verliert pro Jahr etwa zehn Prozent ihres Kältemittels. Nach zwei bis drei Jahren kühlt sie merklich schlechter, und der Kompressor muss mehr arbeiten.

Ein Klimaservice alle zwei Jahre hält die Anlage in Schuss: Das Kältemittel wird abgesaugt, gereinigt und in der richtigen Menge neu eingefüllt, dazu kommt etwas frisches Kompressoröl. Gleichzeitig prüfen wir die Anlage auf Undichtigkeiten.

Riecht es muffig aus den Lüftungsdüsen, haben sich am Verdampfer Bakterien und Pilze angesiedelt. Dann hilft eine Desinfektion und ein neuer Innenraumfilter – besonders wichtig für Allergiker.

Der beste Zeitpunkt für den Klimaservice ist das Frühjahr, bevor die ersten heißen Tage kommen. Dann sind die Werkstätten noch nicht ausgebucht.`,
        seo_title: 'Klimaservice im Frühjahr: darum lohnt er sich',
        seo_description:
          'Warum die Klimaanlage Kältemittel verliert, wann ein Klimaservice fällig ist und was gegen muffigen Geruch hilft.',
      },
      en: {
        title: 'Why a spring air-con check is worth it',
        excerpt: 'An air-conditioning system loses refrigerant every year. We explain when a service is due.',
        content: `Even a perfectly sealed air-conditioning system loses around ten per cent of its refrigerant every year. After two to three years it cools noticeably less and the compressor has to work harder.

An air-con service every two years keeps the system in shape: the refrigerant is extracted, cleaned and refilled in the right quantity, plus a little fresh compressor oil. At the same time we check the system for leaks.

If there is a musty smell from the vents, bacteria and fungi have settled on the evaporator. Disinfection and a new cabin filter help – especially important for allergy sufferers.

The best time for an air-con service is spring, before the first hot days. That is when workshops are not yet fully booked.`,
        seo_title: 'Spring air-con service: why it pays off',
        seo_description:
          'Why your air conditioning loses refrigerant, when a service is due and what helps against musty smells.',
      },
    },
  },
];

export const seed: TenantSeed = {
  tenant: {
    id: id(T, 'tenant', 1),
    name: 'Kfz-Meisterbetrieb Schneider',
    plan: 'premium',
    subscription_status: 'trialing',
    // Relative to seeding, so the demo trial is running whenever the demo is set up (and in every test run).
    trial_ends_at: new Date(Date.now() + 13 * 86_400_000).toISOString(),
    billing_email: 'buchhaltung.schneider@example.com',
    billing_country: 'DE',
    vat_id: 'DE275936147',
  },
  workshops: [workshop],
  services: services(T, WORKSHOP, serviceDefs),
  faqs: faqs(T, WORKSHOP, faqDefs),
  posts: posts(T, WORKSHOP, postDefs),
  vehicles: [],
  users: [
    {
      id: id(T, 'user', 1),
      email: 'owner.schneider@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Jan',
      last_name: 'Schneider',
      role: 'owner',
    },
    {
      id: id(T, 'user', 2),
      email: 'staff.schneider@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Katarzyna',
      last_name: 'Nowak',
      role: 'staff',
    },
  ],
};
