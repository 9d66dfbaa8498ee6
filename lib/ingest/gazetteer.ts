// A general list of place names: countries and their usual short forms, national capitals, large cities and the
// regions news reports name most. compromise's lexicon misses many of them (or tags them only in some sentences);
// this list makes place detection steady. Names that are more often an English word or first name than a place
// ("Male", the capital of the Maldives; "Victoria", that of the Seychelles) are left out.

function names(list: string): string[] {
  return list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
}

const COUNTRIES = names(`
  Afghanistan, Albania, Algeria, Andorra, Angola, Antigua and Barbuda, Argentina, Armenia, Australia, Austria,
  Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia,
  Bosnia and Herzegovina, Bosnia, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon,
  Canada, Cape Verde, Central African Republic, Chad, Chile, China, Colombia, Comoros, Congo,
  Democratic Republic of the Congo, Costa Rica, Côte d’Ivoire, Ivory Coast, Croatia, Cuba, Cyprus,
  Czech Republic, Czechia, Denmark, Djibouti, Dominica, Dominican Republic, Ecuador, Egypt, El Salvador,
  Equatorial Guinea, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia,
  Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland,
  India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati,
  Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania,
  Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Marshall Islands, Mauritania, Mauritius,
  Mexico, Micronesia, Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nauru,
  Nepal, Netherlands, New Zealand, Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Macedonia, Norway,
  Oman, Pakistan, Palau, Palestine, Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal,
  Qatar, Romania, Russia, Russian Federation, Rwanda, Saint Lucia, Samoa, San Marino, Saudi Arabia, Senegal,
  Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Solomon Islands, Somalia, South Africa,
  South Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland, Syria, Taiwan, Tajikistan,
  Tanzania, Thailand, Timor-Leste, East Timor, Togo, Tonga, Trinidad and Tobago, Tunisia, Turkey, Türkiye,
  Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates, United Kingdom, Britain, Great Britain, England,
  Scotland, Wales, Northern Ireland, United States, United States of America, USA, US, UK, UAE, Uruguay,
  Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe, Greenland, Hong Kong, Macau,
  Puerto Rico, Western Sahara
`);

const CAPITALS = names(`
  Kabul, Tirana, Algiers, Luanda, Buenos Aires, Yerevan, Canberra, Vienna, Baku, Manama, Dhaka, Minsk, Brussels,
  Porto-Novo, Thimphu, La Paz, Sarajevo, Gaborone, Brasília, Brasilia, Sofia, Ouagadougou, Phnom Penh, Yaoundé,
  Ottawa, Bangui, Santiago, Beijing, Bogotá, Bogota, Kinshasa, Brazzaville, San José, Zagreb, Havana, Nicosia,
  Prague, Copenhagen, Santo Domingo, Quito, Cairo, San Salvador, Asmara, Tallinn, Addis Ababa, Suva, Helsinki,
  Paris, Libreville, Banjul, Tbilisi, Berlin, Accra, Athens, Guatemala City, Conakry, Bissau, Georgetown,
  Port-au-Prince, Tegucigalpa, Budapest, Reykjavik, Reykjavík, New Delhi, Delhi, Jakarta, Tehran, Baghdad,
  Dublin, Jerusalem, Tel Aviv, Rome, Kingston, Tokyo, Amman, Astana, Nairobi, Pristina, Kuwait City, Bishkek,
  Vientiane, Riga, Beirut, Maseru, Monrovia, Tripoli, Vilnius, Antananarivo, Lilongwe, Kuala Lumpur, Bamako,
  Valletta, Nouakchott, Port Louis, Mexico City, Chișinău, Chisinau, Ulaanbaatar, Podgorica, Rabat, Maputo,
  Naypyidaw, Windhoek, Kathmandu, Amsterdam, The Hague, Wellington, Managua, Niamey, Abuja, Pyongyang, Skopje,
  Oslo, Muscat, Islamabad, Panama City, Port Moresby, Asunción, Lima, Manila, Warsaw, Lisbon, Doha, Bucharest,
  Moscow, Kigali, Riyadh, Dakar, Belgrade, Freetown, Bratislava, Ljubljana, Mogadishu, Pretoria, Cape Town,
  Seoul, Juba, Madrid, Colombo, Khartoum, Paramaribo, Stockholm, Bern, Damascus, Taipei, Dushanbe, Dodoma,
  Bangkok, Lomé, Tunis, Ankara, Ashgabat, Kampala, Kyiv, Kiev, Abu Dhabi, London, Washington, Montevideo,
  Tashkent, Caracas, Hanoi, Sanaa, Lusaka, Harare, Luxembourg City, Andorra la Vella, Vaduz, San Marino, Monaco,
  Nuuk
`);

const CITIES = names(`
  New York, Los Angeles, Chicago, Houston, San Francisco, Boston, Miami, Seattle, Toronto, Montreal, Vancouver,
  São Paulo, Rio de Janeiro, Johannesburg, Lagos, Dubai, Istanbul, Shanghai, Mumbai, Kolkata, Karachi, Lahore,
  Osaka, Sydney, Melbourne, Munich, Frankfurt, Hamburg, Cologne, Milan, Naples, Barcelona, Geneva, Zurich,
  Strasbourg, Rotterdam, Antwerp, Lyon, Marseille, Manchester, Birmingham, Glasgow, Edinburgh, Belfast, Cardiff,
  Saint Petersburg, St Petersburg, Kharkiv, Odesa, Odessa, Lviv, Mariupol, Donetsk, Luhansk, Sevastopol, Aleppo,
  Homs, Mosul, Basra, Erbil, Kandahar, Herat, Gaza, Ramallah, Benghazi, Davos, Gdańsk, Kraków, Krakow,
  Salzburg, Porto, Seville, Valencia, Florence, Venice, Turin, Philadelphia, Pittsburgh, Detroit, Atlanta, Dallas,
  Denver, Phoenix, San Diego, Las Vegas, New Orleans, Baltimore, Cleveland, Minneapolis
`);

/** The states of the United States, named in American briefings as often as countries ("Georgia" is above). */
const US_STATES = names(`
  Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho,
  Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota,
  Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, North Carolina,
  North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas,
  Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming
`);

const REGIONS = names(`
  Europe, Africa, Asia, North America, South America, Latin America, Middle East, Balkans, Western Balkans,
  Baltics, Scandinavia, Caucasus, Sahel, Arctic, Antarctica, Crimea, Donbas, Donbass, Kashmir, Gaza Strip,
  West Bank, Golan Heights, Kurdistan, Siberia, Black Sea, Baltic Sea, North Sea, Mediterranean, Red Sea,
  South China Sea, Caspian Sea, Atlantic, Pacific, Indian Ocean, Persian Gulf, Horn of Africa, Central Asia,
  Southeast Asia, Indo-Pacific, Eurasia
`);

/**
 * How French, German and Spanish transcripts write the places news names most, where that differs from English.
 * ("Roma" is left out: in English text it is more often the people than the city.)
 */
const LOCAL_NAMES = names(`
  Bruxelles, Brüssel, Bruselas, Londres, Moscou, Moskau, Moscú, Kiew, Kyïv, Kiyv, Varsovie, Warschau, Varsovia,
  Genève, Genf, Ginebra, München, Wien, Vienne, Viena, Pékin, Peking, Pekín, La Haye, Den Haag, La Haya, Lisbonne,
  Lissabon, Lisboa, Athènes, Athen, Atenas, Copenhague, Kopenhagen, Estocolmo, Prag, Praga, Bucarest, Bukarest,
  Straßburg, Estrasburgo, Luxemburg, Luxemburgo, Charkiw, Járkov, Lemberg, Leópolis, Marioupol, Cherson, Kherson,
  Jersón, Bakhmut, Bachmut, Bakhmout, Bajmut, Anvers, Francfort, Köln, Colonia, Nueva York, Estambul, Jérusalem,
  Jerusalén, Le Caire, Kairo, El Cairo, Bagdad, Téhéran, Teheran, Teherán, Séoul, Tokio,
  Allemagne, Deutschland, Alemania, Royaume-Uni, Vereinigtes Königreich, Reino Unido, Grande-Bretagne,
  Großbritannien, Gran Bretaña, États-Unis, Vereinigte Staaten, Estados Unidos, Russie, Russland, Rusia, Ucrania,
  Biélorussie, Weißrussland, Bielorrusia, Pologne, Polen, Polonia, Chine, Espagne, Spanien, España,
  Italie, Italien, Italia, Belgique, Belgien, Bélgica, Turquie, Türkei, Turquía, Grèce, Griechenland, Grecia,
  Suisse, Schweiz, Suiza, Autriche, Österreich, Pays-Bas, Niederlande, Países Bajos, Suède, Schweden, Suecia,
  Finlande, Finnland, Finlandia, Norvège, Norwegen, Noruega, Danemark, Dänemark, Dinamarca, Estonie, Estland,
  Lettonie, Lettland, Letonia, Lituanie, Litauen, Lituania, Roumanie, Rumänien, Rumanía, Moldavie, Moldau,
  Hongrie, Ungarn, Hungría, Tchéquie, Tschechien, Chequia, Slovaquie, Slowakei, Eslovaquia, Géorgie, Georgien,
  Japon, Japón, Inde, Indien, Irak, Israël, Syrie, Syrien, Siria, Liban, Libanon, Líbano, Égypte,
  Ägypten, Egipto, Crimée, Krim, Mer Noire, Schwarzes Meer, Mar Negro, Europa, Afrique, Afrika,
  África, Asie, Asien, Amérique latine, Lateinamerika, América Latina, Proche-Orient, Nahost, Oriente Medio
`);

/** Russian and Ukrainian names of the places news names most, in the nominative. */
const CYRILLIC_NAMES = names(`
  Україна, Украина, Росія, Россия, Білорусь, Беларусь, США, Франція, Франция, Німеччина, Германия, Польща, Польша,
  Велика Британія, Великобритания, Китай, Туреччина, Турция, Італія, Италия, Іспанія, Испания, Молдова, Грузія,
  Грузия, Литва, Латвія, Латвия, Естонія, Эстония, Румунія, Румыния, Угорщина, Венгрия, Ізраїль, Израиль, Іран,
  Иран, Сирія, Сирия, Європа, Европа, Крим, Крым, Донбас, Донбасс, Чорне море, Черное море,
  Київ, Киев, Москва, Харків, Харьков, Одеса, Одесса, Львів, Львов, Дніпро, Днепр, Запоріжжя, Запорожье, Херсон,
  Маріуполь, Мариуполь, Бахмут, Донецьк, Донецк, Луганськ, Луганск, Севастополь, Суми, Сумы, Чернігів, Чернигов,
  Бєлгород, Белгород, Санкт-Петербург, Мінськ, Минск, Варшава, Брюссель, Берлін, Берлин, Париж, Лондон, Вашингтон,
  Будапешт, Вільнюс, Вильнюс, Рига, Таллінн, Таллин, Гельсінкі, Хельсинки, Женева, Мюнхен, Рим, Мадрид, Анкара, Стамбул,
  Пекін, Пекин, Нью-Йорк, Давос, Гаага, Страсбург
`);

/**
 * After "в"/"у" ("in") Russian and Ukrainian put a place in the locative: "у Києві", "в Москве". These are the
 * forms titles use ("Брифінг у Києві"), mapped to the name as a dateline writes it.
 */
const CYRILLIC_LOCATIVES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Україні: "Україна",
    Украине: "Украина",
    Росії: "Росія",
    России: "Россия",
    Франції: "Франція",
    Франции: "Франция",
    Німеччині: "Німеччина",
    Германии: "Германия",
    Польщі: "Польща",
    Польше: "Польша",
    Європі: "Європа",
    Европе: "Европа",
    Криму: "Крим",
    Крыму: "Крым",
    Донбасі: "Донбас",
    Донбассе: "Донбасс",
    Києві: "Київ",
    Киеве: "Киев",
    Москві: "Москва",
    Москве: "Москва",
    Харкові: "Харків",
    Харькове: "Харьков",
    Одесі: "Одеса",
    Одессе: "Одесса",
    Львові: "Львів",
    Львове: "Львов",
    Дніпрі: "Дніпро",
    Херсоні: "Херсон",
    Херсоне: "Херсон",
    Маріуполі: "Маріуполь",
    Мариуполе: "Мариуполь",
    Мінську: "Мінськ",
    Минске: "Минск",
    Варшаві: "Варшава",
    Варшаве: "Варшава",
    Брюсселі: "Брюссель",
    Брюсселе: "Брюссель",
    Берліні: "Берлін",
    Берлине: "Берлин",
    Парижі: "Париж",
    Париже: "Париж",
    Лондоні: "Лондон",
    Лондоне: "Лондон",
    Вашингтоні: "Вашингтон",
    Вашингтоне: "Вашингтон",
    Вільнюсі: "Вільнюс",
    Вильнюсе: "Вильнюс",
    Женеві: "Женева",
    Женеве: "Женева",
    Мюнхені: "Мюнхен",
    Мюнхене: "Мюнхен",
    Римі: "Рим",
    Риме: "Рим",
    Мадриді: "Мадрид",
    Мадриде: "Мадрид",
    Анкарі: "Анкара",
    Анкаре: "Анкара",
    Стамбулі: "Стамбул",
    Стамбуле: "Стамбул",
    Давосі: "Давос",
    Давосе: "Давос",
    Гаазі: "Гаага",
    Гааге: "Гаага",
    Страсбурзі: "Страсбург",
    Страсбурге: "Страсбург",
  }),
);

export const PLACE_NAMES: ReadonlySet<string> = new Set([
  ...COUNTRIES,
  ...CAPITALS,
  ...CITIES,
  ...REGIONS,
  ...US_STATES,
  ...LOCAL_NAMES,
  ...CYRILLIC_NAMES,
]);

export function isKnownPlace(name: string): boolean {
  return PLACE_NAMES.has(name);
}

/** The place a word names, in the form a dateline writes it: "Brussels" → "Brussels", "Києві" → "Київ". */
export function knownPlaceName(word: string): string | null {
  if (PLACE_NAMES.has(word)) return word;
  return CYRILLIC_LOCATIVES.get(word) ?? null;
}
