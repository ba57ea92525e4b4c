/**
 * Demo tenant 3: E-Mobil Service Köln GmbH — Enterprise customer with two locations: an EV/hybrid specialist in
 * Köln-Ehrenfeld (de/en/tr, eight vehicles in stock) and an all-drive workshop in Bonn-Beuel (de/en).
 * All names, numbers and addresses are fictitious (phone numbers from the Bundesnetzagentur media range).
 */
import type { Lang, Row, TenantSeed } from '../types.ts';
import { type FaqDef, faqs, only, type PostDef, posts, type ServiceDef, services } from './build.ts';
import { id } from './ids.ts';

const T = 3;
const KOELN = id(T, 'workshop', 1);
const BONN = id(T, 'workshop', 2);
const KOELN_LANGS: Lang[] = ['de', 'en', 'tr'];
const BONN_LANGS: Lang[] = ['de', 'en'];

const legal = {
  legal_name: 'E-Mobil Service Köln GmbH',
  legal_form: 'GmbH',
  managing_director: 'Miriam Scholz',
  handwerkskammer: 'Handwerkskammer zu Köln',
  register_court: 'Amtsgericht Köln',
  register_number: 'HRB 104826',
  vat_id: 'DE408621751',
  content_responsible: 'Miriam Scholz, Widdersdorfer Straße 215, 50825 Köln',
};

const koeln: Row = {
  id: KOELN,
  status: 'published',
  name: 'E-Mobil Service Köln',
  slug: 'emobil-koeln',
  template: 'elektro',
  badges: ['hochvolt', 'ladestation', 'meisterbetrieb'],
  languages: KOELN_LANGS,
  color_primary: null,
  color_accent: null,
  street: 'Widdersdorfer Straße 215',
  postal_code: '50825',
  city: 'Köln',
  country: 'DE',
  latitude: 50.9476,
  longitude: 6.9108,
  phone: '+49 221 4710-300',
  email: 'koeln.emobil@example.de',
  opening_hours: {
    mo: [['08:00', '18:00']],
    tu: [['08:00', '18:00']],
    we: [['08:00', '18:00']],
    th: [['08:00', '18:00']],
    fr: [['08:00', '18:00']],
    sa: [['09:00', '13:00']],
    su: [],
  },
  custom_domains: [],
  ...legal,
  translations: [
    {
      languages_code: 'de',
      tagline: 'Die Fachwerkstatt für Elektroautos und Hybride in Köln-Ehrenfeld',
      about: `Die E-Mobil Service Köln GmbH ist 2019 aus einer klassischen Meisterwerkstatt in Ehrenfeld hervorgegangen – mit der Überzeugung, dass Elektroautos und Hybride eine Werkstatt brauchen, die sich wirklich mit ihnen auskennt. Heute betreuen wir E-Autos und Hybride aller Marken, vom Kleinwagen bis zum Tesla.

Unsere Techniker sind nach DGUV Information 209-093 für Arbeiten an Hochvoltsystemen qualifiziert. Mit eigener Batteriediagnose prüfen wir den Zustand Ihrer Antriebsbatterie und stellen ein verständliches **Batteriezertifikat** aus – wichtig für Kauf, Verkauf und Garantiefragen.

Natürlich erledigen wir auch alles andere, was ein Auto braucht: Reifen, Bremsen, Klimaanlage und Wärmepumpe, Hauptuntersuchung. Während Sie warten, können Sie Ihr Auto an unserem Schnelllader auf dem Hof laden.`,
      seo_description:
        'E-Auto-Werkstatt in Köln-Ehrenfeld: Inspektion, Batteriecheck mit Zertifikat, Hochvolt-Service, Reifen und HU für Elektroautos und Hybride.',
    },
    {
      languages_code: 'en',
      tagline: 'The specialist workshop for electric and hybrid cars in Cologne-Ehrenfeld',
      about: `E-Mobil Service Köln GmbH grew out of a traditional master workshop in Ehrenfeld in 2019 – convinced that electric cars and hybrids need a workshop that truly understands them. Today we look after EVs and hybrids of all makes, from small city cars to Teslas.

Our technicians are qualified for work on high-voltage systems in line with the German DGUV Information 209-093. With our own battery diagnostics we check the condition of your traction battery and issue a clear **battery certificate** – important when buying, selling or for warranty questions.

Of course we also handle everything else a car needs: tyres, brakes, air conditioning and heat pump, roadworthiness tests. While you wait, you can charge your car at our rapid charger in the yard.`,
      seo_description:
        'EV workshop in Cologne-Ehrenfeld: servicing, battery health certificate, high-voltage service, tyres and roadworthiness tests for EVs and hybrids.',
    },
    {
      languages_code: 'tr',
      tagline: "Köln-Ehrenfeld'de elektrikli ve hibrit araçlar için uzman atölye",
      about: `E-Mobil Service Köln GmbH, 2019 yılında Ehrenfeld'deki klasik bir usta atölyesinden doğdu. İnancımız şuydu: Elektrikli ve hibrit araçlar, onları gerçekten tanıyan bir atölyeye ihtiyaç duyar. Bugün küçük şehir araçlarından Tesla'ya kadar her marka elektrikli ve hibrit araca bakıyoruz.

Teknisyenlerimiz, DGUV Information 209-093'e göre yüksek voltaj sistemleri üzerinde çalışmak için yetkilendirilmiştir. Kendi batarya teşhis sistemimizle çekiş bataryanızın durumunu kontrol eder ve anlaşılır bir **batarya sertifikası** düzenleriz – alım, satım ve garanti konularında önemlidir.

Elbette bir otomobilin ihtiyaç duyduğu diğer her şeyi de yapıyoruz: lastik, fren, klima ve ısı pompası, araç muayenesi. Beklerken aracınızı avludaki hızlı şarj istasyonumuzda şarj edebilirsiniz.`,
      seo_description:
        "Köln-Ehrenfeld'de elektrikli araç atölyesi: bakım, sertifikalı batarya kontrolü, yüksek voltaj servisi, lastik ve muayene hizmetleri.",
    },
  ],
};

const bonn: Row = {
  id: BONN,
  status: 'published',
  name: 'E-Mobil Service Bonn',
  slug: 'emobil-bonn',
  template: 'modern',
  languages: BONN_LANGS,
  color_primary: '#0f766e',
  color_accent: '#f59e0b',
  street: 'Königswinterer Straße 120',
  postal_code: '53227',
  city: 'Bonn',
  country: 'DE',
  latitude: 50.7338,
  longitude: 7.1186,
  phone: '+49 221 4710-350',
  email: 'bonn.emobil@example.de',
  opening_hours: {
    mo: [
      ['07:30', '12:30'],
      ['13:00', '17:30'],
    ],
    tu: [
      ['07:30', '12:30'],
      ['13:00', '17:30'],
    ],
    we: [
      ['07:30', '12:30'],
      ['13:00', '17:30'],
    ],
    th: [
      ['07:30', '12:30'],
      ['13:00', '17:30'],
    ],
    fr: [['07:30', '15:00']],
    sa: [],
    su: [],
  },
  custom_domains: [],
  ...legal,
  translations: [
    {
      languages_code: 'de',
      tagline: 'Ihre Werkstatt in Bonn-Beuel – für Benziner, Diesel, Hybrid und Elektro',
      about: `Unser zweiter Standort liegt in Bonn-Beuel an der Königswinterer Straße. Hier sind wir die Werkstatt für alle Antriebsarten – Benziner, Diesel, Hybrid und Elektro – mit demselben Anspruch an Sorgfalt und Transparenz wie in Köln.

Das Team um Werkstattmeister Tobias Engel wartet und repariert Fahrzeuge aller Marken, übernimmt Reifen- und Klimaservice und bereitet Ihr Auto auf die Hauptuntersuchung vor. Für Arbeiten an Hochvoltsystemen stehen geschulte Techniker bereit.

Der Standort ist mit Bus und Bahn gut erreichbar. Für längere Reparaturen stellen wir Ihnen gern einen Ersatzwagen – auf Wunsch elektrisch.`,
      seo_description:
        'Kfz-Werkstatt in Bonn-Beuel für alle Marken und Antriebe: Inspektion, Reifen, Klimaservice, HU/AU und Hochvolt-Check für E-Autos.',
    },
    {
      languages_code: 'en',
      tagline: 'Your workshop in Bonn-Beuel – for petrol, diesel, hybrid and electric',
      about: `Our second location is in Bonn-Beuel on Königswinterer Straße. Here we are the workshop for every type of drive – petrol, diesel, hybrid and electric – with the same commitment to care and transparency as in Cologne.

The team led by workshop master Tobias Engel services and repairs vehicles of all makes, handles tyre and air-con service and gets your car ready for its roadworthiness test. Trained technicians are available for work on high-voltage systems.

The workshop is easy to reach by public transport. For longer repairs we are happy to provide a courtesy car – electric if you like.`,
      seo_description:
        'Car workshop in Bonn-Beuel for all makes and drives: servicing, tyres, air-con service, roadworthiness tests and high-voltage checks for EVs.',
    },
  ],
};

const koelnServices: ServiceDef[] = [
  {
    n: 1,
    category: 'eauto',
    price: 169,
    from: true,
    minutes: 90,
    t: {
      de: [
        'Inspektion für Elektroautos',
        'Wartung nach Herstellervorgaben mit Eintrag ins digitale Serviceheft: Bremsflüssigkeit, Innenraumfilter, Kühlkreislauf der Batterie, Fahrwerk und Hochvolt-Sichtprüfung. Kein Ölwechsel nötig – dadurch meist günstiger als beim Verbrenner.',
      ],
      en: [
        'Service for electric cars',
        "Maintenance according to the manufacturer's specifications with an entry in the digital service record: brake fluid, cabin filter, battery cooling circuit, suspension and a high-voltage visual check. No oil change needed – usually cheaper than for a combustion car.",
      ],
      tr: [
        'Elektrikli araç bakımı',
        'Üretici talimatlarına göre bakım ve dijital servis kaydına işleme: fren hidroliği, polen filtresi, batarya soğutma devresi, süspansiyon ve yüksek voltaj gözle kontrolü. Yağ değişimi gerekmez – bu nedenle genellikle içten yanmalı araçlardan daha uygundur.',
      ],
    },
  },
  {
    n: 2,
    category: 'eauto',
    price: 119,
    minutes: 60,
    t: {
      de: [
        'Batteriecheck mit SoH-Zertifikat',
        'Wir lesen den Gesundheitszustand (State of Health) Ihrer Antriebsbatterie aus, prüfen Zellspannungen und Temperaturverhalten und stellen ein Batteriezertifikat aus – ideal für den Gebrauchtwagenverkauf.',
      ],
      en: [
        'Battery check with SoH certificate',
        'We read out the state of health of your traction battery, check cell voltages and thermal behaviour and issue a battery certificate – ideal when selling a used car.',
      ],
      tr: [
        'SoH sertifikalı batarya kontrolü',
        'Çekiş bataryanızın sağlık durumunu (State of Health) okur, hücre gerilimlerini ve sıcaklık davranışını kontrol eder ve bir batarya sertifikası düzenleriz – ikinci el satışta ideal.',
      ],
    },
  },
  {
    n: 3,
    category: 'eauto',
    price: null,
    minutes: 120,
    t: {
      de: [
        'Hochvolt-Sicherheitsprüfung nach Unfall',
        'Nach einem Unfall prüfen unsere HV-Techniker Batteriegehäuse, Leitungen und Isolationswiderstand, bevor weitergearbeitet wird. Preis nach Aufwand; bei Versicherungsschäden rechnen wir direkt mit der Versicherung ab.',
      ],
      en: [
        'High-voltage safety check after an accident',
        'After an accident our HV technicians check the battery housing, cables and insulation resistance before any further work. Price depends on effort; for insurance claims we bill the insurer directly.',
      ],
      tr: [
        'Kaza sonrası yüksek voltaj güvenlik kontrolü',
        'Kazadan sonra yüksek voltaj teknisyenlerimiz, başka bir işleme geçmeden önce batarya gövdesini, kabloları ve izolasyon direncini kontrol eder. Fiyat işçiliğe göre belirlenir; sigorta hasarlarında doğrudan sigorta şirketiyle hesaplaşırız.',
      ],
    },
  },
  {
    n: 4,
    category: 'inspektion',
    price: 229,
    from: true,
    minutes: 150,
    t: {
      de: [
        'Inspektion für Hybride und Plug-in-Hybride',
        'Wartung von Verbrennungsmotor und Hybridsystem nach Herstellervorgaben, inklusive Ölwechsel, Filtern und Prüfung der Hochvoltkomponenten.',
      ],
      en: [
        'Service for hybrids and plug-in hybrids',
        'Maintenance of the combustion engine and hybrid system to manufacturer specifications, including oil change, filters and a check of the high-voltage components.',
      ],
      tr: [
        'Hibrit ve plug-in hibrit araç bakımı',
        'Yağ değişimi, filtreler ve yüksek voltaj bileşenlerinin kontrolü dahil olmak üzere, üretici talimatlarına göre içten yanmalı motorun ve hibrit sistemin bakımı.',
      ],
    },
  },
  {
    n: 5,
    category: 'hu_au',
    price: 129,
    from: true,
    minutes: 60,
    t: {
      de: [
        'Hauptuntersuchung (HU) für E-Autos und Hybride',
        'Der Prüfingenieur kommt zu uns ins Haus. Reine Elektroautos brauchen keine Abgasuntersuchung; bei Hybriden ist die AU im Preis von 149 € enthalten. Preis inkl. Prüfgebühr.',
      ],
      en: [
        'Roadworthiness test (HU) for EVs and hybrids',
        'The test engineer comes to our workshop. Pure EVs need no emissions test; for hybrids the emissions test is included in the price of €149. Price includes the test fee.',
      ],
      tr: [
        'Elektrikli ve hibrit araçlar için araç muayenesi (HU)',
        'Muayene mühendisi atölyemize gelir. Tamamen elektrikli araçlar için egzoz emisyon testi gerekmez; hibritlerde emisyon testi 149 € fiyata dahildir. Fiyata muayene ücreti dahildir.',
      ],
    },
  },
  {
    n: 6,
    category: 'reifen',
    price: 39,
    minutes: 30,
    t: {
      de: [
        'Räderwechsel (Sommer/Winter)',
        'Umstecken der kompletten Räder mit Drehmomentschlüssel, Luftdruck nach Herstellerangabe für E-Autos und Anlernen der Reifendrucksensoren.',
      ],
      en: [
        'Wheel change (summer/winter)',
        "Swapping the complete wheels with a torque wrench, tyre pressure set to the manufacturer's EV specification and re-learning the tyre pressure sensors.",
      ],
      tr: [
        'Mevsimlik tekerlek değişimi (yaz/kış)',
        'Komple tekerleklerin tork anahtarıyla değiştirilmesi, hava basıncının üreticinin elektrikli araç değerine göre ayarlanması ve lastik basınç sensörlerinin tanıtılması.',
      ],
    },
  },
  {
    n: 7,
    category: 'reifen',
    price: 59,
    minutes: 15,
    t: {
      de: [
        'Reifeneinlagerung (pro Saison)',
        'Waschen, Profil- und Schadensprüfung, versicherte Lagerung. E-Auto-Reifen mit Schaumstoffeinlage (Geräuschdämpfung) behandeln wir besonders schonend.',
      ],
      en: [
        'Tyre storage (per season)',
        'Washing, tread and damage check, insured storage. EV tyres with foam inserts (noise damping) are handled with particular care.',
      ],
      tr: [
        'Lastik saklama (sezon başına)',
        'Yıkama, diş derinliği ve hasar kontrolü, sigortalı saklama. Ses yalıtımlı köpük dolgulu elektrikli araç lastiklerine özellikle özen gösteririz.',
      ],
    },
  },
  {
    n: 8,
    category: 'reifen',
    price: 89,
    from: true,
    minutes: 60,
    t: {
      de: [
        'Reifenmontage für E-Autos (4 Reifen)',
        'Montieren und Wuchten von vier neuen Reifen bis 19 Zoll, inklusive Ventile und Entsorgung der Altreifen. Wir beraten Sie zu Reifen mit hoher Tragfähigkeit (XL/HL), wie sie schwere E-Autos brauchen.',
      ],
      en: [
        'Tyre fitting for EVs (4 tyres)',
        'Fitting and balancing four new tyres up to 19 inches, including valves and disposal of the old tyres. We advise you on high-load tyres (XL/HL) as required by heavy EVs.',
      ],
      tr: [
        'Elektrikli araçlar için lastik montajı (4 lastik)',
        '19 inçe kadar dört yeni lastiğin montajı ve balansı; sibop ve eski lastiklerin bertarafı dahil. Ağır elektrikli araçların ihtiyaç duyduğu yüksek yük kapasiteli (XL/HL) lastikler konusunda size danışmanlık yaparız.',
      ],
    },
  },
  {
    n: 9,
    category: 'bremsen',
    price: 129,
    minutes: 60,
    t: {
      de: [
        'Bremsenservice für E-Autos',
        'Weil E-Autos vor allem mit dem Motor bremsen (Rekuperation), setzen Bremsscheiben oft Rost an und Sättel werden schwergängig. Wir reinigen und schmieren Führungen und Beläge und prüfen die Scheiben.',
      ],
      en: [
        'Brake service for EVs',
        'Because EVs mostly brake with the motor (regeneration), brake discs often rust and calipers get sticky. We clean and lubricate guides and pads and check the discs.',
      ],
      tr: [
        'Elektrikli araçlar için fren bakımı',
        'Elektrikli araçlar çoğunlukla motorla fren yaptığı (rejeneratif frenleme) için fren diskleri sık sık paslanır ve kaliperler sıkışır. Kızakları ve balataları temizler, yağlar ve diskleri kontrol ederiz.',
      ],
    },
  },
  {
    n: 10,
    category: 'klima',
    price: 149,
    from: true,
    minutes: 90,
    t: {
      de: [
        'Klima- und Wärmepumpen-Service',
        'Kältemittel absaugen und neu befüllen, Dichtheits- und Funktionsprüfung von Klimaanlage und Wärmepumpe. Der Kreislauf kühlt bei vielen E-Autos auch die Batterie – ein Service schützt also auch die Reichweite.',
      ],
      en: [
        'Air-con and heat pump service',
        'Refrigerant extraction and refill, leak and function test of air conditioning and heat pump. In many EVs this circuit also cools the battery – so a service protects your range too.',
      ],
      tr: [
        'Klima ve ısı pompası bakımı',
        'Soğutucu gazın boşaltılması ve yeniden doldurulması, klima ve ısı pompasının sızdırmazlık ve fonksiyon testi. Birçok elektrikli araçta bu devre bataryayı da soğutur – yani bakım menzilinizi de korur.',
      ],
    },
  },
  {
    n: 11,
    category: 'elektrik',
    price: 29,
    minutes: 20,
    t: {
      de: [
        '12-Volt-Batterie-Check',
        'Auch E-Autos haben eine 12-Volt-Batterie – und sie ist der häufigste Pannengrund. Wir testen sie unter Last und tauschen sie bei Bedarf passend zum Fahrzeug.',
      ],
      en: [
        '12-volt battery check',
        'EVs have a 12-volt battery too – and it is the most common cause of breakdowns. We load-test it and replace it with the right type if needed.',
      ],
      tr: [
        '12 volt akü kontrolü',
        'Elektrikli araçlarda da 12 voltluk bir akü bulunur ve en sık arıza nedenidir. Aküyü yük altında test eder, gerekirse araca uygun yenisiyle değiştiririz.',
      ],
    },
  },
  {
    n: 12,
    category: 'eauto',
    price: 49,
    minutes: 30,
    t: {
      de: [
        'Prüfung von Ladekabel und Ladeanschluss',
        'Messtechnische Prüfung Ihres Mode-3- oder Mode-2-Ladekabels sowie Sichtprüfung und Reinigung der Ladebuchse am Fahrzeug – wenn das Laden abbricht oder das Kabel beschädigt aussieht.',
      ],
      en: [
        'Charging cable and port check',
        "Electrical testing of your Mode 3 or Mode 2 charging cable plus inspection and cleaning of the car's charging socket – when charging stops or the cable looks damaged.",
      ],
      tr: [
        'Şarj kablosu ve şarj soketi kontrolü',
        'Mode 3 veya Mode 2 şarj kablonuzun ölçüm cihazıyla test edilmesi, araçtaki şarj soketinin gözle kontrolü ve temizliği – şarj yarıda kesiliyorsa veya kablo hasarlı görünüyorsa.',
      ],
    },
  },
  {
    n: 13,
    category: 'elektrik',
    price: 79,
    minutes: 45,
    t: {
      de: [
        'Fehlerdiagnose und Software-Updates',
        'Auslesen aller Steuergeräte inklusive Hochvoltsystem, Analyse der Fehlermeldungen und – wo vom Hersteller freigegeben – Aufspielen von Software-Updates.',
      ],
      en: [
        'Fault diagnosis and software updates',
        'Reading all control units including the high-voltage system, analysing fault messages and – where approved by the manufacturer – installing software updates.',
      ],
      tr: [
        'Arıza teşhisi ve yazılım güncellemeleri',
        'Yüksek voltaj sistemi dahil tüm kontrol ünitelerinin okunması, hata mesajlarının analizi ve üretici tarafından onaylandığı durumlarda yazılım güncellemelerinin yüklenmesi.',
      ],
    },
  },
  {
    n: 14,
    category: 'eauto',
    price: 149,
    minutes: 90,
    t: {
      de: [
        'Gebrauchtwagen-Check für E-Autos',
        'Vor dem Kauf eines gebrauchten Elektroautos: Batterie-SoH, Ladetest AC und DC, Fahrwerk, Bremsen, Reifen und Probefahrt mit schriftlichem Bericht. So wissen Sie, was Sie kaufen.',
      ],
      en: [
        'Used EV pre-purchase check',
        'Before buying a used electric car: battery SoH, AC and DC charging test, suspension, brakes, tyres and a test drive with a written report. So you know what you are buying.',
      ],
      tr: [
        'İkinci el elektrikli araç ekspertizi',
        'İkinci el bir elektrikli araç almadan önce: batarya SoH, AC ve DC şarj testi, süspansiyon, fren, lastik ve yazılı raporlu test sürüşü. Böylece ne satın aldığınızı bilirsiniz.',
      ],
    },
  },
];

const bonnServices: ServiceDef[] = [
  {
    n: 15,
    category: 'inspektion',
    price: 199,
    from: true,
    minutes: 150,
    t: {
      de: [
        'Inspektion nach Herstellervorgaben',
        'Für Benziner, Diesel, Hybride und Elektroautos – mit Eintrag ins Serviceheft, damit Ihre Herstellergarantie erhalten bleibt. Festpreis nach Modell auf Anfrage.',
      ],
      en: [
        'Manufacturer-specified service',
        'For petrol, diesel, hybrid and electric cars – recorded in the service book so your manufacturer warranty remains intact. Fixed price by model on request.',
      ],
    },
  },
  {
    n: 16,
    category: 'motor',
    price: 109,
    from: true,
    minutes: 45,
    t: {
      de: [
        'Ölwechsel inkl. Ölfilter',
        'Motoröl mit passender Herstellerfreigabe (bis 5 Liter), neuer Ölfilter, Serviceanzeige zurücksetzen.',
      ],
      en: [
        'Oil change incl. oil filter',
        'Engine oil with the correct manufacturer approval (up to 5 litres), new oil filter, service indicator reset.',
      ],
    },
  },
  {
    n: 17,
    category: 'hu_au',
    price: 139,
    minutes: 60,
    t: {
      de: [
        'HU/AU (Hauptuntersuchung mit Abgasuntersuchung)',
        'Mittwochs und freitags prüft ein Prüfingenieur einer amtlich anerkannten Prüforganisation bei uns. Preis inkl. Prüfgebühr; für reine E-Autos entfällt die AU.',
      ],
      en: [
        'Roadworthiness test (HU/AU incl. emissions)',
        'On Wednesdays and Fridays an engineer from an officially recognised testing organisation carries out tests on our premises. Price includes the test fee; pure EVs do not need the emissions test.',
      ],
    },
  },
  {
    n: 18,
    category: 'reifen',
    price: 39,
    minutes: 30,
    t: {
      de: [
        'Räderwechsel (Sommer/Winter)',
        'Komplette Räder umstecken, Luftdruck einstellen, RDKS anlernen und Radschrauben mit Drehmoment anziehen.',
      ],
      en: [
        'Wheel change (summer/winter)',
        'Swapping complete wheels, setting pressure, re-learning TPMS sensors and torquing the wheel bolts.',
      ],
    },
  },
  {
    n: 19,
    category: 'reifen',
    price: 55,
    minutes: 15,
    t: {
      de: [
        'Reifeneinlagerung (pro Saison)',
        'Gewaschen, geprüft und versichert eingelagert – beim nächsten Wechsel liegen Ihre Räder bereit.',
      ],
      en: [
        'Tyre storage (per season)',
        'Washed, inspected and stored with insurance – your wheels are ready for the next change.',
      ],
    },
  },
  {
    n: 20,
    category: 'bremsen',
    price: 179,
    from: true,
    minutes: 90,
    t: {
      de: [
        'Bremsbeläge vorn erneuern',
        'Neue Bremsbeläge in Erstausrüsterqualität, Reinigung der Bremssättel, Prüfung der Scheiben und Probefahrt.',
      ],
      en: ['Front brake pad replacement', 'New OE-quality brake pads, caliper cleaning, disc check and test drive.'],
    },
  },
  {
    n: 21,
    category: 'klima',
    price: 99,
    from: true,
    minutes: 60,
    t: {
      de: [
        'Klimaservice',
        'Kältemittel absaugen, reinigen und neu befüllen, Dichtheitsprüfung. Preis für R134a; Anlagen mit R1234yf auf Anfrage.',
      ],
      en: [
        'Air-conditioning service',
        'Refrigerant extraction, cleaning and refill, leak test. Price for R134a; systems with R1234yf on request.',
      ],
    },
  },
  {
    n: 22,
    category: 'elektrik',
    price: 65,
    minutes: 30,
    t: {
      de: [
        'Fehlerdiagnose',
        'Fehlerspeicher aller Steuergeräte auslesen und Ursache gezielt eingrenzen. Wird bei einer Reparatur bei uns angerechnet.',
      ],
      en: [
        'Fault diagnosis',
        'Reading the fault memory of all control units and pinpointing the cause. Credited if we carry out the repair.',
      ],
    },
  },
  {
    n: 23,
    category: 'motor',
    price: 519,
    from: true,
    minutes: 240,
    t: {
      de: [
        'Zahnriemenwechsel inkl. Wasserpumpe',
        'Zahnriemen, Rollen und Wasserpumpe im Satz nach Herstellervorgabe erneuern. Preis je nach Motor.',
      ],
      en: [
        'Timing belt replacement incl. water pump',
        'Replacing timing belt, pulleys and water pump as a kit to manufacturer specifications. Price depends on the engine.',
      ],
    },
  },
  {
    n: 24,
    category: 'sonstiges',
    price: 95,
    minutes: 60,
    t: {
      de: [
        'Achsvermessung',
        '3D-Achsvermessung mit Einstellung von Spur und Sturz und Protokoll. Empfehlenswert nach neuen Reifen oder einem Bordsteinkontakt.',
      ],
      en: [
        'Wheel alignment',
        '3D wheel alignment with toe and camber adjustment and a report. Recommended after new tyres or hitting a kerb.',
      ],
    },
  },
  {
    n: 25,
    category: 'elektrik',
    price: 19,
    minutes: 15,
    t: {
      de: [
        'Batterie-Check',
        'Test der 12-Volt-Batterie und der Ladeanlage. Beim Kauf einer neuen Batterie bei uns kostenlos.',
      ],
      en: [
        'Battery check',
        'Test of the 12-volt battery and charging system. Free when you buy a new battery from us.',
      ],
    },
  },
  {
    n: 26,
    category: 'eauto',
    price: 89,
    minutes: 60,
    t: {
      de: [
        'Hochvolt-Check für E-Autos und Hybride',
        'Sicht- und Funktionsprüfung des Hochvoltsystems durch geschulte Techniker mit Prüfprotokoll. Das ausführliche Batteriezertifikat erstellt unser Standort Köln.',
      ],
      en: [
        'High-voltage check for EVs and hybrids',
        'Visual and functional check of the high-voltage system by trained technicians, with a test report. The detailed battery certificate is issued by our Cologne location.',
      ],
    },
  },
  {
    n: 27,
    category: 'karosserie',
    price: 89,
    minutes: 45,
    t: {
      de: [
        'Steinschlagreparatur Windschutzscheibe',
        'Kleine Steinschläge außerhalb des direkten Sichtfelds reparieren wir mit Spezialharz, bevor daraus ein Riss wird. Bei Teilkasko übernimmt die Versicherung die Kosten oft vollständig.',
      ],
      en: [
        'Windscreen chip repair',
        "We repair small stone chips outside the driver's direct line of sight with special resin before they turn into a crack. With partial-cover insurance the costs are often fully covered.",
      ],
    },
  },
];

type Place = { city: string; phone: string; charger: boolean };

/** FAQ entries that apply to both locations of the company (texts per place). */
function companyFaqs(first: number, p: Place): FaqDef[] {
  return [
    {
      n: first,
      category: 'Termine',
      t: {
        de: [
          'Wie vereinbare ich einen Termin?',
          `Über unseren Chat-Assistenten auf dieser Seite, telefonisch unter ${p.phone} oder direkt an der Annahme in ${p.city}. In der Regel finden wir innerhalb einer Woche einen Termin.`,
        ],
        en: [
          'How do I book an appointment?',
          `Via our chat assistant on this page, by phone on ${p.phone} or directly at our service desk in ${p.city === 'Köln' ? 'Cologne' : p.city}. We can usually find a slot within a week.`,
        ],
        tr: [
          'Nasıl randevu alabilirim?',
          `Bu sayfadaki sohbet asistanımız aracılığıyla, ${p.phone} numaralı telefondan ya da doğrudan ${p.city} şubemizin servis kabulünden. Genellikle bir hafta içinde randevu bulabiliyoruz.`,
        ],
      },
    },
    {
      n: first + 1,
      category: 'Ersatzmobilität',
      t: {
        de: [
          'Bekomme ich einen Ersatzwagen?',
          'Ja, auf Wunsch auch ein Elektroauto. Ersatzwagen kosten 29 € pro Tag inklusive 150 km; bei Reparaturen über 800 € ist der erste Tag kostenlos. Bitte bei der Terminvereinbarung reservieren.',
        ],
        en: [
          'Can I get a courtesy car?',
          'Yes, including an electric one if you prefer. Courtesy cars cost €29 per day including 150 km; for repairs over €800 the first day is free. Please reserve when booking.',
        ],
        tr: [
          'Yedek araç alabilir miyim?',
          'Evet, isterseniz elektrikli bir araç da verebiliriz. Yedek araç günlüğü 150 km dahil 29 €’dur; 800 € üzerindeki onarımlarda ilk gün ücretsizdir. Lütfen randevu alırken ayırtın.',
        ],
      },
    },
    {
      n: first + 2,
      category: 'Bezahlung',
      t: {
        de: [
          'Wie kann ich bezahlen?',
          'Mit Girocard, Kreditkarte, Apple Pay oder Google Pay sowie per Überweisung auf Rechnung für Firmenkunden. Barzahlung ist bis 1.000 € möglich.',
        ],
        en: [
          'How can I pay?',
          'By Girocard, credit card, Apple Pay or Google Pay, and by bank transfer on invoice for business customers. Cash is accepted up to €1,000.',
        ],
        tr: [
          'Nasıl ödeme yapabilirim?',
          'Girocard, kredi kartı, Apple Pay veya Google Pay ile; kurumsal müşteriler faturayla havale yoluyla ödeyebilir. Nakit ödeme 1.000 €’ya kadar mümkündür.',
        ],
      },
    },
    {
      n: first + 3,
      category: 'Garantie',
      t: {
        de: [
          'Verliere ich die Herstellergarantie, wenn ich mein Auto bei Ihnen warten lasse?',
          'Nein. Die EU-Gruppenfreistellungsverordnung (GVO) erlaubt Wartung und Reparatur in freien Werkstätten auch während der Garantie – bei E-Autos genauso wie bei Verbrennern. Wir arbeiten nach Herstellervorgaben, verwenden Originalteile oder gleichwertige Teile und tragen alles ins digitale Serviceheft ein. Bei E-Autos bleibt auch die Batteriegarantie bestehen.',
        ],
        en: [
          'Do I lose the manufacturer warranty if you service my car?',
          'No. The EU Block Exemption Regulation allows maintenance and repairs at independent workshops during the warranty period – for EVs just as for combustion cars. We follow manufacturer specifications, use original or equivalent parts and record everything in the digital service record. For EVs, the battery warranty remains valid too.',
        ],
        tr: [
          'Aracımın bakımını sizde yaptırırsam üretici garantisini kaybeder miyim?',
          'Hayır. AB Grup Muafiyeti Yönetmeliği (GVO), garanti süresi içinde de bağımsız atölyelerde bakım ve onarım yapılmasına izin verir – elektrikli araçlarda da içten yanmalı araçlarda olduğu gibi. Üretici talimatlarına göre çalışır, orijinal veya eşdeğer parçalar kullanır ve her şeyi dijital servis kaydına işleriz. Elektrikli araçlarda batarya garantisi de geçerliliğini korur.',
        ],
      },
    },
    {
      n: first + 4,
      category: 'Kosten',
      t: {
        de: [
          'Bekomme ich vorher einen Kostenvoranschlag?',
          'Ja. Vor jeder Reparatur erhalten Sie einen Kostenvoranschlag per E-Mail, den Sie online freigeben können. Zusätzliche Arbeiten führen wir nur nach Ihrer Zustimmung durch.',
        ],
        en: [
          'Will I get a cost estimate beforehand?',
          'Yes. Before every repair you receive a cost estimate by email, which you can approve online. We only carry out additional work with your consent.',
        ],
        tr: [
          'Önceden maliyet tahmini alabilir miyim?',
          'Evet. Her onarımdan önce e-posta ile bir maliyet tahmini alırsınız ve bunu çevrimiçi onaylayabilirsiniz. Ek işleri yalnızca sizin onayınızla yaparız.',
        ],
      },
    },
    {
      n: first + 5,
      category: 'Ersatzteile',
      t: {
        de: [
          'Verwenden Sie Originalteile?',
          'Ja, oder Teile in nachweislich gleichwertiger Erstausrüsterqualität. Bei Hochvoltkomponenten verbauen wir ausschließlich Originalteile des Herstellers.',
        ],
        en: [
          'Do you use original parts?',
          'Yes, or parts of demonstrably equivalent OE quality. For high-voltage components we fit manufacturer original parts only.',
        ],
        tr: [
          'Orijinal parça kullanıyor musunuz?',
          'Evet, ya da kanıtlanmış eşdeğer orijinal ekipman kalitesinde parçalar. Yüksek voltaj bileşenlerinde yalnızca üreticinin orijinal parçalarını kullanırız.',
        ],
      },
    },
    {
      n: first + 6,
      category: 'Reifen',
      t: {
        de: [
          'Kann ich meine Reifen bei Ihnen einlagern?',
          'Ja. Wir waschen, prüfen und lagern Ihre Räder versichert ein. Vor der nächsten Saison erinnern wir Sie per E-Mail an den Wechseltermin.',
        ],
        en: [
          'Can I store my tyres with you?',
          'Yes. We wash, inspect and store your wheels with insurance. Before the next season we remind you of the change appointment by email.',
        ],
        tr: [
          'Lastiklerimi sizde saklayabilir miyim?',
          'Evet. Tekerleklerinizi yıkar, kontrol eder ve sigortalı olarak saklarız. Bir sonraki sezondan önce değişim randevusunu e-posta ile hatırlatırız.',
        ],
      },
    },
    {
      n: first + 7,
      category: 'Service',
      t: {
        de: [
          'Kann ich während der Reparatur warten?',
          p.charger
            ? 'Bei Arbeiten bis etwa eine Stunde gern. In unserer Lounge gibt es WLAN und Kaffee, und Ihr E-Auto lädt in der Zeit an unserem Schnelllader (Abrechnung nach kWh).'
            : 'Bei Arbeiten bis etwa eine Stunde gern. In unserem Wartebereich gibt es WLAN und Kaffee.',
        ],
        en: [
          'Can I wait during the repair?',
          p.charger
            ? 'For jobs up to about an hour, yes. Our lounge has Wi-Fi and coffee, and your EV can charge at our rapid charger in the meantime (billed per kWh).'
            : 'For jobs up to about an hour, yes. Our waiting area has Wi-Fi and coffee.',
        ],
        tr: [
          'Onarım sırasında bekleyebilir miyim?',
          p.charger
            ? 'Yaklaşık bir saate kadar süren işlerde elbette. Salonumuzda Wi-Fi ve kahve var; bu sürede elektrikli aracınız hızlı şarj istasyonumuzda şarj olabilir (kWh başına ücretlendirilir).'
            : 'Yaklaşık bir saate kadar süren işlerde elbette. Bekleme alanımızda Wi-Fi ve kahve bulunur.',
        ],
      },
    },
  ];
}

const koelnFaqs: FaqDef[] = [
  ...companyFaqs(1, { city: 'Köln', phone: '+49 221 4710-300', charger: true }),
  {
    n: 9,
    category: 'Elektromobilität',
    t: {
      de: [
        'Dürfen Sie an Hochvoltsystemen arbeiten?',
        'Ja. Alle Techniker in Köln sind nach DGUV Information 209-093 für Arbeiten an Hochvoltsystemen qualifiziert, und unsere Werkstatt ist mit isolierten Werkzeugen, abgesperrten HV-Arbeitsplätzen und Batterie-Hebetisch ausgestattet.',
      ],
      en: [
        'Are you allowed to work on high-voltage systems?',
        'Yes. All technicians in Cologne are qualified for high-voltage work under DGUV Information 209-093, and our workshop is equipped with insulated tools, cordoned-off HV workstations and a battery lifting table.',
      ],
      tr: [
        'Yüksek voltaj sistemleri üzerinde çalışma yetkiniz var mı?',
        "Evet. Köln'deki tüm teknisyenlerimiz DGUV Information 209-093'e göre yüksek voltaj çalışmaları için yetkilidir; atölyemiz yalıtımlı aletler, güvenlik alanıyla ayrılmış yüksek voltaj çalışma yerleri ve batarya kaldırma masasıyla donatılmıştır.",
      ],
    },
  },
  {
    n: 10,
    category: 'Elektromobilität',
    t: {
      de: [
        'Was sagt das Batteriezertifikat aus?',
        'Es dokumentiert den Gesundheitszustand (State of Health, SoH) Ihrer Antriebsbatterie in Prozent der ursprünglichen Kapazität, dazu Zellspannungen und Auffälligkeiten. Beim Verkauf schafft das Vertrauen; beim Kauf schützt es vor bösen Überraschungen. Der Check dauert etwa eine Stunde und kostet 119 €.',
      ],
      en: [
        'What does the battery certificate tell me?',
        'It documents the state of health (SoH) of your traction battery as a percentage of its original capacity, along with cell voltages and any anomalies. When selling, it builds trust; when buying, it protects you from nasty surprises. The check takes about an hour and costs €119.',
      ],
      tr: [
        'Batarya sertifikası neyi gösterir?',
        'Çekiş bataryanızın sağlık durumunu (State of Health, SoH) orijinal kapasitenin yüzdesi olarak, ayrıca hücre gerilimlerini ve olağan dışı durumları belgeler. Satışta güven sağlar, alımda sizi kötü sürprizlerden korur. Kontrol yaklaşık bir saat sürer ve 119 € tutar.',
      ],
    },
  },
  {
    n: 11,
    category: 'HU/AU',
    t: {
      de: [
        'Braucht mein Elektroauto eine Abgasuntersuchung?',
        'Nein, reine Elektroautos brauchen nur die Hauptuntersuchung alle zwei Jahre (beim Neuwagen erstmals nach drei Jahren). Plug-in-Hybride und Vollhybride haben einen Verbrennungsmotor und benötigen weiterhin die AU.',
      ],
      en: [
        'Does my electric car need an emissions test?',
        'No, pure EVs only need the roadworthiness test every two years (for a new car, first after three years). Plug-in and full hybrids have a combustion engine and still need the emissions test.',
      ],
      tr: [
        'Elektrikli aracımın egzoz emisyon testine ihtiyacı var mı?',
        'Hayır, tamamen elektrikli araçların yalnızca iki yılda bir araç muayenesine girmesi gerekir (yeni araçlarda ilk muayene üç yıl sonra). Plug-in hibrit ve tam hibrit araçlarda içten yanmalı motor bulunduğundan emisyon testi yine gereklidir.',
      ],
    },
  },
];

const bonnFaqs: FaqDef[] = only(BONN_LANGS, [
  ...companyFaqs(12, { city: 'Bonn', phone: '+49 221 4710-350', charger: false }),
  {
    n: 20,
    category: 'HU/AU',
    t: {
      de: [
        'Wann kann ich in Bonn zur Hauptuntersuchung kommen?',
        'Der Prüfingenieur ist mittwochs und freitags bei uns. Bringen Sie Ihr Auto bis 9 Uhr; wir machen vorher einen kostenlosen Vorab-Check und beheben kleine Mängel nach Rücksprache sofort. HU/AU kostet 139 € inklusive Prüfgebühr.',
      ],
      en: [
        'When can I come for the roadworthiness test in Bonn?',
        'The test engineer is here on Wednesdays and Fridays. Bring your car by 9 am; we do a free pre-check beforehand and fix minor defects straight away after checking with you. HU/AU costs €139 including the test fee.',
      ],
    },
  },
  {
    n: 21,
    category: 'Service',
    t: {
      de: [
        'Gibt es einen Hol- und Bringservice?',
        'Ja, in Beuel, Bonn-Zentrum und Königswinter für 25 €. Bei Inspektionen im Umkreis von 5 km holen wir Ihr Auto kostenlos ab.',
      ],
      en: [
        'Do you offer pick-up and delivery?',
        'Yes, in Beuel, central Bonn and Königswinter for €25. For scheduled services within 5 km we collect your car free of charge.',
      ],
    },
  },
]);

const koelnPosts: PostDef[] = [
  {
    n: 1,
    slug: 'reifen-fuer-elektroautos',
    status: 'published',
    published_at: '2026-04-09T07:00:00Z',
    author: 'Emre Yıldız',
    t: {
      de: {
        title: 'Reifen für Elektroautos: Was ist anders?',
        excerpt: 'Mehr Gewicht, mehr Drehmoment, weniger Geräusch: Warum E-Autos besondere Reifen brauchen.',
        content: `Elektroautos sind im Schnitt deutlich schwerer als vergleichbare Verbrenner – die Batterie wiegt oft 400 bis 600 Kilogramm. Dazu kommt das sofort anliegende Drehmoment des Elektromotors. Beides beansprucht die Reifen stärker.

Achten Sie deshalb auf den **Lastindex**: Viele E-Autos brauchen Reifen mit erhöhter Tragfähigkeit, erkennbar an der Kennzeichnung XL oder HL. Welche Tragfähigkeit vorgeschrieben ist, steht in der Zulassungsbescheinigung Teil I.

Weil der Motor kaum Geräusche macht, hört man das Abrollgeräusch der Reifen stärker. Spezielle E-Auto-Reifen haben daher oft eine Schaumstoffeinlage, die das Innengeräusch senkt. Und ein geringer Rollwiderstand bringt spürbar mehr Reichweite – der Unterschied zwischen Reifen der Effizienzklasse A und C kann einige Prozent ausmachen.

Unser Tipp: Kontrollieren Sie den Luftdruck bei E-Autos besonders regelmäßig und tauschen Sie die Räder zwischen Vorder- und Hinterachse, wenn Ihr Hersteller das erlaubt. So nutzen sich die Reifen gleichmäßiger ab.`,
        seo_title: 'Reifen für Elektroautos: das müssen Sie wissen',
        seo_description:
          'Lastindex XL/HL, Geräuschdämpfung und Rollwiderstand: Worauf es bei Reifen für Elektroautos ankommt – erklärt von der E-Auto-Werkstatt in Köln.',
      },
      en: {
        title: 'Tyres for electric cars: what is different?',
        excerpt: 'More weight, more torque, less noise: why EVs need special tyres.',
        content: `Electric cars are on average much heavier than comparable combustion cars – the battery often weighs 400 to 600 kilograms. Add the instant torque of the electric motor, and the tyres are under more stress.

So pay attention to the **load index**: many EVs need tyres with increased load capacity, marked XL or HL. The required load capacity is stated in your vehicle registration certificate.

Because the motor is almost silent, tyre rolling noise becomes more noticeable. Dedicated EV tyres therefore often have a foam insert that reduces cabin noise. And low rolling resistance brings noticeably more range – the difference between efficiency class A and C tyres can amount to several per cent.

Our tip: check tyre pressure on EVs particularly regularly and rotate the wheels between front and rear axle if your manufacturer allows it. That way the tyres wear more evenly.`,
        seo_title: 'Tyres for electric cars: what you need to know',
        seo_description:
          'Load index XL/HL, noise damping and rolling resistance: what matters in EV tyres – explained by the EV workshop in Cologne.',
      },
    },
  },
  {
    n: 2,
    slug: '12-volt-batterie-im-elektroauto',
    status: 'published',
    published_at: '2026-10-28T08:00:00Z',
    author: 'Miriam Scholz',
    t: {
      de: {
        title: 'Die 12-Volt-Batterie im E-Auto: der unterschätzte Pannengrund',
        excerpt:
          'Ihr Elektroauto lässt sich nicht starten, obwohl der Akku voll ist? Schuld ist oft die kleine 12-Volt-Batterie.',
        content: `Es klingt paradox: Die große Hochvoltbatterie ist voll geladen, aber das Auto reagiert nicht. In den meisten Fällen ist dann die kleine **12-Volt-Batterie** leer. Sie versorgt Steuergeräte, Türschlösser und das Bordnetz – und schaltet beim Start das Hochvoltsystem überhaupt erst zu.

Die 12-Volt-Batterie wird im Betrieb aus der Hochvoltbatterie nachgeladen. Steht das Auto aber länger, ziehen Ruheströme von Telematik, Alarmanlage und App-Verbindung langsam Energie ab. Bei Kälte verliert die Batterie zusätzlich an Leistung.

Vorbeugen ist einfach: Lassen Sie die 12-Volt-Batterie vor dem Winter testen, vor allem wenn sie älter als vier Jahre ist. Vermeiden Sie wochenlange Standzeiten ohne Fahrt, und schalten Sie unnötige Funktionen wie den Wächtermodus ab, wenn das Auto länger steht.

Springt das Auto nicht an, hilft meist Starthilfe an den vorgesehenen Kontaktpunkten – schauen Sie dazu in die Betriebsanleitung. Wir testen Ihre 12-Volt-Batterie für 29 € und tauschen sie bei Bedarf gegen ein passendes Modell.`,
        seo_title: '12-Volt-Batterie im E-Auto: Pannengrund Nr. 1',
        seo_description:
          'Warum die kleine 12-Volt-Batterie E-Autos lahmlegt, wie Sie vorbeugen und was bei einer Panne hilft – von der E-Auto-Werkstatt in Köln.',
      },
      en: {
        title: 'The 12-volt battery in an EV: the underestimated cause of breakdowns',
        excerpt:
          'Your EV won’t start even though the traction battery is full? The small 12-volt battery is often to blame.',
        content: `It sounds paradoxical: the big high-voltage battery is fully charged, yet the car does not respond. In most cases the small **12-volt battery** is flat. It powers the control units, door locks and on-board electrics – and is what switches on the high-voltage system in the first place.

The 12-volt battery is recharged from the high-voltage battery while driving. But if the car stands for a long time, quiescent currents from telematics, the alarm system and app connectivity slowly drain it. In cold weather the battery also loses performance.

Prevention is easy: have the 12-volt battery tested before winter, especially if it is older than four years. Avoid leaving the car unused for weeks, and switch off unnecessary functions such as sentry mode when the car is parked for longer.

If the car won’t start, a jump start at the designated contact points usually helps – check your owner’s manual. We test your 12-volt battery for €29 and replace it with a suitable model if needed.`,
        seo_title: 'The 12-volt battery in EVs: top breakdown cause',
        seo_description:
          'Why the small 12-volt battery can immobilise an EV, how to prevent it and what to do in a breakdown – from the EV workshop in Cologne.',
      },
    },
  },
  {
    n: 3,
    slug: 'waermepumpe-im-winter',
    status: 'draft',
    published_at: null,
    author: 'Emre Yıldız',
    t: {
      de: {
        title: 'Wärmepumpe im E-Auto: So holen Sie im Winter mehr Reichweite heraus',
        excerpt: 'Wie die Wärmepumpe funktioniert, was sie bringt und welche Gewohnheiten im Winter Reichweite sparen.',
        content: `Im Winter verlieren Elektroautos spürbar an Reichweite – vor allem, weil Heizen Energie kostet. Ein klassischer Heizwiderstand wandelt Strom eins zu eins in Wärme um. Eine **Wärmepumpe** nutzt dagegen zusätzlich Wärme aus der Umgebungsluft und der Antriebstechnik und braucht dafür deutlich weniger Strom.

Wie viel das bringt, hängt von Modell und Temperatur ab. Bei leichtem Frost sind im Stadtverkehr oft zehn bis zwanzig Prozent mehr Reichweite drin als ohne Wärmepumpe.

Noch mehr holen Sie mit dem Vorklimatisieren heraus: Heizen Sie das Auto vor, solange es an der Ladestation hängt. Sitz- und Lenkradheizung wärmen direkter und sparsamer als die Innenraumluft.

Damit die Wärmepumpe effizient arbeitet, muss der Kältemittelkreislauf dicht und richtig befüllt sein. Unser Klima- und Wärmepumpen-Service prüft genau das.`,
        seo_title: 'Wärmepumpe im E-Auto: mehr Reichweite im Winter',
        seo_description:
          'Wie die Wärmepumpe im Elektroauto funktioniert, wie viel Reichweite sie bringt und welche Tipps im Winter zusätzlich helfen.',
      },
      en: {
        title: 'Heat pumps in EVs: how to get more winter range',
        excerpt: 'How the heat pump works, what it brings and which habits save range in winter.',
        content: `In winter, electric cars lose noticeable range – mainly because heating costs energy. A conventional resistance heater converts electricity into heat one to one. A **heat pump**, by contrast, also uses heat from the ambient air and the drivetrain and needs much less electricity to do so.

How much this brings depends on the model and temperature. In light frost and city traffic, ten to twenty per cent more range than without a heat pump is often possible.

You can get even more by preconditioning: warm up the car while it is still plugged into the charger. Seat and steering-wheel heating warm you more directly and economically than heating the cabin air.

For the heat pump to work efficiently, the refrigerant circuit must be leak-free and correctly filled. Our air-con and heat pump service checks exactly that.`,
        seo_title: 'EV heat pumps: more range in winter',
        seo_description:
          'How the heat pump in an electric car works, how much range it adds and which extra tips help in winter.',
      },
    },
  },
];

const bonnPosts: PostDef[] = [
  {
    n: 4,
    slug: 'oelwechsel-intervalle-longlife-oder-fest',
    status: 'published',
    published_at: '2026-02-19T08:00:00Z',
    author: 'Tobias Engel',
    t: {
      de: {
        title: 'Ölwechsel: Longlife-Intervall oder fester Service?',
        excerpt:
          'Was hinter flexiblen Longlife-Intervallen steckt und für wen ein jährlicher Ölwechsel trotzdem sinnvoll ist.',
        content: `Viele moderne Autos haben ein flexibles Serviceintervall, oft „Longlife“ genannt. Das Bordsystem berechnet anhand von Fahrprofil, Temperaturen und Motorlast, wann das Öl gewechselt werden muss – manchmal erst nach 30.000 Kilometern oder zwei Jahren.

Das funktioniert gut, wenn Sie regelmäßig längere Strecken fahren. Ganz anders sieht es bei **Kurzstrecke** aus: Wird der Motor selten richtig warm, sammeln sich Kondenswasser und Kraftstoff im Öl, und es altert schneller. Dann empfehlen wir, auf ein festes Intervall von einem Jahr oder 15.000 Kilometern umzustellen.

Wichtig ist immer das richtige Öl: Es muss die Freigabe Ihres Herstellers haben, die in der Betriebsanleitung oder im Serviceheft steht. Die Viskosität allein, etwa 0W-30, reicht als Auswahlkriterium nicht aus.

Kontrollieren Sie den Ölstand zwischen den Wechseln alle paar Tankfüllungen – auch moderne Motoren verbrauchen etwas Öl. Bei uns in Bonn gibt es den Ölwechsel ab 109 €, auf Wunsch während Sie warten.`,
        seo_title: 'Ölwechsel: Longlife oder festes Intervall?',
        seo_description:
          'Flexibles Longlife-Intervall oder jährlicher Ölwechsel? Für wen sich was lohnt und worauf es beim richtigen Motoröl ankommt.',
      },
      en: {
        title: 'Oil changes: long-life interval or fixed service?',
        excerpt: 'What flexible long-life intervals mean and who should still change oil every year.',
        content: `Many modern cars have a flexible service interval, often called “long-life”. The on-board system calculates when the oil needs changing based on driving profile, temperatures and engine load – sometimes only after 30,000 kilometres or two years.

That works well if you regularly drive longer distances. **Short trips** are a different story: if the engine rarely gets properly warm, condensation and fuel collect in the oil and it ages faster. In that case we recommend switching to a fixed interval of one year or 15,000 kilometres.

The right oil always matters: it must carry your manufacturer’s approval, which you will find in the owner’s manual or service book. Viscosity alone, such as 0W-30, is not enough to choose the right oil.

Check the oil level every few fill-ups between changes – even modern engines use some oil. At our Bonn workshop an oil change starts at €109, done while you wait if you like.`,
        seo_title: 'Oil change: long-life or fixed interval?',
        seo_description:
          'Flexible long-life interval or annual oil change? Who benefits from which, and what matters when choosing engine oil.',
      },
    },
  },
  {
    n: 5,
    slug: 'steinschlag-frontscheibe-reparieren-oder-tauschen',
    status: 'published',
    published_at: '2026-07-07T07:30:00Z',
    author: 'Tobias Engel',
    t: {
      de: {
        title: 'Steinschlag in der Frontscheibe: reparieren oder tauschen?',
        excerpt:
          'Wann sich ein Steinschlag reparieren lässt, was die Versicherung zahlt und warum Sie nicht warten sollten.',
        content: `Ein kurzer Knall, und schon ist er da: ein kleiner Steinschlag in der Windschutzscheibe. Viele Autofahrer ignorieren ihn zunächst – doch Temperaturwechsel, Schlaglöcher oder die Waschanlage können aus dem kleinen Schaden schnell einen langen Riss machen.

Eine **Reparatur** ist in der Regel möglich, wenn der Schaden kleiner als eine Zwei-Euro-Münze ist, nicht direkt im Sichtfeld des Fahrers liegt und mindestens zehn Zentimeter vom Scheibenrand entfernt ist. Dabei wird die Stelle mit Spezialharz gefüllt und ausgehärtet – das dauert etwa eine halbe Stunde.

Liegt der Schaden im Sichtfeld oder ist schon ein Riss entstanden, muss die Scheibe getauscht werden. Bei modernen Autos mit Kamera hinter der Frontscheibe gehört danach eine Kalibrierung der Fahrerassistenzsysteme dazu.

Gut zu wissen: Mit Teilkasko übernehmen viele Versicherer die Reparatur komplett, oft ohne Selbstbeteiligung. Kleben Sie den Steinschlag bis zum Termin mit durchsichtigem Klebeband ab, damit kein Schmutz eindringt.`,
        seo_title: 'Steinschlag: reparieren oder Scheibe tauschen?',
        seo_description:
          'Wann sich ein Steinschlag in der Windschutzscheibe reparieren lässt, was die Teilkasko zahlt und warum schnelles Handeln Geld spart.',
      },
      en: {
        title: 'Stone chip in the windscreen: repair or replace?',
        excerpt: 'When a chip can be repaired, what insurance pays and why you shouldn’t wait.',
        content: `A sharp crack, and there it is: a small stone chip in the windscreen. Many drivers ignore it at first – but temperature changes, potholes or a car wash can quickly turn the small damage into a long crack.

A **repair** is usually possible if the damage is smaller than a two-euro coin, not directly in the driver’s field of vision and at least ten centimetres from the edge of the glass. The spot is filled with special resin and cured – this takes about half an hour.

If the damage is in the field of vision or a crack has already formed, the windscreen must be replaced. On modern cars with a camera behind the windscreen, the driver-assistance systems then need to be recalibrated.

Good to know: with partial-cover insurance, many insurers pay for the repair in full, often without an excess. Until your appointment, cover the chip with clear tape to keep dirt out.`,
        seo_title: 'Stone chip: repair or replace the windscreen?',
        seo_description:
          'When a windscreen chip can be repaired, what partial-cover insurance pays and why acting quickly saves money.',
      },
    },
  },
  {
    n: 6,
    slug: 'auto-fit-fuer-den-urlaub',
    status: 'draft',
    published_at: null,
    author: 'Tobias Engel',
    t: {
      de: {
        title: 'Auto fit für den Urlaub: der Check vor der großen Fahrt',
        excerpt: 'Reifen, Flüssigkeiten, Licht und Beladung: So kommen Sie entspannt am Urlaubsort an.',
        content: `Vor einer langen Urlaubsfahrt lohnt sich ein kurzer Blick auf die wichtigsten Punkte – oder ein Urlaubscheck in der Werkstatt.

**Reifen:** Prüfen Sie Profil und Luftdruck. Für volle Beladung gibt der Hersteller meist einen höheren Luftdruck an; die Werte stehen im Tankdeckel oder in der Fahrertür.

**Flüssigkeiten:** Motoröl, Kühlmittel, Bremsflüssigkeit und Scheibenwaschwasser sollten aufgefüllt sein. Eine funktionierende Klimaanlage sorgt nicht nur für Komfort, sondern hält Sie auch konzentriert.

**Licht und Sicht:** Alle Lampen prüfen, Wischerblätter bei Schlieren tauschen. Denken Sie an Warnwesten für alle Insassen, wenn Sie ins Ausland fahren – in vielen Ländern ist das Pflicht.

**Beladung:** Schweres Gepäck gehört nach unten und möglichst weit nach vorn im Kofferraum. Dachboxen und Fahrradträger verändern das Fahrverhalten und erhöhen den Verbrauch – fahren Sie entsprechend vorausschauend.`,
        seo_title: 'Urlaubscheck fürs Auto: die Checkliste',
        seo_description:
          'Reifen, Flüssigkeiten, Licht und Beladung: Mit dieser Checkliste machen Sie Ihr Auto fit für die Urlaubsfahrt.',
      },
      en: {
        title: 'Getting your car holiday-ready: the check before the long drive',
        excerpt: 'Tyres, fluids, lights and loading: how to arrive at your destination relaxed.',
        content: `Before a long holiday drive it is worth taking a quick look at the key points – or booking a holiday check at the workshop.

**Tyres:** Check tread and pressure. For a fully loaded car, manufacturers usually specify a higher pressure; the values are inside the fuel filler flap or the driver’s door.

**Fluids:** Engine oil, coolant, brake fluid and screen wash should be topped up. Working air conditioning is not just about comfort – it also keeps you focused.

**Lights and visibility:** Check all bulbs and replace wiper blades if they smear. Remember hi-vis vests for all occupants when driving abroad – they are mandatory in many countries.

**Loading:** Heavy luggage belongs at the bottom and as far forward in the boot as possible. Roof boxes and bike racks change handling and increase consumption – drive with extra foresight.`,
        seo_title: 'Holiday car check: the checklist',
        seo_description:
          'Tyres, fluids, lights and loading: use this checklist to get your car ready for the holiday drive.',
      },
    },
  },
];

/** make, model, variant, year, mileage_km, fuel, kW, colour, price, status, description (all automatic). */
type Stock = [
  string,
  string,
  string,
  number,
  number,
  'electric' | 'hybrid' | 'plugin_hybrid',
  number,
  string,
  number,
  'available' | 'reserved' | 'sold',
  string,
];

// biome-ignore format: one vehicle per line reads like a stock list
const stock: Stock[] = [
  ['Renault', 'Zoe', 'R135 Z.E. 50 Intens', 2021, 36200, 'electric', 100, 'Flammenrot Metallic', 15990, 'available', 'Batterie gekauft (keine Batteriemiete), SoH 93 %, CCS-Schnellladen, Navi und Rückfahrkamera.'],
  ['Volkswagen', 'ID.4', 'Pro Performance 77 kWh', 2022, 41800, 'electric', 150, 'Gletscherweiß Metallic', 31490, 'available', 'SoH 95 %, Wärmepumpe, Anhängerkupplung, Head-up-Display mit Augmented Reality.'],
  ['Tesla', 'Model 3', 'Standard Range Plus', 2021, 58900, 'electric', 208, 'Solid Black', 24990, 'reserved', 'SoH 90 %, Autopilot, Glasdach, neue Sommerreifen; Batteriezertifikat liegt vor.'],
  ['Hyundai', 'IONIQ Elektro', '38 kWh Style', 2020, 52400, 'electric', 100, 'Polar White', 16490, 'available', 'SoH 92 %, sehr effizient (ca. 14 kWh/100 km), Sitzheizung vorn und hinten.'],
  ['Toyota', 'C-HR', '2.0 Hybrid Team D', 2022, 28300, 'hybrid', 135, 'Nebula Blue Metallic', 26990, 'available', 'Vollhybrid, Toyota Safety Sense, Sitzheizung, Rückfahrkamera, scheckheftgepflegt.'],
  ['Kia', 'EV6', 'GT-Line 77,4 kWh AWD', 2022, 37600, 'electric', 239, 'Runway Red', 38990, 'available', 'SoH 96 %, 800-Volt-Schnellladen, Wärmepumpe, Meridian Sound, Herstellergarantie bis 2029.'],
  ['Skoda', 'Octavia Combi iV', '1.4 TSI Style', 2021, 61200, 'plugin_hybrid', 150, 'Quarzgrau Metallic', 24490, 'sold', 'Plug-in-Hybrid mit ca. 55 km elektrischer Reichweite (WLTP), Matrix-LED, Canton Sound.'],
  ['Fiat', '500e', 'La Prima 42 kWh', 2022, 14700, 'electric', 87, 'Ocean Green', 21990, 'available', 'SoH 97 %, 85-kW-Schnellladen, Lederausstattung, 360°-Parksensoren.'],
];

const vehicles: Row[] = stock.map(
  ([make, model, variant, year, mileage_km, fuel, power_kw, color, price, status, description], i) => ({
    id: id(T, 'vehicle', i + 1),
    status,
    workshop: KOELN,
    external_id: `EMK-${2001 + i}`,
    make,
    model,
    variant,
    year,
    mileage_km,
    fuel,
    transmission: 'automatic',
    power_kw,
    color,
    price,
    description,
  }),
);

export const seed: TenantSeed = {
  tenant: {
    id: id(T, 'tenant', 1),
    name: 'E-Mobil Service Köln GmbH',
    plan: 'enterprise',
    subscription_status: 'active',
    trial_ends_at: null,
    billing_email: 'buchhaltung.emobil@example.com',
    billing_country: 'DE',
    vat_id: 'DE408621751',
  },
  workshops: [koeln, bonn],
  services: [...services(T, KOELN, koelnServices), ...services(T, BONN, bonnServices)],
  faqs: [...faqs(T, KOELN, koelnFaqs), ...faqs(T, BONN, bonnFaqs)],
  posts: [...posts(T, KOELN, koelnPosts), ...posts(T, BONN, bonnPosts)],
  vehicles,
  users: [
    {
      id: id(T, 'user', 1),
      email: 'owner.emobil@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Miriam',
      last_name: 'Scholz',
      role: 'owner',
    },
    {
      id: id(T, 'user', 2),
      email: 'staff.emobil@example.com',
      password: 'demo-carbot-2026',
      first_name: 'Emre',
      last_name: 'Yıldız',
      role: 'staff',
    },
  ],
};
