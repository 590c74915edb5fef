/**
 * Names met at Moroccan legal clinics, each with its Arabic script (when people are also
 * written in Arabic) and the Latin spellings that passports, Moroccan records and intake
 * staff actually use. The first Latin spelling is the most frequent; the others become
 * `otherSpellings` and the spelling of look-alike duplicate registrations.
 *
 * Encoded as 'arabic|Latin1/Latin2/…' (arabic may be empty) to keep the tables readable.
 * faker's fr_SN, en_NG and en_GH locales add the long tail of West African names; faker's
 * ar locale adds Arabic-only given names for records kept from Moroccan papers.
 */
export interface NameForm {
  readonly ar: string;
  readonly latin: readonly string[];
}

const forms = (...encoded: string[]): NameForm[] =>
  encoded.map((e) => {
    const [ar = '', latin = ''] = e.split('|');
    return { ar, latin: latin.split('/') };
  });

/** Arab given names shared by Moroccan, Syrian, Yemeni and Sudanese profiles. */
export const ARAB_MALE = forms(
  'محمد|Mohamed/Mohammed/Muhammad/Mohammad/Mhamed',
  'أحمد|Ahmed/Ahmad/Ahmet',
  'يوسف|Youssef/Yusuf/Youcef/Yousef',
  'عبد القادر|Abdelkader/Abdul Qadir/Abdel Kader/Abdulkadir',
  'عبد الله|Abdallah/Abdullah/Abdellah/Abdoulaye',
  'عبد الرحمن|Abderrahmane/Abdulrahman/Abdelrahman/Abdel Rahman',
  'عمر|Omar/Umar/Omer',
  'علي|Ali/Aly',
  'حسن|Hassan/Hasan/Hassane',
  'حسين|Hussein/Houcine/Hussain/Hossein',
  'إبراهيم|Ibrahim/Brahim/Ebrahim',
  'مصطفى|Mustafa/Mostafa/Moustapha',
  'خالد|Khaled/Khalid',
  'سعيد|Said/Saïd/Saeed',
  'رشيد|Rachid/Rashid/Rasheed',
  'كريم|Karim/Kareem',
  'ياسين|Yassine/Yasin/Yacine',
  'حمزة|Hamza/Hamzah',
  'بلال|Bilal/Belal',
  'طارق|Tarek/Tariq/Tarik',
  'وليد|Walid/Waleed',
  'جمال|Jamal/Djamel/Gamal',
  'نبيل|Nabil/Nabeel',
  'عادل|Adil/Adel',
  'محمود|Mahmoud/Mahmud',
  'عثمان|Osman/Othman/Uthman/Ousmane',
  'موسى|Moussa/Musa/Mousa',
  'إدريس|Idris/Driss/Idriss',
  'سليمان|Suleiman/Slimane/Sulaiman',
  'نور الدين|Noureddine/Nour Eddine/Nuruddin',
  'أنس|Anas/Anass',
  'أيوب|Ayoub/Ayyub',
  'زكرياء|Zakaria/Zakariya',
  'مهدي|Mehdi/Mahdi',
);

export const ARAB_FEMALE = forms(
  'فاطمة|Fatima/Fatma/Fatimah/Fatiha',
  'خديجة|Khadija/Khadidja/Khadeeja',
  'عائشة|Aicha/Aisha/Aïcha/Aysha',
  'أمينة|Amina/Aminah',
  'زينب|Zineb/Zeinab/Zaynab',
  'سلمى|Salma/Selma',
  'مريم|Mariam/Meryem/Maryam',
  'حنان|Hanane/Hanan',
  'سميرة|Samira/Sameera',
  'ليلى|Layla/Leila/Laila',
  'رانيا|Rania/Ranya',
  'نور|Nour/Noor/Nur',
  'سعاد|Souad/Suad',
  'هدى|Houda/Huda/Hoda',
  'أسماء|Asmaa/Asma/Asmae',
  'نادية|Nadia/Nadiya',
  'ريم|Rim/Reem',
  'ياسمين|Yasmine/Yasmin/Jasmin',
  'إكرام|Ikram/Ikrame',
  'سهام|Siham/Seham',
  'هالة|Hala/Halah',
  'غادة|Ghada/Rhada',
  'حليمة|Halima/Haleema',
  'نجاة|Najat/Nagat',
);

export const MOROCCAN_FAMILY = forms(
  'بنعلي|Benali/Ben Ali/Bin Ali',
  'العمراني|El Amrani/Elamrani/Amrani/Al Amrani',
  'العلوي|Alaoui/El Alaoui/Alawi',
  'بناني|Bennani/Benani',
  'التازي|Tazi/Ettazi',
  'الإدريسي|El Idrissi/Idrissi/Elidrissi',
  'برادة|Berrada/Berada',
  'الشرايبي|Chraibi/Chraïbi',
  'بنجلون|Benjelloun/Ben Jelloun/Benjeloun',
  'الفاسي|El Fassi/Fassi',
  'الوزاني|Ouazzani/El Ouazzani/Wazzani',
  'لحلو|Lahlou/Lahlu',
  'البوزيدي|Bouzidi/El Bouzidi',
  'آيت أحمد|Ait Ahmed/Aït Ahmed/Ait Ahmad',
  'أوشن|Ouchen/Ouchène',
  'الزروالي|Zerouali/Zeroual',
  'بلقاضي|Belkadi/Belkady',
  'الناصري|Naciri/Nasiri/En Naciri',
  'الخطيب|El Khatib/Khatib/Al Khatib',
  'بوعزة|Bouazza/Bou Azza',
);

export const SYRIAN_FAMILY = forms(
  'الحسن|Al-Hassan/Alhassan/El Hassan',
  'الأحمد|Al-Ahmad/Alahmad/El Ahmad',
  'حداد|Haddad/Hadad',
  'الخوري|Khoury/Al Khoury/Khouri',
  'الحلبي|Al-Halabi/Halabi/El Halabi',
  'الشامي|Al-Shami/Shami/Chami',
  'درويش|Darwish/Darwiche/Derwich',
  'الكردي|Al-Kurdi/Kurdi/Kurdy',
  'الصباغ|Sabbagh/Al Sabbagh/Sabagh',
  'الحموي|Al-Hamwi/Hamwi/Hamoui',
  'الحمصي|Al-Homsi/Homsi',
  'قاسم|Kassem/Qassem/Qasim',
  'النجار|Al-Najjar/Najjar/Naggar',
  'العيسى|Al-Issa/Alissa/El Issa',
);

export const YEMENI_FAMILY = forms(
  'اليماني|Al-Yamani/Yamani/El Yamani',
  'الحضرمي|Al-Hadrami/Hadrami',
  'الصنعاني|Al-Sanaani/Sanani',
  'العنسي|Al-Ansi/Alansi',
  'صالح|Saleh/Salih/Salah',
  'الزبيري|Al-Zubairi/Zubairi',
  'المقطري|Al-Maqtari/Maqtari/Al Muqtari',
  'الهمداني|Al-Hamdani/Hamdani',
  'الشيباني|Al-Shaibani/Shaibani/Chaibani',
  'العمودي|Al-Amoudi/Amoudi/Alamoudi',
);

export const SUDANESE_FAMILY = forms(
  'عبد الرحمن|Abdelrahman/Abdulrahman/Abdel Rahman',
  'عثمان|Osman/Othman/Osmane',
  'الطيب|Eltayeb/El Tayeb/Al-Tayeb',
  'آدم|Adam/Adem',
  'إسحاق|Ishag/Ishaq/Ishak',
  'حامد|Hamid/Hamed',
  'بابكر|Babiker/Babikir/Babaker',
  'النور|Elnour/El Nour/Alnur',
  'يعقوب|Yagoub/Yacoub/Yaqub',
  'أبكر|Abakar/Abaker',
  'هارون|Haroun/Harun',
);

/** West African given names, many also written in Arabic script by Moroccan offices. */
export const WEST_AFRICAN_MALE = forms(
  'مامادو|Mamadou/Mamadu/Mamoudou',
  'عثمان|Ousmane/Usman/Osmane',
  'إبراهيما|Ibrahima/Ibrahim/Brahima',
  'موسى|Moussa/Musa/Mousa',
  'أبو بكر|Aboubacar/Abubakar/Boubacar',
  '|Alpha/Alfa',
  'سيدو|Seydou/Saidou/Seidou',
  '|Lamine/Lamin/Alamine',
  'عبدولاي|Abdoulaye/Abdulai/Ablaye',
  '|Modou/Moudou',
  '|Souleymane/Sulayman/Souleimane',
  'أمادو|Amadou/Amadu/Hamadou',
);

export const WEST_AFRICAN_FEMALE = forms(
  'فاطماتا|Fatoumata/Fatimata/Fatouma',
  'أميناتا|Aminata/Aminatou',
  '|Mariama/Mariam/Maryama',
  '|Kadiatou/Kadiatu/Khadiatou',
  '|Aissatou/Aïssatou/Aisatu',
  '|Hawa/Awa',
  '|Ramatoulaye/Ramatu',
  '|Oumou/Umu',
  '|Djeneba/Jeneba/Dieneba',
  '|Coumba/Kumba',
);

export const WEST_AFRICAN_FAMILY = forms(
  'ديالو|Diallo/Jallow/Djallo',
  'تراوري|Traoré/Traore/Trawally',
  'كوني|Koné/Kone/Konneh',
  'كيتا|Keïta/Keita/Kaita',
  'سيسي|Cissé/Cisse/Sissé',
  'كامارا|Camara/Kamara',
  'كوليبالي|Coulibaly/Kulibali/Coulibali',
  'توري|Touré/Toure/Turay',
  'ديوب|Diop/Jobe',
  'نداي|Ndiaye/N’Diaye/Njie',
  'سو|Sow/Sowe',
  'باه|Bah/Ba',
  'باري|Barry/Bari',
  'سيلا|Sylla/Silla',
  'كوناتي|Konaté/Konate',
  'سانغاري|Sangaré/Sangare',
  'ديارا|Diarra/Jarra',
  'كوياتي|Kouyaté/Kouyate/Kuyateh',
);

/** Central African names: Latin script only, Christian first names are common. */
export const CENTRAL_AFRICAN_MALE = forms(
  '|Jean-Pierre/Jean Pierre',
  '|Emmanuel/Emanuel',
  '|Patrick',
  '|Blaise',
  '|Aimé/Aime',
  '|Rodrigue/Rodrig',
  '|Arsène/Arsene',
  '|Hervé/Herve',
  '|Ghislain/Guislain',
  '|Exaucé/Exauce',
  '|Christian',
  '|Junior',
  '|Mahamat/Mahammat',
  '|Serge',
);

export const CENTRAL_AFRICAN_FEMALE = forms(
  '|Christelle/Christel',
  '|Grâce/Grace',
  '|Merveille/Merveil',
  '|Divine',
  '|Prisca/Priska',
  '|Nadège/Nadege',
  '|Sandrine',
  '|Chancelvie',
  '|Gloria',
  '|Falonne/Fallone',
);

export const CENTRAL_AFRICAN_FAMILY = forms(
  '|Mbarga',
  '|Nkoulou/Nkulu',
  '|Ekambi',
  '|Fotso',
  '|Tchoumi/Tchoumy',
  '|Ngono',
  '|Essomba/Esomba',
  '|Mukendi/Moukendi',
  '|Tshibanda/Tchibanda',
  '|Kabongo',
  '|Mbuyi/Mbuyu',
  '|Ilunga',
  '|Kalala',
  '|Nsimba',
  '|Malonga',
  '|Mabiala',
  '|Nganga',
  '|Ngakoutou',
  '|Ndoutabé/Ndoutabe',
);

/** Every table with an Arabic form, to turn a Latin-only name into what an Arabic speaker types. */
const ALL_FORMS: readonly NameForm[] = [
  ...ARAB_MALE, ...ARAB_FEMALE, ...MOROCCAN_FAMILY, ...SYRIAN_FAMILY, ...YEMENI_FAMILY, ...SUDANESE_FAMILY,
  ...WEST_AFRICAN_MALE, ...WEST_AFRICAN_FEMALE, ...WEST_AFRICAN_FAMILY,
];
const ARABIC_BY_LATIN = new Map<string, string>();
for (const f of ALL_FORMS) {
  if (f.ar) for (const l of f.latin) if (!ARABIC_BY_LATIN.has(l.toLowerCase())) ARABIC_BY_LATIN.set(l.toLowerCase(), f.ar);
}

/**
 * The Arabic-script spelling of a Latin name built from these tables (the benchmark's "name
 * typed in the other script"), or null when a word has no known Arabic form.
 */
export function arabicOf(latinName: string): string | null {
  const out: string[] = [];
  // Compounds first (Abdul Qadir, Nour Eddine), then single words.
  const words = latinName.split(' ');
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? ARABIC_BY_LATIN.get(`${words[i]} ${words[i + 1]}`.toLowerCase()) : undefined;
    if (pair) {
      out.push(pair);
      i += 1;
      continue;
    }
    const one = ARABIC_BY_LATIN.get((words[i] ?? '').toLowerCase());
    if (!one) return null;
    out.push(one);
  }
  return out.join(' ');
}
