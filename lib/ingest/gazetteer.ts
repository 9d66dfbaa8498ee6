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
  Salzburg, Porto, Seville, Valencia, Florence, Venice, Turin
`);

const REGIONS = names(`
  Europe, Africa, Asia, North America, South America, Latin America, Middle East, Balkans, Western Balkans,
  Baltics, Scandinavia, Caucasus, Sahel, Arctic, Antarctica, Crimea, Donbas, Donbass, Kashmir, Gaza Strip,
  West Bank, Golan Heights, Kurdistan, Siberia, Black Sea, Baltic Sea, North Sea, Mediterranean, Red Sea,
  South China Sea, Caspian Sea, Atlantic, Pacific, Indian Ocean, Persian Gulf, Horn of Africa, Central Asia,
  Southeast Asia, Indo-Pacific, Eurasia
`);

export const PLACE_NAMES: ReadonlySet<string> = new Set([...COUNTRIES, ...CAPITALS, ...CITIES, ...REGIONS]);

export function isKnownPlace(name: string): boolean {
  return PLACE_NAMES.has(name);
}
