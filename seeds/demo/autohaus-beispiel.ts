/**
 * Demo tenant 1: Autohaus Beispiel GmbH, München — a dealer-like workshop with ~50 vehicles in stock,
 * website in all four languages, Enterprise plan. All names, numbers and addresses are fictitious
 * (phone numbers from the Bundesnetzagentur range for media productions).
 */
import type { Row, TenantSeed } from '../types.ts';
import { type FaqDef, faqs, type PostDef, posts, type ServiceDef, services } from './build.ts';
import { id } from './ids.ts';

const T = 1;
const WORKSHOP = id(T, 'workshop', 1);
/** The dealer system's feed the stock comes through (npm start runs its deliveries, scripts/lib/demo-feed.ts). */
export const DEMO_FEED = id(T, 'feed', 1);

const workshop: Row = {
  id: WORKSHOP,
  status: 'published',
  name: 'Autohaus Beispiel',
  slug: 'autohaus-beispiel',
  template: 'premium',
  languages: ['de', 'en', 'tr', 'pl'],
  color_primary: '#0b2545',
  color_accent: '#c9a227',
  street: 'Landsberger Straße 312',
  postal_code: '80687',
  city: 'München',
  country: 'DE',
  latitude: 48.1413,
  longitude: 11.5049,
  phone: '+49 89 99998-100',
  email: 'kontakt.beispiel@example.de',
  opening_hours: {
    mo: [['07:30', '18:30']],
    tu: [['07:30', '18:30']],
    we: [['07:30', '18:30']],
    th: [['07:30', '18:30']],
    fr: [['07:30', '17:00']],
    sa: [['09:00', '14:00']],
    su: [],
  },
  custom_domains: ['www.autohaus-beispiel.example'],
  // Online booking: three lifts, requests confirmed by the team, Bavarian public holidays closed.
  booking_enabled: true,
  booking_confirmation: 'request',
  booking_capacity: 3,
  booking_step_minutes: 30,
  booking_lead_hours: 24,
  booking_horizon_days: 42,
  booking_cancel_hours: 24,
  booking_state: 'BY',
  badges: ['meisterbetrieb', 'ersatzwagen', 'dekra'],
  brands: ['Volkswagen', 'Audi', 'Škoda', 'Cupra'],
  founded_year: 1987,
  legal_name: 'Autohaus Beispiel GmbH',
  legal_form: 'GmbH',
  managing_director: 'Stefan Hofbauer',
  handwerkskammer: 'Handwerkskammer für München und Oberbayern',
  register_court: 'Amtsgericht München',
  register_number: 'HRB 248517',
  vat_id: 'DE314782597',
  content_responsible: 'Stefan Hofbauer, Landsberger Straße 312, 80687 München',
  translations: [
    {
      languages_code: 'de',
      tagline: 'Ihr Autohaus in München-Laim – Service, Werkstatt und geprüfte Gebrauchte aus einer Hand',
      about: `Seit 1987 steht das Autohaus Beispiel in München-Laim für ehrliche Beratung und saubere Arbeit. Was als kleine Reparaturwerkstatt begann, ist heute ein markenunabhängiges Autohaus mit Meisterwerkstatt, HU-Prüfstützpunkt im Haus und rund 50 geprüften Gebrauchtwagen auf dem Hof.

Unser Team aus zwölf Kfz-Mechatronikerinnen und -Mechatronikern, Serviceberatern und Verkäufern kümmert sich um Fahrzeuge aller Marken – vom Kleinwagen über den Firmenwagen bis zum Elektroauto. Für Arbeiten an Hochvoltsystemen sind mehrere Kollegen eigens qualifiziert.

Vor jeder Reparatur bekommen Sie einen **transparenten Kostenvoranschlag**, und wir rufen an, bevor wir etwas Zusätzliches machen. Ersatzwagen, Hol- und Bringservice und unser Räderhotel gehören selbstverständlich dazu.`,
      seo_description:
        'Autohaus Beispiel in München-Laim: Meisterwerkstatt für alle Marken, HU/AU im Haus, Räderhotel und rund 50 geprüfte Gebrauchtwagen.',
    },
    {
      languages_code: 'en',
      tagline: 'Your car dealer in Munich-Laim – service, repairs and inspected used cars under one roof',
      about: `Since 1987, Autohaus Beispiel in Munich-Laim has stood for honest advice and clean workmanship. What started as a small repair shop is today a multi-brand dealership with a master workshop, in-house roadworthiness testing and around 50 inspected used cars on the lot.

Our team of twelve mechatronics technicians, service advisers and sales staff looks after vehicles of every make – from small city cars and company cars to electric vehicles. Several colleagues are specially qualified to work on high-voltage systems.

Before every repair you receive a **transparent cost estimate**, and we call you before doing anything extra. Courtesy cars, pick-up and delivery and our tyre hotel are part of the service.`,
      seo_description:
        'Autohaus Beispiel in Munich-Laim: master workshop for all makes, in-house roadworthiness tests, tyre hotel and around 50 inspected used cars.',
    },
    {
      languages_code: 'tr',
      tagline:
        "München-Laim'deki otomobil merkeziniz – servis, atölye ve kontrol edilmiş ikinci el araçlar tek çatı altında",
      about: `Autohaus Beispiel, 1987'den bu yana München-Laim'de dürüst danışmanlık ve özenli işçiliğin adresidir. Küçük bir tamirhane olarak başlayan işletmemiz bugün usta atölyesi, kendi bünyesinde araç muayene noktası ve avluda yaklaşık 50 kontrol edilmiş ikinci el araçla markadan bağımsız bir otomobil merkezidir.

Mekatronik teknisyenleri, servis danışmanları ve satış temsilcilerinden oluşan on iki kişilik ekibimiz, küçük şehir otomobillerinden şirket araçlarına ve elektrikli otomobillere kadar her marka araçla ilgilenir. Yüksek voltaj sistemleri üzerindeki çalışmalar için birkaç çalışma arkadaşımız özel olarak eğitilmiştir.

Her onarımdan önce **şeffaf bir maliyet tahmini** alırsınız; ek bir iş yapmadan önce mutlaka sizi ararız. Yedek araç, araç alma-teslim servisi ve lastik otelimiz hizmetimizin doğal bir parçasıdır.`,
      seo_description:
        "München-Laim'de Autohaus Beispiel: tüm markalar için usta atölyesi, yerinde araç muayenesi, lastik oteli ve yaklaşık 50 ikinci el araç.",
    },
    {
      languages_code: 'pl',
      tagline: 'Twój salon samochodowy w Monachium-Laim – serwis, warsztat i sprawdzone auta używane w jednym miejscu',
      about: `Od 1987 roku Autohaus Beispiel w monachijskiej dzielnicy Laim to synonim uczciwego doradztwa i starannej pracy. To, co zaczęło się jako mały warsztat naprawczy, jest dziś wielomarkowym salonem z warsztatem mistrzowskim, stacją przeglądów na miejscu i około 50 sprawdzonymi samochodami używanymi na placu.

Nasz dwunastoosobowy zespół mechatroników, doradców serwisowych i sprzedawców zajmuje się pojazdami wszystkich marek – od małych aut miejskich, przez samochody służbowe, aż po auta elektryczne. Kilku naszych pracowników ma specjalne kwalifikacje do prac przy układach wysokiego napięcia.

Przed każdą naprawą otrzymują Państwo **przejrzysty kosztorys**, a przed wykonaniem dodatkowych prac zawsze dzwonimy. Samochód zastępczy, odbiór i dostarczenie auta oraz przechowalnia kół to u nas standard.`,
      seo_description:
        'Autohaus Beispiel w Monachium-Laim: warsztat mistrzowski dla wszystkich marek, przeglądy HU na miejscu, przechowalnia kół i ok. 50 aut używanych.',
    },
  ],
};

const serviceDefs: ServiceDef[] = [
  {
    n: 1,
    category: 'inspektion',
    price: 219,
    from: true,
    minutes: 150,
    t: {
      de: [
        'Inspektion nach Herstellervorgaben',
        'Wartung nach dem Serviceplan Ihres Fahrzeugherstellers mit Eintrag ins (digitale) Serviceheft – Ihre Herstellergarantie bleibt erhalten. Der Endpreis hängt von Modell und Inspektionsumfang ab; Sie erhalten vorab ein Festpreisangebot.',
      ],
      en: [
        'Manufacturer-specified service',
        "Maintenance according to your manufacturer's service schedule, recorded in the (digital) service book – your manufacturer warranty stays intact. The final price depends on the model and service scope; you get a fixed quote in advance.",
      ],
      tr: [
        'Üretici talimatlarına göre bakım',
        'Aracınızın üreticisinin bakım planına göre bakım ve (dijital) servis defterine kayıt – üretici garantiniz geçerliliğini korur. Nihai fiyat modele ve bakım kapsamına bağlıdır; önceden sabit fiyat teklifi alırsınız.',
      ],
      pl: [
        'Przegląd według zaleceń producenta',
        'Obsługa zgodnie z planem serwisowym producenta z wpisem do (cyfrowej) książki serwisowej – gwarancja producenta pozostaje w mocy. Cena końcowa zależy od modelu i zakresu przeglądu; z góry otrzymują Państwo ofertę w stałej cenie.',
      ],
    },
  },
  {
    n: 2,
    category: 'motor',
    price: 119,
    from: true,
    minutes: 45,
    t: {
      de: [
        'Ölwechsel inkl. Ölfilter',
        'Motoröl nach Herstellerfreigabe (bis 5 Liter), neuer Ölfilter, Zurücksetzen der Serviceanzeige und Sichtprüfung von Flüssigkeitsständen und Reifen.',
      ],
      en: [
        'Oil change incl. oil filter',
        "Engine oil meeting the manufacturer's approval (up to 5 litres), new oil filter, service indicator reset and a visual check of fluid levels and tyres.",
      ],
      tr: [
        'Yağ değişimi (yağ filtresi dahil)',
        'Üretici onaylı motor yağı (5 litreye kadar), yeni yağ filtresi, servis göstergesinin sıfırlanması ile sıvı seviyeleri ve lastiklerin gözle kontrolü.',
      ],
      pl: [
        'Wymiana oleju z filtrem',
        'Olej silnikowy z normą producenta (do 5 litrów), nowy filtr oleju, reset wskaźnika serwisowego oraz kontrola wzrokowa poziomu płynów i opon.',
      ],
    },
  },
  {
    n: 3,
    category: 'hu_au',
    price: 149,
    minutes: 60,
    t: {
      de: [
        'HU/AU (Hauptuntersuchung mit Abgasuntersuchung)',
        'Die Hauptuntersuchung nimmt ein Prüfingenieur einer amtlich anerkannten Prüforganisation direkt bei uns im Haus ab. Kleine Mängel beheben wir nach Rücksprache sofort, damit Sie die Plakette am selben Tag bekommen. Preis inkl. Prüfgebühr.',
      ],
      en: [
        'Roadworthiness test (HU/AU incl. emissions test)',
        'The statutory roadworthiness test is carried out on our premises by an engineer from an officially recognised testing organisation. With your approval we fix minor defects right away so you get the sticker the same day. Price includes the test fee.',
      ],
      tr: [
        'Araç muayenesi (HU/AU, egzoz emisyon testi dahil)',
        'Yasal araç muayenesi, resmi olarak yetkilendirilmiş bir muayene kuruluşunun mühendisi tarafından doğrudan atölyemizde yapılır. Küçük kusurları onayınızla hemen gideririz; böylece muayene etiketini aynı gün alırsınız. Fiyata muayene ücreti dahildir.',
      ],
      pl: [
        'Przegląd techniczny HU/AU z badaniem spalin',
        'Okresowe badanie techniczne przeprowadza u nas na miejscu rzeczoznawca z urzędowo uznanej organizacji kontrolnej. Drobne usterki po uzgodnieniu usuwamy od ręki, aby otrzymali Państwo plakietkę jeszcze tego samego dnia. Cena zawiera opłatę za badanie.',
      ],
    },
  },
  {
    n: 4,
    category: 'reifen',
    price: 39,
    minutes: 30,
    t: {
      de: [
        'Räderwechsel (Sommer/Winter)',
        'Umstecken Ihrer kompletten Räder inklusive Sichtprüfung, Luftdruckkontrolle und Anziehen mit dem Drehmomentschlüssel. Bei Fahrzeugen mit Reifendruckkontrollsystem (RDKS) lernen wir die Sensoren an.',
      ],
      en: [
        'Wheel change (summer/winter)',
        'Swapping your complete wheels including visual inspection, pressure check and torque-wrench tightening. On cars with a tyre pressure monitoring system (TPMS) we re-learn the sensors.',
      ],
      tr: [
        'Mevsimlik tekerlek değişimi (yaz/kış)',
        'Komple tekerleklerinizin değişimi; gözle kontrol, hava basıncı kontrolü ve tork anahtarıyla sıkma dahil. Lastik basınç izleme sistemi (TPMS) olan araçlarda sensörleri sisteme tanıtırız.',
      ],
      pl: [
        'Sezonowa zamiana kół (lato/zima)',
        'Zamiana kompletnych kół wraz z kontrolą wzrokową, sprawdzeniem ciśnienia i dokręceniem kluczem dynamometrycznym. W autach z systemem kontroli ciśnienia w oponach (TPMS) kalibrujemy czujniki.',
      ],
    },
  },
  {
    n: 5,
    category: 'reifen',
    price: 59,
    minutes: 15,
    t: {
      de: [
        'Reifeneinlagerung (pro Saison)',
        'Ihre Räder werden gewaschen, auf Profiltiefe und Schäden geprüft und fachgerecht in unserem Räderhotel eingelagert – versichert und mit Foto-Protokoll.',
      ],
      en: [
        'Tyre storage (per season)',
        'Your wheels are washed, checked for tread depth and damage and stored professionally in our tyre hotel – insured and documented with photos.',
      ],
      tr: [
        'Lastik saklama (sezon başına)',
        'Tekerlekleriniz yıkanır, diş derinliği ve hasar açısından kontrol edilir ve lastik otelimizde usulüne uygun şekilde saklanır – sigortalı ve fotoğraflı kayıt ile.',
      ],
      pl: [
        'Przechowywanie kół (za sezon)',
        'Koła są myte, sprawdzane pod kątem głębokości bieżnika i uszkodzeń, a następnie fachowo przechowywane w naszej przechowalni – z ubezpieczeniem i dokumentacją zdjęciową.',
      ],
    },
  },
  {
    n: 6,
    category: 'bremsen',
    price: 189,
    from: true,
    minutes: 90,
    t: {
      de: [
        'Bremsbeläge vorn erneuern',
        'Neue Bremsbeläge an der Vorderachse in Erstausrüsterqualität inklusive Reinigung der Bremssättel und Probefahrt. Den Zustand der Bremsscheiben prüfen wir dabei mit.',
      ],
      en: [
        'Front brake pad replacement',
        'New OE-quality brake pads on the front axle including caliper cleaning and a test drive. We check the condition of the brake discs at the same time.',
      ],
      tr: [
        'Ön fren balatalarının değişimi',
        'Ön aksa orijinal ekipman kalitesinde yeni fren balataları; fren kaliperlerinin temizliği ve test sürüşü dahil. Fren disklerinin durumunu da aynı anda kontrol ederiz.',
      ],
      pl: [
        'Wymiana klocków hamulcowych z przodu',
        'Nowe klocki hamulcowe na przedniej osi w jakości pierwszego montażu, wraz z czyszczeniem zacisków i jazdą próbną. Przy okazji sprawdzamy stan tarcz hamulcowych.',
      ],
    },
  },
  {
    n: 7,
    category: 'bremsen',
    price: 379,
    from: true,
    minutes: 120,
    t: {
      de: [
        'Bremsscheiben und -beläge vorn',
        'Austausch von Bremsscheiben und Bremsbelägen an der Vorderachse inklusive Verschleißanzeige und Probefahrt. Empfehlenswert, wenn die Scheiben die Mindeststärke erreicht haben oder Riefen zeigen.',
      ],
      en: [
        'Front brake discs and pads',
        'Replacement of brake discs and pads on the front axle including wear sensor and test drive. Recommended when the discs have reached minimum thickness or show scoring.',
      ],
      tr: [
        'Ön fren diskleri ve balataları',
        'Ön akstaki fren disklerinin ve balatalarının değişimi; aşınma sensörü ve test sürüşü dahil. Diskler minimum kalınlığa ulaştığında veya çizik oluştuğunda tavsiye edilir.',
      ],
      pl: [
        'Tarcze i klocki hamulcowe z przodu',
        'Wymiana tarcz i klocków hamulcowych na przedniej osi wraz z czujnikiem zużycia i jazdą próbną. Zalecana, gdy tarcze osiągnęły minimalną grubość lub mają rowki.',
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
        'Absaugen, Reinigen und Neubefüllen der Klimaanlage, Dichtheitsprüfung und Funktionstest. Der Preis gilt für Kältemittel R134a; Anlagen mit R1234yf kosten wegen des teureren Kältemittels mehr.',
      ],
      en: [
        'Air-conditioning service',
        'Extraction, cleaning and refilling of the air conditioning, leak test and function check. The price applies to R134a refrigerant; systems using R1234yf cost more because the refrigerant is more expensive.',
      ],
      tr: [
        'Klima bakımı',
        'Klima gazının boşaltılması, sistemin temizlenmesi ve yeniden doldurulması, sızdırmazlık ve fonksiyon testi. Fiyat R134a soğutucu gaz için geçerlidir; R1234yf kullanan sistemler gaz daha pahalı olduğu için daha yüksek fiyatlıdır.',
      ],
      pl: [
        'Serwis klimatyzacji',
        'Odsysanie, czyszczenie i ponowne napełnienie klimatyzacji, próba szczelności i test działania. Cena dotyczy czynnika R134a; instalacje z czynnikiem R1234yf są droższe ze względu na wyższą cenę czynnika.',
      ],
    },
  },
  {
    n: 9,
    category: 'elektrik',
    price: 69,
    minutes: 30,
    t: {
      de: [
        'Fehlerdiagnose mit Fehlerspeicher-Auslesen',
        'Leuchtet eine Warnlampe? Wir lesen den Fehlerspeicher aller Steuergeräte aus, prüfen die Ursache gezielt und erklären Ihnen das Ergebnis verständlich. Wird die Reparatur bei uns durchgeführt, rechnen wir die Diagnose an.',
      ],
      en: [
        'Fault diagnosis incl. reading fault codes',
        'Warning light on? We read the fault memory of all control units, track down the cause and explain the result in plain words. If we carry out the repair, the diagnosis fee is credited.',
      ],
      tr: [
        'Arıza tespiti ve hata hafızası okuma',
        'Bir uyarı lambası mı yandı? Tüm kontrol ünitelerinin hata hafızasını okur, nedenini hedefli şekilde araştırır ve sonucu size anlaşılır biçimde açıklarız. Onarım bizde yapılırsa teşhis ücretini düşeriz.',
      ],
      pl: [
        'Diagnostyka usterek z odczytem pamięci błędów',
        'Świeci się kontrolka? Odczytujemy pamięć błędów wszystkich sterowników, szukamy przyczyny i zrozumiale wyjaśniamy wynik. Jeśli naprawę wykonamy u nas, koszt diagnostyki zaliczamy na poczet naprawy.',
      ],
    },
  },
  {
    n: 10,
    category: 'motor',
    price: 549,
    from: true,
    minutes: 240,
    t: {
      de: [
        'Zahnriemenwechsel inkl. Wasserpumpe',
        'Erneuerung von Zahnriemen, Spann- und Umlenkrollen sowie Wasserpumpe nach Herstellervorgabe. Ein gerissener Zahnriemen kann den Motor zerstören – halten Sie das Wechselintervall unbedingt ein.',
      ],
      en: [
        'Timing belt replacement incl. water pump',
        "Replacement of the timing belt, tensioner and idler pulleys and water pump as specified by the manufacturer. A snapped timing belt can wreck the engine – don't miss the change interval.",
      ],
      tr: [
        'Triger kayışı değişimi (devirdaim pompası dahil)',
        'Üretici talimatına göre triger kayışı, gergi ve avara rulmanları ile devirdaim pompasının yenilenmesi. Kopan bir triger kayışı motoru tahrip edebilir – değişim aralığına mutlaka uyun.',
      ],
      pl: [
        'Wymiana paska rozrządu z pompą wody',
        'Wymiana paska rozrządu, rolek napinających i prowadzących oraz pompy wody zgodnie z zaleceniami producenta. Zerwany pasek rozrządu może zniszczyć silnik – warto przestrzegać interwału wymiany.',
      ],
    },
  },
  {
    n: 11,
    category: 'sonstiges',
    price: 99,
    minutes: 60,
    t: {
      de: [
        'Achsvermessung',
        'Computergestützte Vermessung und Einstellung von Spur und Sturz. Sinnvoll nach neuen Reifen, nach Bordsteinkontakt oder wenn das Lenkrad schief steht oder das Auto zieht.',
      ],
      en: [
        'Wheel alignment',
        'Computer-aided measurement and adjustment of toe and camber. Worthwhile after new tyres, after hitting a kerb, or when the steering wheel is off-centre or the car pulls to one side.',
      ],
      tr: [
        'Rot ayarı (tekerlek hizalama)',
        'Toe ve kamber değerlerinin bilgisayar destekli ölçümü ve ayarı. Yeni lastiklerden sonra, kaldırıma çarptıktan sonra veya direksiyon yamuk durduğunda ya da araç bir tarafa çektiğinde önerilir.',
      ],
      pl: [
        'Ustawienie geometrii kół',
        'Komputerowy pomiar i regulacja zbieżności i pochylenia kół. Warto po montażu nowych opon, po uderzeniu w krawężnik lub gdy kierownica stoi krzywo albo auto ściąga na bok.',
      ],
    },
  },
  {
    n: 12,
    category: 'elektrik',
    price: 19,
    minutes: 15,
    t: {
      de: [
        'Batterie-Check',
        'Test der 12-Volt-Starterbatterie und der Ladeanlage mit Ausdruck des Prüfergebnisses. Kaufen Sie bei uns eine neue Batterie, ist der Check kostenlos.',
      ],
      en: [
        'Battery check',
        'Test of the 12-volt starter battery and the charging system with a printed result. If you buy a new battery from us, the check is free.',
      ],
      tr: [
        'Akü kontrolü',
        '12 voltluk marş aküsünün ve şarj sisteminin test edilmesi, sonuç çıktısı ile. Bizden yeni akü alırsanız kontrol ücretsizdir.',
      ],
      pl: [
        'Kontrola akumulatora',
        'Test 12-woltowego akumulatora rozruchowego i układu ładowania z wydrukiem wyniku. Przy zakupie nowego akumulatora u nas kontrola jest bezpłatna.',
      ],
    },
  },
  {
    n: 13,
    category: 'eauto',
    price: 89,
    minutes: 60,
    t: {
      de: [
        'Hochvolt-Check für E-Autos und Plug-in-Hybride',
        'Sicht- und Funktionsprüfung von Hochvoltbatterie, Leitungen und Ladeanschluss durch geschulte HV-Techniker, Auslesen des Batteriezustands (State of Health) und Prüfprotokoll – ideal vor dem Kauf oder Verkauf eines gebrauchten Elektroautos.',
      ],
      en: [
        'High-voltage check for EVs and plug-in hybrids',
        'Visual and functional check of the high-voltage battery, cables and charging port by trained HV technicians, battery state-of-health readout and a test report – ideal before buying or selling a used EV.',
      ],
      tr: [
        'Elektrikli ve plug-in hibrit araçlar için yüksek voltaj kontrolü',
        'Eğitimli yüksek voltaj teknisyenleri tarafından batarya, kablolar ve şarj soketinin gözle ve işlevsel kontrolü, batarya sağlık durumunun (State of Health) okunması ve test raporu – ikinci el elektrikli araç alırken veya satarken ideal.',
      ],
      pl: [
        'Kontrola wysokiego napięcia dla aut elektrycznych i hybryd plug-in',
        'Kontrola wzrokowa i funkcjonalna akumulatora trakcyjnego, przewodów i gniazda ładowania przez przeszkolonych techników HV, odczyt stanu baterii (State of Health) i protokół – idealne przed zakupem lub sprzedażą używanego auta elektrycznego.',
      ],
    },
  },
  {
    n: 14,
    category: 'karosserie',
    price: 119,
    from: true,
    minutes: 120,
    t: {
      de: [
        'Smart Repair: Dellen und Kratzer',
        'Kleine Dellen, Parkrempler und Kratzer beseitigen wir, ohne das ganze Bauteil zu lackieren – schneller und günstiger als eine klassische Karosseriereparatur. Preis je Schadstelle nach Besichtigung.',
      ],
      en: [
        'Smart repair: dents and scratches',
        'We remove small dents, parking dings and scratches without repainting the whole panel – quicker and cheaper than a classic body repair. Price per damaged spot after inspection.',
      ],
      tr: [
        'Smart Repair: göçük ve çizikler',
        'Küçük göçükleri, park sıyrıklarını ve çizikleri tüm parçayı boyamadan gideririz – klasik kaporta onarımından daha hızlı ve daha uygun. Fiyat, incelemeden sonra hasarlı nokta başına belirlenir.',
      ],
      pl: [
        'Smart Repair: wgniecenia i rysy',
        'Małe wgniecenia, parkingowe otarcia i rysy usuwamy bez lakierowania całego elementu – szybciej i taniej niż klasyczna naprawa blacharska. Cena za miejsce uszkodzenia po oględzinach.',
      ],
    },
  },
  {
    n: 15,
    category: 'sonstiges',
    price: 179,
    from: true,
    minutes: 240,
    t: {
      de: [
        'Fahrzeugaufbereitung innen und außen',
        'Handwäsche, Felgenreinigung, Lackpolitur mit Versiegelung, Innenraum-Tiefenreinigung und Polsterpflege – danach sieht Ihr Auto aus wie frisch vom Händlerhof. Preis je nach Fahrzeuggröße und Zustand.',
      ],
      en: [
        'Full valeting inside and out',
        'Hand wash, wheel cleaning, paint polish with sealant, deep interior cleaning and upholstery care – your car will look showroom-fresh. Price depends on vehicle size and condition.',
      ],
      tr: [
        'İç ve dış detaylı temizlik',
        'Elde yıkama, jant temizliği, pasta-cila ve koruma, iç mekân derin temizliği ve döşeme bakımı – aracınız galeriden yeni çıkmış gibi görünür. Fiyat araç büyüklüğüne ve durumuna göre değişir.',
      ],
      pl: [
        'Kompleksowe czyszczenie auta wewnątrz i na zewnątrz',
        'Mycie ręczne, czyszczenie felg, polerowanie lakieru z zabezpieczeniem, głębokie czyszczenie wnętrza i pielęgnacja tapicerki – auto wygląda jak prosto z salonu. Cena zależy od wielkości i stanu pojazdu.',
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
        'Wie bekomme ich einen Werkstatttermin?',
        'Am schnellsten über unseren Chat-Assistenten hier auf der Website, telefonisch unter +49 89 99998-100 oder persönlich an der Serviceannahme. Für Inspektion und Räderwechsel haben wir meist innerhalb einer Woche einen Termin frei, in der Reifensaison im Oktober und April bitte etwas früher planen.',
      ],
      en: [
        'How do I book a workshop appointment?',
        'The quickest way is our chat assistant here on the website, by phone on +49 89 99998-100 or in person at the service desk. For services and wheel changes we usually have a slot within a week; during tyre season in October and April, please plan a little earlier.',
      ],
      tr: [
        'Atölye randevusunu nasıl alabilirim?',
        'En hızlı yol, web sitemizdeki sohbet asistanı, +49 89 99998-100 numaralı telefon ya da servis kabulde bizzat başvurmaktır. Bakım ve tekerlek değişimi için genellikle bir hafta içinde boş randevumuz olur; ekim ve nisan aylarındaki lastik sezonunda lütfen biraz daha erken planlayın.',
      ],
      pl: [
        'Jak umówić wizytę w warsztacie?',
        'Najszybciej przez naszego asystenta czatu na tej stronie, telefonicznie pod numerem +49 89 99998-100 lub osobiście w punkcie przyjęć serwisowych. Na przegląd i zmianę kół zwykle mamy wolny termin w ciągu tygodnia; w sezonie oponiarskim w październiku i kwietniu prosimy planować nieco wcześniej.',
      ],
    },
  },
  {
    n: 2,
    category: 'Ersatzmobilität',
    t: {
      de: [
        'Bekomme ich einen Ersatzwagen?',
        'Ja. Für Wartungs- und Reparaturaufträge stellen wir Ihnen einen Werkstattersatzwagen für 25 € pro Tag inklusive 100 km zur Verfügung. Bitte reservieren Sie ihn gleich bei der Terminvereinbarung, da die Flotte begrenzt ist.',
      ],
      en: [
        'Can I get a courtesy car?',
        'Yes. For maintenance and repair jobs we provide a courtesy car for €25 per day including 100 km. Please reserve it when booking your appointment, as our fleet is limited.',
      ],
      tr: [
        'Yedek araç alabilir miyim?',
        'Evet. Bakım ve onarım işlerinde günlüğü 100 km dahil 25 € karşılığında yedek araç veriyoruz. Filomuz sınırlı olduğu için lütfen randevu alırken yedek aracı da ayırtın.',
      ],
      pl: [
        'Czy mogę otrzymać samochód zastępczy?',
        'Tak. Przy zleceniach serwisowych i naprawach udostępniamy samochód zastępczy za 25 € dziennie z limitem 100 km. Prosimy zarezerwować go od razu przy umawianiu terminu, ponieważ nasza flota jest ograniczona.',
      ],
    },
  },
  {
    n: 3,
    category: 'Bezahlung',
    t: {
      de: [
        'Wie kann ich bezahlen?',
        'Sie können bar, mit Girocard oder Kreditkarte (Visa, Mastercard) sowie kontaktlos mit dem Smartphone bezahlen. Firmenkunden erhalten auf Wunsch eine Rechnung mit Zahlungsziel. Für größere Reparaturen und Fahrzeugkäufe bieten wir eine Finanzierung über unsere Partnerbank an.',
      ],
      en: [
        'How can I pay?',
        'You can pay in cash, by Girocard or credit card (Visa, Mastercard) or contactless with your phone. Business customers can receive an invoice with payment terms on request. For larger repairs and vehicle purchases we offer financing through our partner bank.',
      ],
      tr: [
        'Nasıl ödeme yapabilirim?',
        'Nakit, Girocard veya kredi kartı (Visa, Mastercard) ile ya da akıllı telefonunuzla temassız ödeyebilirsiniz. Kurumsal müşterilere istek üzerine vadeli fatura kesilir. Büyük onarımlar ve araç alımları için iş ortağımız olan banka aracılığıyla finansman sunuyoruz.',
      ],
      pl: [
        'Jak mogę zapłacić?',
        'Można płacić gotówką, kartą Girocard lub kartą kredytową (Visa, Mastercard) oraz zbliżeniowo smartfonem. Klienci firmowi na życzenie otrzymują fakturę z terminem płatności. Przy większych naprawach i zakupie auta oferujemy finansowanie przez nasz bank partnerski.',
      ],
    },
  },
  {
    n: 4,
    category: 'Garantie',
    t: {
      de: [
        'Verliere ich die Herstellergarantie, wenn ich nicht zur Vertragswerkstatt gehe?',
        'Nein. Nach der EU-Gruppenfreistellungsverordnung (GVO) dürfen Sie Wartungen auch in einer freien Werkstatt durchführen lassen, ohne die Garantie zu verlieren. Voraussetzung ist, dass nach Herstellervorgaben gearbeitet wird und Originalteile oder qualitativ gleichwertige Teile verwendet werden. Genau das tun wir – und tragen jede Inspektion ins Serviceheft ein.',
      ],
      en: [
        "Do I lose the manufacturer's warranty if I don't go to an authorised dealer?",
        'No. Under the EU Block Exemption Regulation you may have your car serviced by an independent workshop without losing the warranty, provided the work follows the manufacturer’s specifications and uses original parts or parts of matching quality. That is exactly what we do – and we record every service in the service book.',
      ],
      tr: [
        'Yetkili servise gitmezsem üretici garantisini kaybeder miyim?',
        'Hayır. AB Grup Muafiyeti Yönetmeliği (GVO) sayesinde aracınızın bakımını garantiyi kaybetmeden bağımsız bir atölyede yaptırabilirsiniz. Şart, işin üretici talimatlarına göre yapılması ve orijinal ya da eşdeğer kalitede parça kullanılmasıdır. Biz tam olarak bunu yapıyor ve her bakımı servis defterine işliyoruz.',
      ],
      pl: [
        'Czy tracę gwarancję producenta, jeśli nie serwisuję auta w ASO?',
        'Nie. Zgodnie z unijnym rozporządzeniem o wyłączeniach grupowych (GVO) mogą Państwo serwisować auto w niezależnym warsztacie bez utraty gwarancji, o ile prace są wykonywane według zaleceń producenta z użyciem części oryginalnych lub o porównywalnej jakości. Dokładnie tak pracujemy – i każdy przegląd wpisujemy do książki serwisowej.',
      ],
    },
  },
  {
    n: 5,
    category: 'Service',
    t: {
      de: [
        'Gibt es einen Hol- und Bringservice?',
        'Ja. Innerhalb von München holen wir Ihr Auto für 29 € morgens bei Ihnen zu Hause oder im Büro ab und bringen es nach der Reparatur zurück. Im Umkreis von 5 km um unseren Betrieb ist der Service bei Inspektionen kostenlos.',
      ],
      en: [
        'Do you offer a pick-up and delivery service?',
        'Yes. Within Munich we collect your car from your home or office in the morning for €29 and bring it back after the repair. Within 5 km of our workshop the service is free with every scheduled service.',
      ],
      tr: [
        'Araç alma ve teslim servisi var mı?',
        "Evet. München içinde aracınızı 29 € karşılığında sabah evinizden veya işyerinizden alır, onarımdan sonra geri getiririz. Atölyemize 5 km'ye kadar mesafede bu hizmet bakımlarda ücretsizdir.",
      ],
      pl: [
        'Czy oferujecie odbiór i dostarczenie auta?',
        'Tak. Na terenie Monachium odbieramy auto rano z domu lub biura za 29 € i odwozimy je po naprawie. W promieniu 5 km od naszego warsztatu usługa jest bezpłatna przy przeglądach.',
      ],
    },
  },
  {
    n: 6,
    category: 'HU/AU',
    t: {
      de: [
        'Kann ich die Hauptuntersuchung bei Ihnen machen lassen?',
        'Ja. Montags bis freitags ist ein Prüfingenieur einer amtlich anerkannten Prüforganisation bei uns im Haus. Sie bringen das Auto morgens, wir erledigen einen Vorab-Check und beheben kleine Mängel nach Rücksprache sofort. Die HU/AU kostet bei uns 149 € inklusive Prüfgebühr.',
      ],
      en: [
        'Can I have the roadworthiness test (HU) done with you?',
        'Yes. Monday to Friday an engineer from an officially recognised testing organisation works on our premises. Drop your car off in the morning, we run a pre-check and fix minor defects straight away after checking with you. The HU/AU costs €149 including the test fee.',
      ],
      tr: [
        'Araç muayenesini (HU) sizde yaptırabilir miyim?',
        'Evet. Pazartesiden cumaya resmi olarak yetkilendirilmiş bir muayene kuruluşunun mühendisi atölyemizde bulunur. Aracınızı sabah bırakırsınız, ön kontrol yapar ve küçük kusurları size danıştıktan sonra hemen gideririz. HU/AU bizde muayene ücreti dahil 149 €’dur.',
      ],
      pl: [
        'Czy mogę wykonać u Was przegląd techniczny (HU)?',
        'Tak. Od poniedziałku do piątku w naszym warsztacie pracuje rzeczoznawca z urzędowo uznanej organizacji kontrolnej. Rano zostawiają Państwo auto, my robimy wstępną kontrolę i po uzgodnieniu od razu usuwamy drobne usterki. HU/AU kosztuje u nas 149 € wraz z opłatą za badanie.',
      ],
    },
  },
  {
    n: 7,
    category: 'Reifen',
    t: {
      de: [
        'Wie funktioniert die Reifeneinlagerung?',
        'Beim Räderwechsel nehmen wir Ihre abmontierten Räder direkt mit ins Räderhotel. Sie werden gewaschen, geprüft und versichert eingelagert; pro Saison berechnen wir 59 €. Vor dem nächsten Wechsel melden wir uns, falls die Profiltiefe nicht mehr ausreicht.',
      ],
      en: [
        'How does tyre storage work?',
        'When we change your wheels, the removed set goes straight into our tyre hotel. The wheels are washed, inspected and stored with insurance; we charge €59 per season. Before the next change we let you know if the tread depth is no longer sufficient.',
      ],
      tr: [
        'Lastik saklama nasıl işliyor?',
        'Tekerlek değişimi sırasında sökülen tekerleklerinizi doğrudan lastik otelimize alırız. Tekerlekler yıkanır, kontrol edilir ve sigortalı olarak saklanır; sezon başına 59 € alıyoruz. Bir sonraki değişimden önce diş derinliği yetersizse size haber veririz.',
      ],
      pl: [
        'Jak działa przechowywanie kół?',
        'Przy zmianie kół zdjęty komplet od razu trafia do naszej przechowalni. Koła są myte, sprawdzane i przechowywane z ubezpieczeniem; za sezon pobieramy 59 €. Przed kolejną zmianą informujemy, jeśli głębokość bieżnika jest już niewystarczająca.',
      ],
    },
  },
  {
    n: 8,
    category: 'Service',
    t: {
      de: [
        'Kann ich auf mein Auto warten?',
        'Bei kurzen Arbeiten wie Räderwechsel, Ölwechsel oder Batterie-Check ja – das dauert meist 30 bis 45 Minuten. In unserer Kundenlounge gibt es WLAN, Kaffee und einen Arbeitsplatz. Bitte sagen Sie bei der Terminbuchung Bescheid, dass Sie warten möchten.',
      ],
      en: [
        'Can I wait for my car?',
        'For short jobs such as wheel changes, oil changes or a battery check, yes – they usually take 30 to 45 minutes. Our customer lounge has Wi-Fi, coffee and a desk to work at. Please let us know when booking that you would like to wait.',
      ],
      tr: [
        'Aracımı beklerken orada kalabilir miyim?',
        'Tekerlek değişimi, yağ değişimi veya akü kontrolü gibi kısa işlerde evet – bunlar genellikle 30 ila 45 dakika sürer. Müşteri salonumuzda Wi-Fi, kahve ve çalışma alanı bulunur. Lütfen randevu alırken beklemek istediğinizi belirtin.',
      ],
      pl: [
        'Czy mogę zaczekać na auto?',
        'Przy krótkich pracach, takich jak zmiana kół, wymiana oleju czy kontrola akumulatora – tak, trwa to zwykle od 30 do 45 minut. W naszym saloniku dla klientów jest Wi-Fi, kawa i miejsce do pracy. Prosimy poinformować przy rezerwacji, że chcą Państwo zaczekać.',
      ],
    },
  },
  {
    n: 9,
    category: 'Ersatzteile',
    t: {
      de: [
        'Verwenden Sie Originalteile?',
        'Wir verbauen Originalteile oder Teile in Erstausrüsterqualität von namhaften Zulieferern, die die Hersteller selbst verwenden. Auf Wunsch nennen wir Ihnen im Kostenvoranschlag beide Varianten mit Preis, damit Sie selbst entscheiden können.',
      ],
      en: [
        'Do you use original parts?',
        'We fit original parts or OE-quality parts from well-known suppliers that the manufacturers use themselves. On request, your cost estimate lists both options with prices so you can decide.',
      ],
      tr: [
        'Orijinal parça kullanıyor musunuz?',
        'Orijinal parçalar ya da üreticilerin kendilerinin de kullandığı tanınmış tedarikçilerin orijinal ekipman kalitesindeki parçalarını takıyoruz. İsterseniz maliyet tahmininde her iki seçeneği fiyatlarıyla birlikte belirtiriz, kararı siz verirsiniz.',
      ],
      pl: [
        'Czy używacie części oryginalnych?',
        'Montujemy części oryginalne lub części w jakości pierwszego montażu od renomowanych dostawców, z których korzystają sami producenci. Na życzenie podajemy w kosztorysie obie opcje z cenami, aby mogli Państwo sami zdecydować.',
      ],
    },
  },
  {
    n: 10,
    category: 'Kosten',
    t: {
      de: [
        'Bekomme ich vorher einen Kostenvoranschlag?',
        'Ja, vor jeder größeren Reparatur erhalten Sie einen schriftlichen Kostenvoranschlag – bei normalen Werkstattaufträgen kostenlos. Stellen wir während der Arbeit zusätzliche Mängel fest, rufen wir Sie an und machen nichts ohne Ihre Freigabe.',
      ],
      en: [
        'Will I get a cost estimate beforehand?',
        'Yes, before every major repair you receive a written cost estimate – free of charge for regular workshop jobs. If we find additional defects during the work, we call you and do nothing without your approval.',
      ],
      tr: [
        'Önceden maliyet tahmini alabilir miyim?',
        'Evet, her büyük onarımdan önce yazılı bir maliyet tahmini alırsınız – normal atölye işlerinde ücretsizdir. Çalışma sırasında ek kusur tespit edersek sizi arar, onayınız olmadan hiçbir şey yapmayız.',
      ],
      pl: [
        'Czy otrzymam wcześniej kosztorys?',
        'Tak, przed każdą większą naprawą otrzymują Państwo pisemny kosztorys – przy zwykłych zleceniach bezpłatnie. Jeśli w trakcie pracy znajdziemy dodatkowe usterki, dzwonimy i nie robimy nic bez Państwa zgody.',
      ],
    },
  },
  {
    n: 11,
    category: 'Fahrzeugkauf',
    t: {
      de: [
        'Kann ich ein Fahrzeug aus Ihrem Bestand Probe fahren?',
        'Gern. Vereinbaren Sie am besten vorab einen Termin, damit das Auto bereitsteht. Bitte bringen Sie Ihren Führerschein und Personalausweis mit. Alle Gebrauchten haben eine frische Inspektion, sind technisch geprüft und kommen mit mindestens zwölf Monaten Gebrauchtwagengarantie.',
      ],
      en: [
        'Can I test-drive a car from your stock?',
        'Of course. Ideally book an appointment in advance so the car is ready. Please bring your driving licence and ID. All used cars come freshly serviced, technically inspected and with at least twelve months of used-car warranty.',
      ],
      tr: [
        'Stoğunuzdaki bir aracı test sürüşüne çıkarabilir miyim?',
        'Elbette. Aracın hazır olması için önceden randevu almanızı öneririz. Lütfen ehliyetinizi ve kimliğinizi yanınızda getirin. Tüm ikinci el araçlarımız yeni bakımlı, teknik olarak kontrol edilmiş ve en az on iki ay ikinci el araç garantilidir.',
      ],
      pl: [
        'Czy mogę odbyć jazdę próbną autem z Waszej oferty?',
        'Oczywiście. Najlepiej umówić termin z wyprzedzeniem, aby auto było przygotowane. Prosimy zabrać prawo jazdy i dowód osobisty. Wszystkie auta używane mają świeży przegląd, są sprawdzone technicznie i objęte co najmniej dwunastomiesięczną gwarancją.',
      ],
    },
  },
  {
    n: 12,
    category: 'Fahrzeugkauf',
    t: {
      de: [
        'Nehmen Sie mein altes Auto in Zahlung?',
        'Ja, beim Kauf eines Fahrzeugs aus unserem Bestand bewerten wir Ihr bisheriges Auto kostenlos und machen Ihnen ein verbindliches Angebot zur Inzahlungnahme. Bringen Sie dazu Fahrzeugschein, Serviceheft und beide Schlüssel mit.',
      ],
      en: [
        'Do you take my old car in part exchange?',
        'Yes. When you buy a car from our stock, we appraise your current car free of charge and make you a binding part-exchange offer. Please bring the registration document, service book and both keys.',
      ],
      tr: [
        'Eski aracımı takasa alıyor musunuz?',
        'Evet. Stoğumuzdan bir araç aldığınızda mevcut aracınızı ücretsiz olarak değerlendirir ve size bağlayıcı bir takas teklifi sunarız. Bunun için ruhsatı, servis defterini ve her iki anahtarı getirin.',
      ],
      pl: [
        'Czy przyjmujecie stare auto w rozliczeniu?',
        'Tak. Przy zakupie auta z naszej oferty bezpłatnie wyceniamy Państwa dotychczasowy samochód i składamy wiążącą ofertę rozliczenia. Prosimy zabrać dowód rejestracyjny, książkę serwisową i oba kluczyki.',
      ],
    },
  },
];

const postDefs: PostDef[] = [
  {
    n: 1,
    slug: 'winterreifen-wann-wechseln',
    status: 'published',
    published_at: '2026-10-06T07:00:00Z',
    author: 'Stefan Hofbauer',
    t: {
      de: {
        title: 'Winterreifen: Wann ist der richtige Zeitpunkt zum Wechseln?',
        excerpt:
          'Von O bis O, Alpine-Symbol und Profiltiefe: Was Sie vor dem ersten Frost über Winterreifen wissen sollten.',
        content: `Die alte Faustregel „von O bis O“ – also von Oktober bis Ostern – ist immer noch ein guter Anhaltspunkt. Entscheidend ist aber die Temperatur: Sobald es morgens regelmäßig unter 7 °C hat, verlieren Sommerreifen spürbar an Haftung, weil ihre Gummimischung verhärtet.

In Deutschland gilt eine **situative Winterreifenpflicht**: Bei Glätte, Schnee, Schneematsch oder Eis dürfen Sie nur mit wintertauglichen Reifen fahren. Seit Oktober 2024 zählen dafür nur noch Reifen mit dem Alpine-Symbol (Bergpiktogramm mit Schneeflocke); reine M+S-Reifen reichen nicht mehr aus. Wer erwischt wird, zahlt Bußgeld und bekommt einen Punkt in Flensburg.

Gesetzlich vorgeschrieben sind 1,6 mm Profiltiefe. Wir empfehlen für Winterreifen mindestens **4 mm**, denn darunter lassen Griff auf Schnee und Bremsleistung deutlich nach. Prüfen Sie außerdem das Alter: Die DOT-Nummer auf der Flanke verrät Produktionswoche und -jahr. Nach etwa acht Jahren wird der Gummi spröde, auch wenn noch Profil vorhanden ist.

Unser Tipp: Buchen Sie Ihren Räderwechsel Ende September oder Anfang Oktober – dann sind die Wartezeiten kurz und Sie sind vorbereitet, wenn der erste Frost kommt. Auf Wunsch lagern wir Ihre Sommerräder gleich bei uns ein.`,
        seo_title: 'Winterreifen wechseln: der richtige Zeitpunkt',
        seo_description:
          'Wann auf Winterreifen wechseln? Faustregel, Alpine-Symbol, Profiltiefe und Reifenalter – kompakt erklärt vom Autohaus Beispiel in München.',
      },
      en: {
        title: 'Winter tyres: when is the right time to switch?',
        excerpt:
          'From October to Easter, the Alpine symbol and tread depth: what to know about winter tyres before the first frost.',
        content: `The old German rule of thumb “from O to O” – October to Easter (Ostern) – is still a good guide. What really matters is temperature: once mornings are regularly below 7 °C, summer tyres lose noticeable grip because their rubber compound hardens.

Germany has a **situational winter tyre requirement**: in black ice, snow, slush or frost you may only drive on winter-capable tyres. Since October 2024 only tyres with the Alpine symbol (mountain with snowflake) count; M+S-only tyres are no longer sufficient. If you are caught, you pay a fine and get a penalty point.

The legal minimum tread depth is 1.6 mm. For winter tyres we recommend at least **4 mm**, because below that grip on snow and braking performance drop significantly. Also check the age: the DOT code on the sidewall shows the production week and year. After about eight years the rubber becomes brittle even if there is tread left.

Our tip: book your wheel change at the end of September or early October – waiting times are short and you are ready when the first frost arrives. If you like, we will store your summer wheels for you.`,
        seo_title: 'Switching to winter tyres: the right time',
        seo_description:
          'When to fit winter tyres? Rule of thumb, Alpine symbol, tread depth and tyre age – explained by Autohaus Beispiel in Munich.',
      },
    },
  },
  {
    n: 2,
    slug: 'gebrauchtwagen-probefahrt-checkliste',
    status: 'published',
    published_at: '2026-05-12T06:30:00Z',
    author: 'Lena Maier',
    t: {
      de: {
        title: 'Gebrauchtwagen-Probefahrt: unsere Checkliste',
        excerpt:
          'Worauf Sie bei der Probefahrt mit einem Gebrauchten achten sollten – vom Kaltstart bis zur Vollbremsung.',
        content: `Eine Probefahrt ist die beste Gelegenheit, ein Auto wirklich kennenzulernen. Nehmen Sie sich dafür mindestens 30 Minuten Zeit und fahren Sie eine Strecke mit Stadtverkehr, Landstraße und, wenn möglich, einem Stück Autobahn.

**Vor dem Losfahren:** Starten Sie den Motor möglichst kalt. Läuft er sofort rund, oder hören Sie Klappern und Rasseln? Achten Sie auf Warnleuchten im Kombiinstrument – sie müssen nach dem Start alle erlöschen. Prüfen Sie, ob alle Fenster, Spiegel, die Klimaanlage und das Infotainment funktionieren.

**Während der Fahrt:** Die Kupplung sollte sauber greifen, ein Automatikgetriebe ohne Rucken schalten. Zieht das Auto beim Geradeauslauf oder Bremsen zur Seite, kann das auf Probleme mit Fahrwerk oder Bremsen hinweisen. Machen Sie an einer sicheren Stelle eine kräftige Bremsung und hören Sie auf Geräusche beim Überfahren von Unebenheiten.

**Nach der Fahrt:** Schauen Sie unter das Auto – tropft Öl oder Kühlmittel? Lassen Sie sich Serviceheft, Rechnungen und den letzten HU-Bericht zeigen. Bei uns erhalten Sie zu jedem Fahrzeug ein Prüfprotokoll; bei Elektroautos zusätzlich den Zustandsbericht der Hochvoltbatterie.`,
        seo_title: 'Probefahrt mit dem Gebrauchtwagen: Checkliste',
        seo_description:
          'Kaltstart, Kupplung, Bremsen, Serviceheft: Unsere Checkliste für die Probefahrt mit einem Gebrauchtwagen – vom Autohaus Beispiel in München.',
      },
      en: {
        title: 'Test-driving a used car: our checklist',
        excerpt: 'What to look out for when test-driving a used car – from cold start to emergency stop.',
        content: `A test drive is the best chance to really get to know a car. Allow at least 30 minutes and drive a route with city traffic, country roads and, if possible, a stretch of motorway.

**Before you set off:** Start the engine cold if you can. Does it run smoothly right away, or do you hear rattling? Watch the warning lights in the instrument cluster – they must all go out after starting. Check that all windows, mirrors, the air conditioning and the infotainment system work.

**On the road:** The clutch should engage cleanly and an automatic gearbox should shift without jerking. If the car pulls to one side when driving straight or braking, there may be a problem with the suspension or brakes. Brake firmly at a safe spot and listen for noises when driving over bumps.

**After the drive:** Look under the car – is oil or coolant dripping? Ask for the service book, invoices and the latest roadworthiness report. With us, every vehicle comes with an inspection report; electric cars also come with a high-voltage battery health report.`,
        seo_title: 'Used car test drive: checklist',
        seo_description:
          'Cold start, clutch, brakes, service history: our checklist for test-driving a used car – from Autohaus Beispiel in Munich.',
      },
    },
  },
  {
    n: 3,
    slug: 'leasingrueckgabe-ohne-ueberraschungen',
    status: 'draft',
    published_at: null,
    author: 'Stefan Hofbauer',
    t: {
      de: {
        title: 'Leasingrückgabe ohne böse Überraschungen',
        excerpt:
          'Mit einem Vorab-Check vor der Rückgabe vermeiden Sie teure Nachforderungen für Kratzer, Dellen und Reifen.',
        content: `Am Ende eines Leasingvertrags wird das Auto von einem Gutachter begutachtet. Alles, was über „normale Gebrauchsspuren“ hinausgeht, kann Ihnen in Rechnung gestellt werden – und die Preise dafür sind oft deutlich höher als bei einer Reparatur in der Werkstatt.

Lassen Sie Ihr Fahrzeug deshalb etwa sechs bis acht Wochen vor dem Rückgabetermin bei uns durchsehen. Wir prüfen Lack, Felgen, Scheiben, Innenraum und Reifen nach den gängigen Rückgabekriterien und sagen Ihnen ehrlich, was sich zu beheben lohnt und was nicht.

Kleine Dellen und Kratzer lassen sich per Smart Repair oft für einen Bruchteil der Gutachterpauschale beseitigen. Auch eine gründliche Innenraumaufbereitung zahlt sich häufig aus, weil Flecken und Gerüche sonst als Schaden gewertet werden.

Denken Sie außerdem an die fällige Inspektion, zwei Schlüssel, das vollständige Bordwerkzeug und die Unterlagen. Mit unserem Vorab-Check gehen Sie entspannt in den Rückgabetermin.`,
        seo_title: 'Leasingrückgabe: so sparen Sie Geld',
        seo_description:
          'Vorab-Check vor der Leasingrückgabe: Kratzer, Dellen und Reifen rechtzeitig prüfen und teure Nachforderungen vermeiden.',
      },
      en: {
        title: 'Returning a leased car without nasty surprises',
        excerpt: 'A pre-return check helps you avoid expensive charges for scratches, dents and tyres.',
        content: `At the end of a lease, the car is inspected by an assessor. Anything beyond “normal wear and tear” can be charged to you – and those charges are often much higher than having the repair done in a workshop.

So have your car checked by us about six to eight weeks before the return date. We inspect paint, wheels, glass, interior and tyres against the usual return criteria and tell you honestly what is worth fixing and what is not.

Small dents and scratches can often be removed by smart repair for a fraction of the assessor’s flat rate. A thorough interior valet often pays off too, because stains and odours would otherwise be counted as damage.

Also remember the due service, both keys, the complete tool kit and all documents. With our pre-return check you can go to the handover relaxed.`,
        seo_title: 'Lease return: how to save money',
        seo_description:
          'Pre-return check for leased cars: inspect scratches, dents and tyres in time and avoid expensive end-of-lease charges.',
      },
    },
  },
];

type Fuel = 'petrol' | 'diesel' | 'electric' | 'hybrid' | 'plugin_hybrid' | 'lpg' | 'cng';
type Status = 'available' | 'reserved' | 'sold';
/** make, model, variant, year, mileage_km, fuel, transmission (a = automatic, m = manual), kW, colour, price, status, highlights */
type Stock = [string, string, string, number, number, Fuel, 'a' | 'm', number, string, number, Status, string];

// biome-ignore format: one vehicle per line reads like a stock list
const stock: Stock[] = [
  ['Volkswagen', 'Golf', '1.5 eTSI Life DSG', 2022, 38500, 'petrol', 'a', 110, 'Moonstonegrau', 24990, 'available', 'Navi, ACC, Sitzheizung, LED-Scheinwerfer'],
  ['Volkswagen', 'Tiguan', '2.0 TDI Elegance 4MOTION DSG', 2021, 64200, 'diesel', 'a', 147, 'Deep Black Perleffekt', 33490, 'sold', 'Anhängerkupplung, Panoramadach, 360°-Kamera'],
  ['Volkswagen', 'ID.3', 'Pro Performance 58 kWh', 2022, 29800, 'electric', 'a', 150, 'Mondsteingrau', 25990, 'reserved', 'Wärmepumpe, CCS-Schnellladen, Batteriezertifikat 94 % SoH'],
  ['Volkswagen', 'Passat Variant', '2.0 TDI Business DSG', 2021, 98500, 'diesel', 'a', 110, 'Pyritsilber Metallic', 23990, 'available', 'Standheizung, Navi, Travel Assist, AHK'],
  ['Volkswagen', 'Polo', '1.0 TSI Life', 2022, 21400, 'petrol', 'm', 70, 'Reflexsilber Metallic', 17490, 'available', 'Einparkhilfe, App-Connect, Sitzheizung'],
  ['Volkswagen', 'T-Roc', '1.5 TSI Style DSG', 2021, 45600, 'petrol', 'a', 110, 'Ravennablau Metallic', 24890, 'available', 'Digital Cockpit, Rückfahrkamera, Keyless'],
  ['Audi', 'A4 Avant', '40 TDI quattro S tronic advanced', 2021, 87300, 'diesel', 'a', 150, 'Gletscherweiß Metallic', 31990, 'available', 'Matrix-LED, virtual cockpit, AHK'],
  ['Audi', 'Q5', '50 TFSI e quattro S line', 2022, 52100, 'plugin_hybrid', 'a', 220, 'Manhattangrau Metallic', 42900, 'reserved', 'Luftfederung, B&O Sound, Head-up-Display'],
  ['Audi', 'A3 Sportback', '35 TFSI S tronic', 2020, 56900, 'petrol', 'a', 110, 'Tangorot Metallic', 23490, 'available', 'Navi plus, Sportsitze, LED'],
  ['Audi', 'Q4 e-tron', '40 e-tron', 2023, 18700, 'electric', 'a', 150, 'Geysirblau Metallic', 39900, 'available', 'Wärmepumpe, Matrix-LED, Anschlussgarantie bis 2027'],
  ['BMW', '320d Touring', 'M Sport', 2021, 74800, 'diesel', 'a', 140, 'Mineralgrau Metallic', 32490, 'available', 'Live Cockpit Professional, Laserlicht, AHK'],
  ['BMW', 'X1', 'sDrive18i Advantage', 2020, 49800, 'petrol', 'a', 100, 'Alpinweiß', 24990, 'available', 'Navi, Einparkhilfe vorn und hinten, elektr. Heckklappe'],
  ['BMW', 'i4', 'eDrive40', 2022, 33200, 'electric', 'a', 250, 'Skyscrapergrau Metallic', 44900, 'reserved', 'Reichweite bis 590 km (WLTP), Harman Kardon, Wärmepumpe'],
  ['BMW', '530e', 'Limousine Luxury Line', 2021, 68400, 'plugin_hybrid', 'a', 215, 'Carbonschwarz Metallic', 35990, 'available', 'Lederausstattung, Komfortsitze, Driving Assistant Plus'],
  ['BMW', '118i', 'Advantage', 2019, 62300, 'petrol', 'm', 103, 'Estorilblau Metallic', 18990, 'sold', 'Tempomat, Sitzheizung, Klimaautomatik'],
  ['BMW', 'iX3', 'Impressive', 2022, 41500, 'electric', 'a', 210, 'Phytonicblau Metallic', 41900, 'available', 'Panoramadach, Head-up-Display, AHK 750 kg'],
  ['Mercedes-Benz', 'C 220 d T-Modell', 'Avantgarde 9G-TRONIC', 2022, 59800, 'diesel', 'a', 147, 'Selenitgrau Metallic', 37990, 'available', 'MBUX, Digital Light, Rückfahrkamera'],
  ['Mercedes-Benz', 'A 180', 'Progressive 7G-DCT', 2020, 47200, 'petrol', 'a', 100, 'Polarweiß', 21490, 'available', 'MBUX Widescreen, Ambientebeleuchtung, Sitzheizung'],
  ['Mercedes-Benz', 'GLC 300 e', '4MATIC AMG Line', 2021, 71200, 'plugin_hybrid', 'a', 235, 'Obsidianschwarz Metallic', 38900, 'available', 'Burmester Sound, Memory-Sitze, AHK'],
  ['Mercedes-Benz', 'EQA 250', 'Progressive', 2022, 27300, 'electric', 'a', 140, 'Digitalweiß Metallic', 33990, 'reserved', 'Wärmepumpe, Kamera, 11-kW-Lader'],
  ['Mercedes-Benz', 'E 220 d', 'Limousine Avantgarde', 2019, 118000, 'diesel', 'a', 143, 'Kavansitblau Metallic', 26490, 'available', 'Widescreen-Cockpit, Multibeam LED, Standheizung'],
  ['Skoda', 'Octavia Combi', '2.0 TDI Style DSG', 2021, 89200, 'diesel', 'a', 110, 'Race-Blau Metallic', 22990, 'available', 'Matrix-LED, Canton Sound, AHK'],
  ['Skoda', 'Enyaq iV 80', 'Loft', 2022, 36800, 'electric', 'a', 150, 'Mondweiß Metallic', 31990, 'available', 'Wärmepumpe, Head-up-Display, Reichweite ca. 530 km (WLTP)'],
  ['Skoda', 'Fabia', '1.0 TSI Ambition', 2022, 19800, 'petrol', 'm', 70, 'Phönix-Orange Metallic', 16490, 'available', 'Klimaanlage, Einparkhilfe, Smartlink'],
  ['Skoda', 'Kodiaq', '2.0 TSI 4x4 Sportline DSG', 2020, 72400, 'petrol', 'a', 140, 'Graphitgrau Metallic', 29490, 'available', '7 Sitze, Virtual Cockpit, AHK'],
  ['Seat', 'Leon Sportstourer', '1.5 TGI Style DSG', 2021, 51600, 'cng', 'a', 96, 'Desire-Rot Metallic', 18990, 'available', 'Erdgas-Antrieb mit Benzinreserve, Full Link, LED'],
  ['Cupra', 'Formentor', '1.4 e-HYBRID VZ', 2022, 38900, 'plugin_hybrid', 'a', 180, 'Magnetic Tech Matt', 34490, 'reserved', 'Beats Audio, Schalensitze, 360°-Kamera'],
  ['Opel', 'Corsa-e', 'Elegance', 2021, 31200, 'electric', 'a', 100, 'Kardinal-Rot', 16990, 'available', 'Sitzheizung, Rückfahrkamera, 11-kW-Lader'],
  ['Ford', 'Kuga', '2.5 PHEV ST-Line X', 2021, 56300, 'plugin_hybrid', 'a', 165, 'Solar-Silber Metallic', 27990, 'available', 'B&O Sound, Head-up-Display, Winterpaket'],
  ['Ford', 'Puma', '1.0 EcoBoost Hybrid ST-Line', 2021, 34100, 'hybrid', 'm', 92, 'Desert Island Blue Metallic', 19990, 'available', 'Mild-Hybrid, MegaBox im Kofferraum, Sitzheizung'],
  ['Toyota', 'Yaris', '1.5 Hybrid Team D', 2021, 39800, 'hybrid', 'a', 85, 'Pure White', 17990, 'available', 'Rückfahrkamera, Safety Sense, sparsam im Stadtverkehr'],
  ['Toyota', 'Corolla Touring Sports', '1.8 Hybrid Team D', 2022, 44600, 'hybrid', 'a', 103, 'Platinum-Bronze Metallic', 23490, 'available', 'Navi, Lenkradheizung, adaptiver Tempomat'],
  ['Toyota', 'RAV4', '2.5 Hybrid Style AWD', 2021, 61500, 'hybrid', 'a', 163, 'Atlantis-Blau Metallic', 32990, 'reserved', 'Allrad, elektr. Heckklappe, JBL Sound'],
  ['Hyundai', 'Kona Elektro', '64 kWh Trend', 2021, 42300, 'electric', 'a', 150, 'Galactic Grey Metallic', 21490, 'available', 'Reichweite ca. 480 km (WLTP), Head-up-Display, Sitzheizung'],
  ['Hyundai', 'Tucson', '1.6 T-GDI Hybrid Prime', 2022, 35800, 'hybrid', 'a', 169, 'Phantom Black Perleffekt', 32490, 'available', 'Krell Sound, belüftete Sitze, 360°-Kamera'],
  ['Hyundai', 'IONIQ 5', '77,4 kWh Uniq', 2022, 39500, 'electric', 'a', 168, 'Digital Teal Green Perleffekt', 36990, 'available', '800-Volt-Schnellladen, Vehicle-to-Load, Relax-Sitze'],
  ['Kia', 'Ceed Sportswagon', '1.5 T-GDI Spirit', 2021, 41800, 'petrol', 'm', 118, 'Lunar Silver Metallic', 19490, 'available', 'Navi, Sitz- und Lenkradheizung, 7 Jahre Herstellergarantie'],
  ['Kia', 'Niro EV', 'Inspiration', 2023, 15900, 'electric', 'a', 150, 'Snow White Pearl', 33490, 'available', 'Wärmepumpe, Harman Kardon, Herstellergarantie bis 2030'],
  ['Kia', 'Sportage', '1.6 T-GDI Plug-in Hybrid AWD Spirit', 2022, 31200, 'plugin_hybrid', 'a', 195, 'Gravity Blue', 33990, 'available', 'Panoramadach, Harman Kardon, Allrad'],
  ['Tesla', 'Model 3', 'Long Range Dual Motor AWD', 2021, 68500, 'electric', 'a', 324, 'Pearl White Multi-Coat', 29990, 'reserved', 'Autopilot, Premium-Innenraum, Batteriezertifikat 91 % SoH'],
  ['Tesla', 'Model Y', 'Long Range Dual Motor AWD', 2022, 44800, 'electric', 'a', 378, 'Midnight Silver Metallic', 36990, 'available', 'Anhängerkupplung, Panoramadach, Winterräder inklusive'],
  ['Renault', 'Clio', 'TCe 90 Evolution', 2023, 12800, 'petrol', 'm', 67, 'Flammenrot Metallic', 16990, 'available', 'Easy Link Navi, LED, Einparkhilfe'],
  ['Renault', 'Captur', 'E-Tech Plug-in 160 Intens', 2021, 46800, 'plugin_hybrid', 'a', 117, 'Perlmutt-Weiß', 19990, 'available', 'Rückfahrkamera, Sitzheizung, verschiebbare Rückbank'],
  ['Fiat', '500', '1.0 Mild Hybrid Dolcevita', 2021, 22600, 'hybrid', 'm', 51, 'Gelato-Weiß', 12990, 'sold', 'Glasdach, Apple CarPlay, Parksensoren'],
  ['Mazda', 'CX-5', "2.0 e-SKYACTIV-G 165 Ad'vantage", 2022, 33700, 'petrol', 'a', 121, 'Soul Red Crystal Metallic', 28490, 'available', 'Head-up-Display, Lenkradheizung, LED'],
  ['Volvo', 'XC60', 'T6 Recharge AWD Inscription', 2021, 69800, 'plugin_hybrid', 'a', 250, 'Denimblau Metallic', 39990, 'available', 'Harman Kardon, Pilot Assist, Standheizung'],
  ['Porsche', 'Macan', '2.0 PDK', 2020, 58200, 'petrol', 'a', 180, 'Tiefschwarz Metallic', 49900, 'available', 'Sport Chrono, PASM, Panoramadach, Bose Sound'],
  ['MINI', 'Cooper SE', 'Trim M', 2021, 27400, 'electric', 'a', 135, 'Island Blue Metallic', 19990, 'available', 'Navi, Sitzheizung, Rückfahrkamera'],
  ['Dacia', 'Sandero Stepway', 'ECO-G 100 Expression', 2022, 24500, 'lpg', 'm', 74, 'Desert-Orange Metallic', 14490, 'available', 'Autogas ab Werk, Media Display, Dachreling'],
  ['Volkswagen', 'Touran', '1.5 TSI Comfortline DSG', 2020, 67900, 'petrol', 'a', 110, 'Indiumgrau Metallic', 22490, 'available', '7 Sitze, Navi, Einparkhilfe'],
];

const conditionNotes = [
  'Scheckheftgepflegt, unfallfrei, zwei Schlüssel.',
  'Aus erster Hand mit lückenloser Servicehistorie.',
  'HU neu bei Übergabe, frische Inspektion inklusive.',
  'Nichtraucherfahrzeug, Sommer- und Winterräder vorhanden.',
  'Unfallfrei, 12 Monate Gebrauchtwagengarantie inklusive.',
  'Technisch geprüft, Inzahlungnahme Ihres Fahrzeugs möglich.',
];

function km(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const vehicles: Row[] = stock.map(
  ([make, model, variant, year, mileage_km, fuel, gear, power_kw, color, price, status, notes], i) => ({
    id: id(T, 'vehicle', i + 1),
    status,
    workshop: WORKSHOP,
    feed: DEMO_FEED,
    external_id: `AB-${1001 + i}`,
    make,
    model,
    variant,
    year,
    mileage_km,
    fuel,
    transmission: gear === 'a' ? 'automatic' : 'manual',
    power_kw,
    color,
    price,
    description: `${make} ${model} ${variant}, Erstzulassung ${year}, ${km(mileage_km)} km, ${power_kw} kW (${Math.round(power_kw * 1.36)} PS). ${notes}. ${conditionNotes[i % conditionNotes.length]}`,
  }),
);

export const seed: TenantSeed = {
  tenant: {
    id: id(T, 'tenant', 1),
    name: 'Autohaus Beispiel GmbH',
    plan: 'enterprise',
    subscription_status: 'active',
    trial_ends_at: null,
    billing_email: 'buchhaltung.beispiel@example.com',
    billing_country: 'DE',
    vat_id: 'DE314782597',
  },
  workshops: [workshop],
  // Everything with a known duration can be booked online; 15 minutes to clear the lift after each job.
  services: services(T, WORKSHOP, serviceDefs).map((row) => ({
    ...row,
    bookable: row.duration_minutes !== null,
    buffer_minutes: 15,
  })),
  faqs: faqs(T, WORKSHOP, faqDefs),
  posts: posts(T, WORKSHOP, postDefs),
  feeds: [
    {
      id: DEMO_FEED,
      workshop: WORKSHOP,
      name: 'Händlersystem (Demo)',
      mode: 'upload',
      max_removal_percent: 30,
    },
  ],
  vehicles,
  users: [
    {
      id: id(T, 'user', 1),
      email: 'owner.beispiel@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Stefan',
      last_name: 'Hofbauer',
      role: 'owner',
    },
    {
      id: id(T, 'user', 2),
      email: 'staff.beispiel@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Lena',
      last_name: 'Maier',
      role: 'staff',
    },
  ],
};
