/**
 * Countries, a few regions and capitals, and their adjectives. Used to split
 * "… of the Ministry of Defense of Ukraine Kyrylo Budanov" into role and name,
 * and to read "the United States confirmed" or "Washington does not" as an
 * organisation speaking. Lower-case; multi-word names are matched word by word.
 */

const COUNTRIES = `
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh
barbados belarus belgium belize benin bhutan bolivia bosnia herzegovina botswana brazil brunei bulgaria burkina faso
burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech republic
denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia
germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius
mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
zealand nicaragua niger nigeria macedonia norway oman pakistan palau palestine panama paraguay peru philippines
poland portugal qatar romania russia rwanda samoa marino arabia senegal serbia seychelles sierra leone singapore
slovakia slovenia somalia africa sudan spain lanka suriname sweden switzerland syria taiwan tajikistan tanzania
thailand togo tonga trinidad tobago tunisia turkey turkiye turkmenistan tuvalu uganda ukraine emirates kingdom
states america uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe korea dprk ussr
britain england scotland wales europe asia crimea donbas donetsk luhansk kharkiv kherson zaporizhzhia kursk bryansk
belgorod siberia gaza israel kyiv moscow washington beijing london paris berlin brussels tokyo seoul pyongyang
tehran ankara warsaw vienna geneva minsk tbilisi chisinau tiraspol riga tallinn vilnius helsinki stockholm oslo
copenhagen rome madrid lisbon athens budapest prague bratislava bucharest sofia belgrade zagreb ljubljana
`;

const ADJECTIVES = `
afghan albanian algerian american angolan argentine argentinian armenian australian austrian azerbaijani belarusian
belgian bolivian bosnian brazilian british bulgarian cambodian cameroonian canadian chilean chinese colombian
congolese croatian cuban cypriot czech danish dutch egyptian english estonian ethiopian european finnish french
georgian german ghanaian greek hungarian icelandic indian indonesian iranian iraqi irish israeli italian japanese
jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz latvian lebanese libyan lithuanian luxembourgish macedonian
malaysian maltese mexican moldovan mongolian montenegrin moroccan nigerian norwegian pakistani palestinian peruvian
philippine polish portuguese qatari romanian russian rwandan saudi scottish serbian singaporean slovak slovenian
somali sudanese spanish swedish swiss syrian taiwanese tajik thai tunisian turkish ukrainian emirati uzbek
venezuelan vietnamese welsh yemeni asian african arab western eastern northern southern soviet pacific atlantic
euro-atlantic transatlantic buryat chechen
`;

/** Provinces, territories and states whose names are not also common given names ("Virginia", "Georgia" are left out). */
const REGIONS = `
ontario quebec alberta manitoba saskatchewan nova scotia brunswick newfoundland labrador yukon nunavut
california texas florida ohio michigan illinois pennsylvania arizona nevada oregon iowa kansas nebraska minnesota
wisconsin kentucky tennessee alabama mississippi louisiana arkansas oklahoma missouri utah idaho wyoming colorado
connecticut massachusetts vermont delaware hawaii alaska
`;

export const PLACE_WORDS: ReadonlySet<string> = new Set([...COUNTRIES.trim().split(/\s+/), ...REGIONS.trim().split(/\s+/)]);
export const NATIONALITY_WORDS: ReadonlySet<string> = new Set(ADJECTIVES.trim().split(/\s+/));

/**
 * US state abbreviations as news copy writes them after a town ("Erie, Pa.", "Macon, Ga."), lower-case without
 * their dot. Only with the dot are they places: "Del Toro", "Mo Farah" and "La Rosa" are names.
 */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'.split(' '),
);
